// What the status bar item says for each client state and `citelsp/status` notification.
import type { StatusParams } from './protocol';

export type ClientPhase =
  | { kind: 'starting' }
  | { kind: 'running'; status?: StatusParams }
  | { kind: 'failed'; message: string }
  | { kind: 'stopped' };

export interface StatusView {
  text: string;
  tooltip: string;
  error: boolean;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function statusView(phase: ClientPhase): StatusView {
  switch (phase.kind) {
    case 'starting':
      return { text: '$(sync~spin) CiteLsp', tooltip: 'CiteLsp: starting the server…', error: false };
    case 'stopped':
      return { text: '$(circle-slash) CiteLsp', tooltip: 'CiteLsp: the server is stopped. Click for the output.', error: false };
    case 'failed':
      return { text: '$(error) CiteLsp', tooltip: `CiteLsp: ${phase.message}`, error: true };
    case 'running': {
      const s = phase.status;
      if (s === undefined) return { text: '$(book) CiteLsp', tooltip: 'CiteLsp: server running, no bibliography loaded yet', error: false };
      const loaded = `${count(s.entries, 'entry', 'entries')} from ${count(s.files, 'file', 'files')}`;
      if (s.errors > 0) {
        const detail = s.message ? `\n${s.message}` : '';
        return {
          text: `$(error) ${s.entries.toLocaleString('en-US')}`,
          tooltip: `CiteLsp: ${loaded}; ${count(s.errors, 'error', 'errors')}${detail}\nClick to see the loaded bibliographies.`,
          error: true,
        };
      }
      const note = s.message ? `\n${s.message}` : '';
      return {
        text: `$(book) ${s.entries.toLocaleString('en-US')}`,
        tooltip: `CiteLsp: ${loaded}${note}\nClick to see the loaded bibliographies.`,
        error: false,
      };
    }
  }
}

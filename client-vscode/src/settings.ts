// The settings contract (CONTRACTS.md "Settings"): what package.json contributes, what the server is
// sent for `workspace/configuration` section `citelsp`, and where the server binary is found.
import * as path from 'node:path';

export const Section = 'citelsp';

export interface SettingSpec {
  /** Key without the `citelsp.` prefix, dotted. */
  key: string;
  type: 'string' | 'boolean' | 'integer' | 'number' | 'array';
  default: unknown;
  enum?: readonly string[];
  /** For arrays: the item type. */
  items?: 'string';
  minimum?: number;
  description: string;
}

/** Settings the server reads. */
export const ServerSettings: readonly SettingSpec[] = [
  {
    key: 'bibliography', type: 'array', items: 'string', default: [],
    description: 'Extra bibliography files or globs (workspace-relative or absolute) that every document sees, LaTeX and Markdown alike.',
  },
  {
    key: 'library', type: 'array', items: 'string', default: [],
    description: 'Library files (e.g. a Zotero/Better BibTeX auto-export): offered in completion and added to the bibliography on demand.',
  },
  {
    key: 'seeds.enabled', type: 'boolean', default: true,
    description: 'Include the embedded seed catalog in the library.',
  },
  {
    key: 'completion.limit', type: 'integer', default: 50, minimum: 1,
    description: 'Maximum number of completion items (the list is marked incomplete when truncated).',
  },
  {
    key: 'completion.addToBibliography', type: 'boolean', default: true,
    description: "Accepting a library entry appends it to the document's bibliography file.",
  },
  {
    key: 'diagnostics.enabled', type: 'boolean', default: true,
    description: 'Publish citation diagnostics.',
  },
  {
    key: 'diagnostics.severity', type: 'string', default: 'warning', enum: ['error', 'warning', 'information', 'hint'],
    description: 'Severity of unresolved citations.',
  },
  {
    key: 'inlayHints.enabled', type: 'boolean', default: false,
    description: 'Show a short reference such as "Nakkiran et al. 2019" after each resolved key.',
  },
  {
    key: 'latex.citationCommands', type: 'array', items: 'string', default: [],
    description: 'Extra LaTeX citation command names, without backslash.',
  },
  {
    key: 'limits.maxCatalogSizeMB', type: 'number', default: 1024, minimum: 0,
    description: 'Larger bibliography or library files are not loaded (reported once).',
  },
  {
    key: 'limits.fieldsOnDiskAboveMB', type: 'number', default: 128, minimum: 0,
    description: 'BibTeX files this big or bigger keep only what completion shows in memory; raw fields and abstracts are read from the file when shown, and abstracts are not searched.',
  },
  {
    key: 'limits.maxDocumentSizeMB', type: 'number', default: 16, minimum: 0,
    description: 'Larger documents are not scanned for citations (reported once).',
  },
];

/** Settings only the client reads. */
export const ClientSettings: readonly SettingSpec[] = [
  {
    key: 'server.path', type: 'string', default: '',
    description: 'The CiteLsp server to run instead of the bundled one: a citelsp.dll (run with dotnet), a folder holding it, or an executable. Empty = bundled server.',
  },
  {
    key: 'trace.server', type: 'string', default: 'off', enum: ['off', 'messages', 'verbose'],
    description: 'Trace the communication between VS Code and the CiteLsp server in the output.',
  },
];

/** The `contributes.configuration.properties` object for package.json. */
export function contributedProperties(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const s of [...ServerSettings, ...ClientSettings]) {
    const p: Record<string, unknown> = { type: s.type, default: s.default, description: s.description };
    if (s.items !== undefined) p.items = { type: s.items };
    if (s.enum !== undefined) p.enum = [...s.enum];
    if (s.minimum !== undefined) p.minimum = s.minimum;
    if (s.key === 'server.path' || s.key === 'trace.server') p.scope = 'window';
    out[`${Section}.${s.key}`] = p;
  }
  return out;
}

/**
 * The `citelsp` section as the server receives it: dotted keys become nested objects, exactly as
 * VS Code's `workspace.getConfiguration('citelsp')` returns them. `values` overrides the defaults
 * (dotted keys, without prefix); client-only settings are left out.
 */
export function serverSection(values: Record<string, unknown> = {}): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const s of ServerSettings) {
    const value = Object.prototype.hasOwnProperty.call(values, s.key) ? values[s.key] : s.default;
    const parts = s.key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node = (node[part] ??= {}) as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = Array.isArray(value) ? [...value] : value;
  }
  return root;
}

export interface ServerLaunch {
  command: string;
  args: string[];
  /** The dll to run, when run through dotnet (to check that it exists). */
  dll?: string;
}

export const ServerDll = 'citelsp.dll';

/**
 * How to start the server: the bundled `server/citelsp.dll`, or `citelsp.server.path` (a dll, a
 * folder holding citelsp.dll, or an executable). `~` and `${workspaceFolder}` are expanded;
 * relative paths are taken from the first workspace folder.
 */
export function resolveServerLaunch(
  setting: string | undefined,
  extensionPath: string,
  env: { home?: string; workspaceFolder?: string; isDirectory?: (p: string) => boolean } = {},
): ServerLaunch {
  const raw = (setting ?? '').trim();
  if (raw === '') return dotnet(path.join(extensionPath, 'server', ServerDll));
  let p = raw.replace(/\$\{workspaceFolder\}/g, env.workspaceFolder ?? '');
  if (env.home !== undefined && (p === '~' || p.startsWith('~/'))) p = path.join(env.home, p.slice(1));
  if (!path.isAbsolute(p) && env.workspaceFolder) p = path.join(env.workspaceFolder, p);
  if (/\.dll$/i.test(p)) return dotnet(p);
  if (env.isDirectory?.(p)) return dotnet(path.join(p, ServerDll));
  return { command: p, args: ['--stdio'] };
}

function dotnet(dll: string): ServerLaunch {
  return { command: 'dotnet', args: [dll, '--stdio'], dll };
}

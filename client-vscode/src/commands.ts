// Command ids and titles; package.json's contributes.commands must list exactly these (tested).

export const Commands = {
  insertCitation: { id: 'citelsp.insertCitation', title: 'Insert Citation…' },
  showBibliographies: { id: 'citelsp.showBibliographies', title: 'Show Loaded Bibliographies' },
  restartServer: { id: 'citelsp.restartServer', title: 'Restart Server' },
  showOutput: { id: 'citelsp.showOutput', title: 'Show Output' },
} as const;

export const CommandCategory = 'CiteLsp';

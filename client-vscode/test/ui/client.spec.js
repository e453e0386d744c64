// UI check of the extension in a real VS Code (code-server) against fake-server.js.
const fs = require('fs');

const statusTexts = page => page.$$eval('.statusbar-item', els => els.map(e => `${e.id}=${e.innerText.trim()}`));

/** Runs Insert Citation; for each [query, title] types the query and ticks the row with that title. */
async function pickAndAccept(page, vs, steps) {
  await vs.runCommand(page, 'CiteLsp: Insert Citation');
  for (const [query, title] of steps) {
    await page.locator('.quick-input-widget input').first().fill(query);
    await page.waitForTimeout(600); // the debounced search has answered
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ timeout: 15000 });
    await row.click();
  }
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden' });
  await vs.focusEditor(page);
  await page.keyboard.press('Control+S');
  await page.waitForTimeout(800);
}

module.exports = {
  'activates; the status bar shows the entry count; no notification': async ({ page, vs, shot, assert }) => {
    await vs.openFile(page, 'paper.tex');
    let texts = [];
    for (let i = 0; i < 60 && !texts.some(t => /citelsp\.status=2$/.test(t)); i++) {
      await page.waitForTimeout(500);
      texts = await statusTexts(page);
    }
    await shot('status');
    assert.ok(texts.some(t => /citelsp\.status=2$/.test(t)), JSON.stringify(texts));
    assert.equal(await page.locator('.notifications-toasts .notification-toast').count(), 0);
  },
  'completion and hover through the client; the citelsp section reaches the server nested': async ({ page, vs, file, assert }) => {
    const c = vs.findInFile(file('paper.tex'), '\\cite{knu}');
    await vs.gotoLineCol(page, c.line, c.col);
    await vs.waitForSuggestion(page, 'knuth1984', { timeout: 30000 });
    await page.keyboard.press('Escape');
    const k = vs.findInFile(file('paper.tex'), 'knuth1984');
    const text = await vs.showHoverAt(page, k.line, k.col + 2, { contains: 'PULLED' });
    assert.match(text, /PULLED=\{"bibliography":\[\],"library":\[\],"seeds":\{"enabled":true\}/);
    assert.match(text, /PUSHED=\{"citelsp":\{"bibliography":\[\]/);
    await page.keyboard.press('Escape');
  },
  'Insert Citation adds to the \\cite at the cursor': async ({ page, vs, file, assert, shot }) => {
    const p = vs.findInFile(file('paper.tex'), 'nosuchkey2000');
    await vs.gotoLineCol(page, p.line, p.col + 'nosuchkey2000'.length);
    await pickAndAccept(page, vs, [['lamp', 'Document Preparation System']]);
    await shot('latex-inserted');
    assert.match(fs.readFileSync(file('paper.tex'), 'utf8'), /\\cite\{nosuchkey2000,lamport1994\}/);
  },
  'Insert Citation in Markdown: a pick survives the next search': async ({ page, vs, file, assert }) => {
    await vs.openFile(page, 'paper.md');
    const p = vs.findInFile(file('paper.md'), 'nosuchkey2000');
    await vs.gotoLineCol(page, p.line, p.col + 'nosuchkey2000'.length);
    await pickAndAccept(page, vs, [['knuth', 'TeXbook'], ['lamport', 'Document Preparation System']]);
    assert.match(fs.readFileSync(file('paper.md'), 'utf8'), /\[@nosuchkey2000; @knuth1984; @lamport1994\]/);
  },
  'Insert Citation: quick picks while a search is still on its way': async ({ page, vs, file, assert }) => {
    const p = vs.findInFile(file('paper.md'), 'Completion: ');
    await vs.gotoLineCol(page, p.line, p.col + 'Completion: '.length);
    await vs.runCommand(page, 'CiteLsp: Insert Citation');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'TeXbook' }).first().waitFor({ timeout: 15000 });
    await page.locator('.quick-input-widget input').first().fill('e');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'TeXbook' }).first().click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Document Preparation System' }).first().click();
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden' });
    await vs.focusEditor(page);
    await page.keyboard.press('Control+S');
    await page.waitForTimeout(800);
    assert.match(fs.readFileSync(file('paper.md'), 'utf8'), /Completion: \[@knuth1984; @lamport1994\]\[@knu\]/);
  },
  'Restart Server: back to the entry count, no notification': async ({ page, vs, assert }) => {
    await vs.runCommand(page, 'CiteLsp: Restart Server');
    let texts = [];
    for (let i = 0; i < 40; i++) {
      await page.waitForTimeout(250);
      texts = await statusTexts(page);
      if (texts.some(t => /citelsp\.status=2$/.test(t)) && i > 3) break;
    }
    assert.ok(texts.some(t => /citelsp\.status=2$/.test(t)), JSON.stringify(texts));
    assert.equal(await page.locator('.notifications-toasts .notification-toast').count(), 0);
  },
  'Show Loaded Bibliographies lists files and errors': async ({ page, vs, assert, shot }) => {
    await vs.runCommand(page, 'CiteLsp: Show Loaded Bibliographies');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'refs.bib' }).first().waitFor({ timeout: 15000 });
    const rows = await page.$$eval('.quick-input-list .monaco-list-row', els => els.map(e => e.innerText.replace(/\n/g, ' | ')));
    await shot('bibliographies');
    assert.ok(rows.some(r => r.includes('bibliography · 2 entries · 1 error')), JSON.stringify(rows));
    assert.ok(rows.some(r => r.includes('stray @ at top level')), JSON.stringify(rows));
    await page.keyboard.press('Escape');
  },
};

// UI check of the extension with the real server (the bundled one, or citelsp.server.path):
// the status bar count and "Insert Citation" through citelsp/search on the seed catalog.
const fs = require('fs');

module.exports = {
  'the status bar shows the loaded entry count': async ({ page, vs, shot, assert }) => {
    await vs.openFile(page, 'paper.tex');
    let texts = [];
    for (let i = 0; i < 60 && !texts.some(t => /citelsp\.status=\d/.test(t)); i++) {
      await page.waitForTimeout(500);
      texts = await page.$$eval('.statusbar-item', els => els.map(e => `${e.id}=${e.innerText.trim()}|${e.getAttribute('aria-label')}`));
    }
    await shot('status');
    console.log('    status:', JSON.stringify(texts.filter(t => /citelsp/.test(t))));
    assert.ok(texts.some(t => /citelsp\.status=\d/.test(t)), JSON.stringify(texts));
  },
  'Insert Citation searches the catalog and extends the \\cite': async ({ page, vs, file, assert, shot }) => {
    const p = vs.findInFile(file('paper.tex'), 'lamport1994');
    await vs.gotoLineCol(page, p.line, p.col + 'lamport1994'.length);
    await vs.runCommand(page, 'CiteLsp: Insert Citation');
    await page.locator('.quick-input-widget input').first().fill('learning');
    await page.waitForTimeout(800);
    const row = page.locator('.quick-input-list .monaco-list-row').first();
    await row.waitFor({ timeout: 15000 });
    console.log('    first row:', (await row.innerText()).replace(/\n/g, ' | '));
    await shot('picker');
    await row.click();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden' });
    await vs.focusEditor(page);
    await page.keyboard.press('Control+S');
    await page.waitForTimeout(800);
    const text = fs.readFileSync(file('paper.tex'), 'utf8');
    console.log('    line:', text.split('\n').find(l => l.includes('lamport1994')));
    assert.match(text, /\\cite\{lamport1994,[^,}\s]+\}/);
  },
};

// UI check: a server that cannot start or keeps crashing gives ONE notification matching
// $EXPECT_TOAST and an error status bar item.
module.exports = {
  'one clear notification and an error status': async ({ page, vs, shot, assert }) => {
    await vs.openFile(page, 'paper.tex');
    const toast = page.locator('.notifications-toasts .notification-toast');
    await toast.first().waitFor({ timeout: 60000 });
    await page.waitForTimeout(6000); // time for anything else to pile up
    const texts = await toast.allInnerTexts();
    const status = await page.$$eval('.statusbar-item', els => els.map(e => `${e.id}=${e.innerText.trim()}`));
    await shot('failure');
    console.log('    notification:', JSON.stringify(texts));
    assert.equal(texts.length, 1, JSON.stringify(texts));
    assert.match(texts[0], new RegExp(process.env.EXPECT_TOAST));
    assert.ok(status.some(s => /citelsp\.status=.*CiteLsp$/.test(s)), JSON.stringify(status));
  },
};

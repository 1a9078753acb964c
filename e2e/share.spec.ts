// Share links: a copied link reopens the same scene; a hostile link shows an error, never a blank page.
import { deflateSync } from 'fflate';
import { expect, nodeIds, openApp, snap, test } from './fixtures.ts';

test('a copied link reopened in a fresh page shows the same scene', async ({ page, browser }) => {
  await openApp(page);
  await page.getByTestId('scenario-picker').selectOption('unknown-port');
  await expect(page.getByTestId('topology-nodes').locator('[data-node-id="ls:sw0"]')).toHaveCount(1);
  await page.getByTestId('packet-dst').fill('10.0.0.99');
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('notice')).toBeVisible();
  const link = page.url();
  expect(link).toMatch(/#s=1\.[A-Za-z0-9_-]+$/);
  const nodes = await nodeIds(page);

  const fresh = await (await browser.newContext()).newPage();
  await openApp(fresh, link.slice(link.indexOf('#')));
  await expect(fresh.getByTestId('script-editor')).toContainText('ovn-nbctl lsp-set-addresses sw0-gw unknown');
  expect(await nodeIds(fresh)).toEqual(nodes);
  await expect(fresh.getByTestId('packet-dst')).toHaveValue('10.0.0.99');
  await expect(fresh.getByTestId('packet-src')).toHaveValue('sw0-vm1');
  await snap(fresh, 'share-reopened');
  await fresh.getByTestId('script-editor').click();
  await fresh.keyboard.press('Control+End');
  await fresh.keyboard.type('ovn-nbctl ls-add edited\n');
  await expect(fresh).not.toHaveURL(/#s=/);
});

/** A link whose payload inflates to 8 MiB of spaces: it must be refused, not decompressed. */
function bombLink(): string {
  const packed = deflateSync(new Uint8Array(8 << 20).fill(0x20), { level: 9 });
  return '#s=1.' + Buffer.from(packed).toString('base64url');
}

for (const [name, hash] of [
  ['garbage', '#s=1.%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
  ['bad version', '#s=9.AAAA'],
  ['random base64', '#s=1.q83vEjRWeJq83vEjRWeJq83vEjRWeJ'],
  ['decompression bomb', bombLink()],
]) {
  test(`a hostile link (${name}) shows an error, not a blank page`, async ({ page }) => {
    await openApp(page, hash);
    await expect(page.getByTestId('link-error')).toBeVisible();
    await expect(page.getByTestId('link-error')).toContainText('could not be opened');
    await expect(page.getByTestId('topology-canvas')).toBeVisible();
    await expect(page.getByTestId('script-editor')).toContainText('ovn-nbctl');
    if (name === 'garbage') await snap(page, 'hostile-link');
  });
}

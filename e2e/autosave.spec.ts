// A person's script is never lost: it survives a reload, and opening a built-in or a link keeps it.
import { expect, nodeIds, openApp, test, waitLoaded } from './fixtures.ts';

test('a typed script survives a reload and a detour through a built-in', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('script-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('ovn-nbctl ls-add mine\n');
  await expect(page.getByTestId('topology-nodes').locator('[data-node-id="ls:mine"]')).toHaveCount(1);
  await expect(page.getByTestId('scenario-picker')).toHaveValue('own');

  await page.reload();
  await waitLoaded(page);
  await expect(page.getByTestId('script-editor')).toContainText('ovn-nbctl ls-add mine');
  expect(await nodeIds(page)).toContain('ls:mine');

  await page.getByTestId('scenario-picker').selectOption('arp-flood');
  await expect(page.getByTestId('script-editor')).not.toContainText('ls-add mine');
  await page.getByTestId('scenario-picker').selectOption('own');
  await expect(page.getByTestId('script-editor')).toContainText('ovn-nbctl ls-add mine');
});

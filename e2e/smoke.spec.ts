// The app loads on its built-in scenario with no console error, and shows the script and the canvas.
import { expect, openApp, snap, test } from './fixtures.ts';

test('loads with no console error', async ({ page, consoleErrors }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: /ovnviz/ })).toBeVisible();
  await expect(page.getByTestId('script-editor')).toContainText('ovn-nbctl ls-add ls1');
  await snap(page, 'smoke');
  expect(consoleErrors).toEqual([]);
});

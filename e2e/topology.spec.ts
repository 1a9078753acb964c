// The views of a loaded scenario: canvas nodes, script errors at line:col, the flow views and the console.
import { expect, nodeIds, openApp, snap, test } from './fixtures.ts';

test('canvas shows the expected nodes of the built-in scenario', async ({ page, consoleErrors }) => {
  await openApp(page);
  await expect(page.getByTestId('topology-canvas')).toHaveAttribute('data-node-count', '7');
  expect((await nodeIds(page)).sort()).toEqual(
    ['ch:hv1', 'ch:hv2', 'ls:ls1', 'lsp:ls1-vm1', 'lsp:ls1-vm2', 'vm:ls1-vm1', 'vm:ls1-vm2'].sort(),
  );
  await expect(page.getByTestId('script-error')).toHaveCount(0);
  await snap(page, 'topology-two-vms');
  expect(consoleErrors).toEqual([]);
});

test('script errors are shown at line:col and the flow table lists stages', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tab-lflows').click();
  await expect(page.getByTestId('lflows')).toContainText('ls_in_check_port_sec');
  await expect(page.getByTestId('lflows')).toContainText('ls_out_apply_port_sec');
  await snap(page, 'lflows-two-vms');
  const editor = page.getByTestId('script-editor');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\novn-nbctl lsp-add nosuchswitch p1\n');
  await expect(page.getByTestId('script-error').first()).toContainText(/^17:\d+: /, { timeout: 10_000 });
  await snap(page, 'script-error');
});

test('the gateway tutorial draws routers between the switches they join', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('scenario-picker').selectOption('gateway');
  await expect(page.getByTestId('topology-nodes').locator('[data-node-id="lr:gw1"]')).toHaveCount(1);
  const ids = await nodeIds(page);
  for (const id of [
    'ls:ls1',
    'ls:join',
    'ls:outside',
    'lr:router1',
    'lr:gw1',
    'lrp:router1-ls1',
    'lsp:ls1-router1',
    'net:phyNet',
  ])
    expect(ids).toContain(id);
  await expect(page.getByTestId('script-error')).toHaveCount(0);
  await snap(page, 'topology-gateway');
});

test('the console runs a command after the script', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tab-console').click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('console-output')).toContainText('switch');
  await expect(page.getByTestId('console-output')).toContainText('(ls1)');
  await expect(page.getByTestId('console-output')).toContainText('port ls1-vm1');
  await snap(page, 'console-show');
});

test('the flow views list flows as lflow-list does and show what an edit changed', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tab-lflows').click();
  await page.getByRole('tab', { name: 'lflow-list' }).click();
  await expect(page.getByTestId('lflow-text')).toContainText('Datapath: "ls1"');
  await expect(page.getByTestId('lflow-text')).toContainText('table=0 (ls_in_check_port_sec');
  await page.getByTestId('script-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(
    'ovn-nbctl lsp-add ls1 ls1-vm3\novn-nbctl lsp-set-addresses ls1-vm3 "02:ac:10:ff:00:33 192.168.100.12"\n',
  );
  await page.getByRole('tab', { name: /^Changes \(\+\d+/ }).click();
  await expect(page.getByTestId('lflow-changes')).toContainText('+ table=');
  await expect(page.getByTestId('lflow-changes')).toContainText('ls1-vm3');
  await snap(page, 'lflow-changes');
});

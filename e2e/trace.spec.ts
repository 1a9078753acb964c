// Tracing from the packet form, checked against what real ovn-trace 23.03 prints for the built-in scenarios.
import { expect, openApp, snap, test, tracePacket } from './fixtures.ts';

test('a trace from vm1 to vm2 reaches ls1-vm2', async ({ page, consoleErrors }) => {
  await openApp(page);
  await tracePacket(page, { src: 'ls1-vm1', dst: 'ls1-vm2', proto: 'icmp' });
  const outcome = page.getByTestId('trace-outcome');
  await expect(outcome).toHaveAttribute('data-outputs', 'ls1-vm2');
  await expect(outcome).toContainText('Output to ls1-vm2');
  const stages = page.getByTestId('trace-flow');
  await expect(stages.first()).toHaveAttribute('data-stage', 'ls_in_check_port_sec');
  await expect(page.getByTestId('trace-stages')).toContainText('ls_in_l2_lkup');
  await expect(page.getByTestId('trace-stages')).toContainText('ls_out_apply_port_sec');
  await snap(page, 'trace-vm1-vm2');
  await page.getByTestId('tab-text').click();
  await expect(page.getByTestId('trace-text')).toContainText('ingress(dp="ls1", inport="ls1-vm1")');
  await expect(page.getByTestId('trace-text')).toContainText('/* output to "ls1-vm2", type "" */');
  await expect(page.locator('.trace-command')).toContainText(
    `$ ovn-trace --detailed ls1 'inport == "ls1-vm1" && eth.src == 02:ac:10:ff:00:11`,
  );
  await page.getByRole('tab', { name: '--summary' }).click();
  await expect(page.getByTestId('trace-text')).toContainText('egress(dp="ls1", inport="ls1-vm1", outport="ls1-vm2") {');
  await snap(page, 'trace-vm1-vm2-text');
  await page.getByTestId('tab-lflows').click();
  await expect(page.getByTestId('lflows').locator('tr.hit')).toHaveCount(4);
  await page.getByTestId('lflows').locator('tr.hit').nth(1).scrollIntoViewIfNeeded();
  await snap(page, 'trace-vm1-vm2-lflows');
  expect(consoleErrors).toEqual([]);
});

test('an ARP broadcast fans out to every other port', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('scenario-picker').selectOption('arp-flood');
  await expect(page.getByTestId('topology-nodes').locator('[data-node-id="ls:net1"]')).toHaveCount(1);
  await tracePacket(page, { src: 'net1-vm1', dst: '172.16.0.99', proto: 'arp' });
  await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outputs', 'net1-vm2 net1-vm3 net1-vm4');
  await expect(page.getByTestId('trace-hop')).toHaveCount(5);
  await snap(page, 'trace-arp-flood');
});

test('a port-security violation is dropped', async ({ page }) => {
  await openApp(page);
  await tracePacket(page, { src: 'ls1-vm1', dst: 'ls1-vm2', proto: 'icmp', ethSrc: '02:ac:10:ff:00:99' });
  const outcome = page.getByTestId('trace-outcome');
  await expect(outcome).toHaveAttribute('data-dropped', 'ls_in_apply_port_sec');
  await expect(outcome).toHaveAttribute('data-outputs', '');
  await expect(outcome).toContainText('Dropped in ls_in_apply_port_sec');
  await snap(page, 'trace-port-security-drop');
});

test('Ctrl+Enter traces, even from the script editor, without editing the script', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('script-editor').click();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outputs', 'ls1-vm2');
  await expect(page.getByTestId('script-editor').locator('.cm-line')).toHaveCount(16);
});

test('a frame for an unknown MAC goes to the "unknown" port', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('scenario-picker').selectOption('unknown-port');
  await expect(page.getByTestId('topology-nodes').locator('[data-node-id="ls:sw0"]')).toHaveCount(1);
  await tracePacket(page, { src: 'sw0-vm1', dst: '10.0.0.99', proto: 'icmp' });
  await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outputs', 'sw0-gw');
  await expect(page.getByTestId('trace-flow').filter({ hasText: '"_MC_unknown"' })).toHaveCount(1);
  await snap(page, 'trace-unknown');
});

test('in the gateway tutorial a packet to the outside crosses both routers to the localnet port', async ({ page }) => {
  // Real ovn-trace 23.03 (no MAC binding for 172.18.1.10): gw1 sends an ARP request, flooded to outside-localnet.
  await openApp(page);
  await page.getByTestId('scenario-picker').selectOption('gateway');
  await expect(page.getByTestId('topology-nodes').locator('[data-node-id="lr:gw1"]')).toHaveCount(1);
  await tracePacket(page, { src: 'ls1-vm1', dst: '172.18.1.10', proto: 'icmp' });
  await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outputs', 'outside-localnet');
  await expect(page.getByTestId('trace-outcome')).toContainText('Output to outside-localnet (a packet made by arp)');
  const hops = page.getByTestId('trace-stages').locator('h3');
  await expect(hops.filter({ hasText: 'ingress(dp="router1"' })).toHaveCount(1);
  await expect(hops.filter({ hasText: 'ingress(dp="gw1"' })).toHaveCount(1);
  await snap(page, 'trace-gateway-outside');
});

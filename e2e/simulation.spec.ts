// Simulation mode: step back and forward, the outcome only at the last event, the packet's headers
// changing, why a packet was dropped, the load-balancer VIP trace, and a link reopened at its event.
import { expect, openApp, snap, test, tracePacket } from './fixtures.ts';

async function stepCount(page: import('@playwright/test').Page): Promise<[number, number]> {
  const text = (await page.getByTestId('step-count').textContent()) ?? '';
  const [at, of] = text.split('/').map((n) => Number(n.trim()));
  return [at, of];
}

test('steps back and forward; the outcome shows only at the last event', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await tracePacket(page, { src: 'ls1-vm1', dst: 'ls1-vm2', proto: 'icmp' });
  const [at, of] = await stepCount(page);
  expect(at).toBe(of);
  await page.getByTestId('step-back').click();
  await expect(page.getByTestId('step-count')).toHaveText(`${of - 1} / ${of}`);
  await expect(page.getByTestId('trace-outcome')).toHaveCount(0);
  await expect(page.getByTestId('trace-progress')).toBeVisible();
  await page.getByTestId('step-forward').click();
  await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outputs', 'ls1-vm2');
  // Keys: Home goes to the first event, → steps on.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  await expect(page.getByTestId('step-count')).toHaveText(`1 / ${of}`);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText(`2 / ${of}`);
  await expect(page.getByTestId('event-title')).toContainText('ls_in_check_port_sec');
  await snap(page, 'sim-1280-step2');
  // The scrubber jumps; playing from there reaches the end again.
  await page.getByTestId('scrubber').fill('4');
  await expect(page.getByTestId('step-count')).toHaveText(`5 / ${of}`);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('trace-outcome')).toBeVisible({ timeout: 20_000 });
});

test('the PDU view shows what a router changes, before → after', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  await page.getByTestId('scenario-picker').selectOption('gateway');
  await expect(page.getByTestId('topology-nodes').locator('[data-node-id="lr:gw1"]')).toHaveCount(1);
  await tracePacket(page, { src: 'ls1-vm1', dst: '172.18.1.10', proto: 'icmp' });
  await page.locator('[data-testid="trace-flow"][data-stage="lr_in_ip_routing"]').first().click();
  const pdu = page.getByTestId('pdu');
  await expect(pdu.locator('[data-field="ip.ttl"]')).toHaveText(/64\s*→\s*63/);
  await expect(pdu.locator('[data-field="eth.src"]')).toHaveText(/02:ac:10:ff:00:11\s*→\s*02:ac:10:ff:ff:02/);
  await expect(pdu.locator('[data-field="outport"]')).toContainText('router1-join');
  await snap(page, 'sim-1920-pdu-router');
});

test('a port-security drop says why: the addresses the port allows', async ({ page }) => {
  await openApp(page);
  await tracePacket(page, { src: 'ls1-vm1', dst: 'ls1-vm2', proto: 'icmp', ethSrc: '02:ac:10:ff:00:99' });
  await expect(page.getByTestId('why-port-security')).toContainText('02:ac:10:ff:00:11 192.168.100.10');
  await snap(page, 'sim-why-port-security');
});

test('the gateway tutorial’s LB VIP trace: hint without --ct, then drawn to a backend', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByTestId('scenario-picker').selectOption('gateway');
  await expect(page.getByTestId('topology-nodes').locator('[data-node-id="lr:gw1"]')).toHaveCount(1);
  await tracePacket(page, { src: 'ls1-vm2', dst: '172.18.1.254', proto: 'tcp' });
  await expect(page.getByTestId('lb-hint')).toContainText('lr_in_dnat');
  await page.getByTestId('lb-hint-ct-new').click();
  const outcome = page.getByTestId('trace-outcome');
  await expect(outcome).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('topology-canvas')).toHaveAttribute('data-playback', 'done', { timeout: 20_000 });
  expect(['ls1-vm1', 'ls1-vm2']).toContain(await outcome.getAttribute('data-outputs'));
  const hops = page.getByTestId('trace-hop').locator('h3');
  await expect(hops.filter({ hasText: 'ingress(dp="gw1", inport="gw1-join")' })).toHaveCount(1);
  await expect(hops.filter({ hasText: 'ingress(dp="ls1", inport="ls1-router1")' })).toHaveCount(1);
  await snap(page, 'sim-lb-vip');
});

test('a reopened link shows the same scene, panel and event', async ({ page, browser }) => {
  await openApp(page);
  await tracePacket(page, { src: 'ls1-vm1', dst: 'ls1-vm2', proto: 'icmp' });
  await page.getByTestId('step-back').click();
  await page.getByTestId('step-back').click();
  const shown = await page.getByTestId('step-count').textContent();
  const title = await page.getByTestId('event-title').textContent();
  await page.getByTestId('copy-link').click();
  const link = page.url();
  const fresh = await (await browser.newContext()).newPage();
  await openApp(fresh, link.slice(link.indexOf('#')));
  await expect(fresh.getByTestId('step-count')).toHaveText(shown ?? '', { timeout: 20_000 });
  await expect(fresh.getByTestId('event-title')).toHaveText(title ?? '');
  await expect(fresh.getByTestId('trace-outcome')).toHaveCount(0);
  await snap(fresh, 'sim-link-reopened');
});

test.describe('dark system theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the app and its canvas follow a dark system theme', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page);
    await tracePacket(page, { src: 'ls1-vm1', dst: 'ls1-vm2', proto: 'icmp' });
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(11, 18, 32)');
    await snap(page, 'sim-dark-1280');
  });
});

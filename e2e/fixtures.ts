// Shared e2e helpers: pages that fail the test on any console error, screenshots under e2e/screenshots/.
import { test as base, expect, type Page } from '@playwright/test';

/** Every test fails if its page logged a console error or threw. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function snap(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: false });
}

/** Waits until the engine has answered for the script in the editor. */
export async function waitLoaded(page: Page) {
  await expect(page.getByTestId('script-problems')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
}

/** Opens the app and waits until the engine has answered for the script. */
export async function openApp(page: Page, hash = '') {
  await page.goto('/' + hash);
  await waitLoaded(page);
}

export async function nodeIds(page: Page): Promise<string[]> {
  return page
    .getByTestId('topology-nodes')
    .locator('li')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-node-id') ?? ''));
}

/** Fills the packet form and traces; returns once the outcome is shown and the animation has ended. */
export async function tracePacket(page: Page, packet: { src?: string; dst?: string; proto?: string; ethSrc?: string }) {
  if (packet.src) await page.getByTestId('packet-src').selectOption(packet.src);
  if (packet.dst !== undefined) await page.getByTestId('packet-dst').fill(packet.dst);
  if (packet.proto) await page.getByTestId('packet-proto').selectOption(packet.proto);
  if (packet.ethSrc) {
    await page.getByText('Addresses & advanced').click();
    await page.getByTestId('packet-ethSrc').fill(packet.ethSrc);
  }
  await page.getByTestId('trace-button').click();
  await expect(page.getByTestId('trace-outcome')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('topology-canvas')).toHaveAttribute('data-playback', 'done', { timeout: 20_000 });
}

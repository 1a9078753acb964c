// Hostile links (issue 12): a link that used to crash the tab stops with its limit's message; a link
// that runs past the watchdog is stopped, and after a reload (or a later visit to the plain URL) it
// is shown but not run again. After each, a built-in scenario loads and traces as usual.
import { encodeScene } from '../src/engine/scenario/url.ts';
import { HOSTILE_CASES } from '../test/hostile/cases.ts';
import { expect, openApp, snap, test, tracePacket, waitLoaded } from './fixtures.ts';
import type { Page } from '@playwright/test';

const crash = HOSTILE_CASES.find((c) => c.name === 'string doubling');
/** Within every budget, but seconds of work: more than a 2 s watchdog allows. */
const HANG = 'for i in $(seq 20000); do ovn-nbctl ls-add s$i; done';

async function builtinStillWorks(page: Page) {
  await page.getByTestId('scenario-picker').selectOption('two-vms');
  await waitLoaded(page);
  await tracePacket(page, { src: 'ls1-vm1', dst: 'ls1-vm2', proto: 'icmp' });
  await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outputs', 'ls1-vm2');
}

test('the string-doubling link stops with its limit, also after a reload', async ({ page }) => {
  if (!crash) throw new Error('no string doubling case');
  const hash = encodeScene({ script: crash.script });
  expect(hash.length).toBeLessThan(120);
  await openApp(page, hash);
  await expect(page.getByTestId('script-error')).toContainText(
    "1:26: script stopped: a command line or variable longer than 2097152 characters (ovnviz's limit)",
  );
  await snap(page, 'hostile-doubling');
  await page.reload();
  await waitLoaded(page);
  await expect(page.getByTestId('script-error')).toContainText('script stopped');
  await builtinStillWorks(page);
});

test('a link past the watchdog is stopped; a reload shows it without running it', async ({ page }) => {
  test.setTimeout(120_000);
  const hash = encodeScene({ script: HANG });
  await page.goto(`/?engine-timeout=2${hash}`);
  await expect(page.getByTestId('script-problems')).toContainText(
    'The engine failed: the engine took more than 2 s and was stopped (a fresh one starts for the next action)',
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('script-problems')).toHaveAttribute('data-status', 'error');
  await snap(page, 'hostile-watchdog');

  await page.reload();
  await expect(page.getByTestId('held-script')).toContainText(
    'This script was still running when the page last closed or crashed, so it was not run again.',
  );
  await expect(page.getByTestId('script-editor')).toContainText('ovn-nbctl ls-add s$i');
  await expect(page.getByTestId('script-problems')).toHaveAttribute('data-status', 'idle');

  await builtinStillWorks(page);
  await expect(page.getByTestId('held-script')).toHaveCount(0);
});

test('a typed script past the watchdog is autosaved but not run on the next visit to the plain URL', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByTestId('script-editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(HANG);
  await expect(page.getByTestId('script-problems')).toContainText('the engine took more than 20 s and was stopped', {
    timeout: 60_000,
  });
  await page.goto('/');
  await expect(page.getByTestId('held-script')).toBeVisible();
  await expect(page.getByTestId('script-editor')).toContainText(HANG);
  await expect(page.getByTestId('script-problems')).toHaveAttribute('data-status', 'idle');
  await snap(page, 'hostile-held');
  await builtinStillWorks(page);
  await expect(page.getByTestId('held-script')).toHaveCount(0);
  await page.reload();
  await waitLoaded(page);
});

test('a built-in stopped by a tiny watchdog is held on the next visit, and runs when asked', async ({ page }) => {
  await page.goto('/?engine-timeout=0.001');
  await expect(page.getByTestId('script-problems')).toContainText('the engine took more than 0.001 s', {
    timeout: 30_000,
  });
  await page.goto('/');
  await expect(page.getByTestId('held-script')).toBeVisible();
  await page.getByTestId('run-held-script').click();
  await waitLoaded(page);
  await expect(page.getByTestId('held-script')).toHaveCount(0);
});

// Lessons: predict, trace, and each step's main trace reaches where real ovn-trace says.
import { expect, openApp, snap, test } from './fixtures.ts';
import { lessons } from '../src/engine/scenario/lessons.ts';

for (const lesson of lessons) {
  test(`lesson ${lesson.id}: every step's trace reaches the right place`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page);
    await page.getByTestId('lesson-picker').selectOption(lesson.id);
    for (const [i, step] of lesson.steps.entries()) {
      await expect(page.getByTestId('lesson')).toContainText(`step ${i + 1} of ${lesson.steps.length}`);
      await page.getByTestId('lesson').getByLabel(step.answer).check();
      await expect(page.getByTestId('lesson-show')).toBeEnabled({ timeout: 20_000 });
      await page.getByTestId('lesson-show').click();
      await page.getByTestId('step-last').click({ timeout: 20_000 });
      const outcome = page.getByTestId('trace-outcome');
      await expect(outcome).toHaveAttribute('data-outputs', step.outputs.join(' '));
      await expect(page.getByTestId('lesson-verdict')).toHaveAttribute('data-right', 'true');
      await snap(page, `lesson-${lesson.id}-${i + 1}`);
      if (i < lesson.steps.length - 1) await page.getByTestId('lesson-next').click();
    }
  });
}

test('a cross-switch "To port" packet arrives (addressed to the first-hop router)', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('lesson-picker').selectOption('lb-side');
  await page.getByTestId('packet-src').selectOption('client1');
  await page.getByTestId('packet-dst').fill('web1');
  await page.getByTestId('packet-proto').selectOption('icmp');
  await page.getByText('Addresses & advanced').click();
  await expect(page.getByTestId('packet-ethDst')).toHaveValue('00:00:00:00:0c:fe');
  await page.getByTestId('packet-ct').fill('');
  await page.getByTestId('packet-lbDst').fill('');
  await page.getByTestId('trace-button').click();
  await page.getByTestId('step-last').click({ timeout: 20_000 });
  await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outputs', 'web1');
  await snap(page, 'cross-switch-to-port');
});

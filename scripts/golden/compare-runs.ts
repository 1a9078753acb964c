// Compares two generations of the goldens after masking per-run values, to show that masking covers every
// difference between runs of the real programs. Usage: compare-runs.ts DIR_A DIR_B; exit 1 on a difference.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareText, maskLflows, maskTrace } from '../../test/golden-harness.ts';

const [dirA, dirB] = process.argv.slice(2);
if (!dirA || !dirB) {
  process.stderr.write('usage: compare-runs.ts DIR_A DIR_B\n');
  process.exit(2);
}
let files = 0;
let differing = 0;
function check(rel: string, mask: (text: string) => string): void {
  const b = join(dirB, rel);
  files++;
  const comparison = existsSync(b)
    ? compareText(mask(readFileSync(join(dirA, rel), 'utf8')), mask(readFileSync(b, 'utf8')))
    : { identical: 0, total: 1, diff: ['(missing in the second run)'] };
  if (comparison.identical !== comparison.total) {
    differing++;
    console.log(`${rel}:\n${comparison.diff.join('\n')}\n`);
  }
}
for (const scenario of readdirSync(dirA).sort()) {
  if (!existsSync(join(dirA, scenario, 'lflows.txt'))) continue;
  check(join(scenario, 'lflows.txt'), maskLflows);
  if (existsSync(join(dirA, scenario, 'sb-bindings.txt'))) check(join(scenario, 'sb-bindings.txt'), (text) => text);
  const traces = join(dirA, scenario, 'traces');
  for (const f of existsSync(traces) ? readdirSync(traces).sort() : []) {
    if (/\.(detailed|summary|minimal)\.txt$/.test(f)) check(join(scenario, 'traces', f), maskTrace);
  }
}
console.log(`${files} files compared, ${differing} differ after masking`);
process.exit(differing ? 1 : 0);

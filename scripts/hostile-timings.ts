// hostile-timings.ts - how long each hostile input of issue 12 (test/hostile/cases.ts) takes in the
// engine, and how it ends: the figures of notes/issue-12.md. Usage: npx tsx scripts/hostile-timings.ts
import { parseMicroflow } from '../src/engine/expr/index.ts';
import { runScript } from '../src/engine/script/index.ts';
import { HOSTILE_CASES, LONG_MICROFLOW } from '../test/hostile/cases.ts';

function timed(name: string, f: () => string): void {
  const t = performance.now();
  const outcome = f();
  console.log(`${name.padEnd(24)} ${((performance.now() - t) / 1000).toFixed(2).padStart(6)} s  ${outcome}`);
}

for (const c of HOSTILE_CASES)
  timed(c.name, () => {
    const run = runScript(c.script);
    const e = run.errors[0];
    return e ? `${e.line}:${e.column}: ${e.message.slice(0, 110)}` : `ran to the end (${run.outputs.length} outputs)`;
  });
timed('16,000-term microflow', () => (parseMicroflow(LONG_MICROFLOW).ok ? 'parsed' : 'rejected'));

// fuzz-all.ts - runs every entry point that reads outside input (test/fuzz/entries.ts) on N generated
// inputs each, one input at a time in a worker thread that is killed and restarted when an input runs
// past the time limit; prints per entry point: inputs, exceptions, hangs, inputs over 2 s, slowest.
//
// Usage: npx tsx scripts/fuzz-all.ts [--runs=N] [--seed=S] [--limit-ms=MS] [--only=NAME]
//        (defaults: 100000 runs, seed 1, limit 10000 ms; exit 1 on any exception or hang)
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';

interface Job {
  entry: string;
  seed: number;
  from: number;
  to: number;
}

type Report =
  | { kind: 'start'; i: number }
  | { kind: 'done'; i: number; ms: number; error?: string; input?: string }
  | { kind: 'end' };

const preview = (s: string): string => JSON.stringify(s.length > 120 ? `${s.slice(0, 120)}…(${s.length} chars)` : s);

async function work(job: Job): Promise<void> {
  const { FUZZ_ENTRIES } = await import('../test/fuzz/entries.ts');
  const entry = FUZZ_ENTRIES.find((e) => e.name === job.entry);
  if (!entry) throw new Error(`no entry ${job.entry}`);
  const post = (r: Report): void => parentPort?.postMessage(r);
  for (let i = job.from; i < job.to; i++) {
    // one seed per input, so that a restart after a hang resumes with the same inputs
    const [input] = fc.sample(entry.input, { seed: job.seed * 1_000_003 + i, numRuns: 1 });
    post({ kind: 'start', i });
    const t = performance.now();
    let error: string | undefined;
    try {
      entry.run(input);
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const ms = performance.now() - t;
    post({ kind: 'done', i, ms, error, input: error || ms > 100 ? preview(input) : undefined });
  }
  post({ kind: 'end' });
}

/** A worker that loads this file through tsx, as the main thread was. */
const BOOT = new URL(
  `data:text/javascript,${encodeURIComponent(
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); ` +
      `await import(${JSON.stringify(import.meta.url)});`,
  )}`,
);

interface Tally {
  inputs: number;
  exceptions: string[];
  hangs: string[];
  over2s: number;
  slowest: { ms: number; input: string };
  totalMs: number;
}

function runEntry(entry: string, runs: number, seed: number, limitMs: number): Promise<Tally> {
  const tally: Tally = { inputs: 0, exceptions: [], hangs: [], over2s: 0, slowest: { ms: 0, input: '' }, totalMs: 0 };
  return new Promise((resolve) => {
    const launch = (from: number): void => {
      if (from >= runs) return resolve(tally);
      const worker = new Worker(BOOT, { workerData: { entry, seed, from, to: runs } satisfies Job });
      let current = -1;
      let started = 0;
      const watchdog = setInterval(() => {
        if (current < 0 || performance.now() - started < limitMs) return;
        clearInterval(watchdog);
        tally.inputs++;
        tally.hangs.push(`input #${current} (seed ${seed}) ran past ${limitMs} ms`);
        const next = current + 1;
        current = -1;
        void worker.terminate().then(() => launch(next));
      }, 50);
      worker.on('message', (r: Report) => {
        if (r.kind === 'start') {
          current = r.i;
          started = performance.now();
        } else if (r.kind === 'done') {
          current = -1;
          tally.inputs++;
          if (tally.inputs % 10_000 === 0) process.stderr.write(`${entry}: ${tally.inputs}\n`);
          tally.totalMs += r.ms;
          if (r.error) tally.exceptions.push(`input #${r.i}: ${r.error}: ${r.input}`);
          if (r.ms > 2000) tally.over2s++;
          if (r.ms > tally.slowest.ms) tally.slowest = { ms: r.ms, input: r.input ?? '' };
        } else {
          clearInterval(watchdog);
          void worker.terminate().then(() => resolve(tally));
        }
      });
      worker.on('error', (e) => {
        clearInterval(watchdog);
        if (current < 0) {
          // not an input's fault: the worker could not start (or died between inputs)
          tally.exceptions.push(`the worker failed outside any input: ${e.message}`);
          resolve(tally);
          return;
        }
        tally.inputs++;
        tally.exceptions.push(`input #${current}: the worker died: ${e.message}`);
        const next = current + 1;
        void worker.terminate().then(() => launch(next));
      });
    };
    launch(0);
  });
}

async function main(): Promise<number> {
  const opt = (name: string, def: string): string =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? def;
  const runs = Number(opt('runs', '100000'));
  const seed = Number(opt('seed', '1'));
  const limitMs = Number(opt('limit-ms', '10000'));
  const only = opt('only', '');
  const { FUZZ_ENTRIES } = await import('../test/fuzz/entries.ts');
  let bad = 0;
  console.log(`fuzz-all: ${runs} inputs per entry point, seed ${seed}, limit ${limitMs} ms per input`);
  console.log('entry point            inputs  exceptions  hangs  >2s  mean ms  slowest ms');
  for (const e of FUZZ_ENTRIES.filter((x) => !only || x.name === only)) {
    const t = await runEntry(e.name, runs, seed, limitMs);
    bad += t.exceptions.length + t.hangs.length;
    console.log(
      `${e.name.padEnd(20)} ${String(t.inputs).padStart(8)} ${String(t.exceptions.length).padStart(11)} ${String(t.hangs.length).padStart(6)} ${String(t.over2s).padStart(4)} ${(t.totalMs / Math.max(1, t.inputs)).toFixed(3).padStart(8)} ${t.slowest.ms.toFixed(1).padStart(11)}`,
    );
    for (const x of [...t.exceptions, ...t.hangs].slice(0, 5)) console.log(`    ${x}`);
    if (t.slowest.ms > 100) console.log(`    slowest: ${t.slowest.input}`);
  }
  return bad ? 1 : 0;
}

if (isMainThread) process.exitCode = await main();
else await work(workerData as Job);

// Golden conformance helpers: load test/golden scenarios, run the CLI in-process, mask per-run values, diff line by line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { main, type CliIo } from '../src/cli/main.ts';

export const traceForms = ['detailed', 'summary', 'minimal'] as const;
export type TraceForm = (typeof traceForms)[number];

export interface GoldenTrace {
  /** e.g. "01-p1-p2-icmp" */
  base: string;
  /** ovn-trace's arguments without the form flag, as bash split them */
  args: string[];
  expected: Record<TraceForm, string>;
}

export interface GoldenScenario {
  name: string;
  /** script path relative to the working directory, as a user would type it */
  scriptPath: string;
  lflows: string;
  traces: GoldenTrace[];
}

export function loadScenarios(goldenDir: string, only?: string[]): GoldenScenario[] {
  return readdirSync(goldenDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(goldenDir, d.name, 'lflows.txt')))
    .map((d) => d.name)
    .filter((name) => !only?.length || only.includes(name))
    .sort()
    .map((name) => loadScenario(join(goldenDir, name), name));
}

function loadScenario(dir: string, name: string): GoldenScenario {
  const tracesDir = join(dir, 'traces');
  const bases = existsSync(tracesDir)
    ? readdirSync(tracesDir)
        .filter((f) => f.endsWith('.args.json'))
        .map((f) => f.slice(0, -'.args.json'.length))
        .sort()
    : [];
  return {
    name,
    scriptPath: relative(process.cwd(), join(dir, 'script.nbctl')),
    lflows: readFileSync(join(dir, 'lflows.txt'), 'utf8'),
    traces: bases.map((base) => ({
      base,
      args: JSON.parse(readFileSync(join(tracesDir, `${base}.args.json`), 'utf8')) as string[],
      expected: Object.fromEntries(
        traceForms.map((form) => [form, readFileSync(join(tracesDir, `${base}.${form}.txt`), 'utf8')]),
      ) as Record<TraceForm, string>,
    })),
  };
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `ovnviz ARGS...` in this process, exactly as a user would, capturing what it prints. */
/**
 * What to compare with a golden trace file. Real ovn-trace prints an unknown datapath or an unparsable
 * microflow on stdout with status 0; our CLI reports the same text as an error (stderr, non-zero status),
 * so for such a golden (one that is not a trace, which starts with "# ") our stderr is compared and a
 * zero status counts as a difference.
 */
export function traceOutputToCompare(golden: string, run: CliResult): string {
  if (golden === '' || golden.startsWith('# ')) return run.out;
  return run.code !== 0 && run.out === '' ? run.err : `(status ${run.code}) ${run.out}${run.err}`;
}

export async function runCli(args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => (out += text),
    err: (text) => (err += text),
    readFile: (path) => readFileSync(path, 'utf8'),
  };
  try {
    const code = await main(args, io);
    return { code, out, err };
  } catch (e) {
    return { code: -1, out, err: `${err}ovnviz threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n` };
  }
}

// Values that differ on every run of the real programs (checked by generating twice): row UUIDs (datapaths in
// lflow-list headers, load balancers in trigger_event actions) and the lflow UUID prefix ovn-trace prints.
const uuid = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;
export function maskLflows(text: string): string {
  return text.replace(uuid, '<uuid>');
}
export function maskTrace(text: string): string {
  return text.replace(uuid, '<uuid>').replace(/\buuid [0-9a-f]{8}\b/g, 'uuid <uuid>');
}

/** lflow-list lines of switch stages only: `  table=N (ls_…), priority=…`. */
export function switchStageLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => /^\s+table=\d+\s*\(ls_/.test(line))
    .join('\n');
}

/** Names of the datapaths whose lflow-list sections hold router (lr_) stages. */
export function routerDatapaths(lflowList: string): Set<string> {
  const routers = new Set<string>();
  let current = '';
  for (const line of lflowList.split('\n')) {
    const header = /^Datapath: "([^"]*)"/.exec(line);
    if (header) current = header[1];
    else if (/^\s+table=\d+\s*\(lr_/.test(line)) routers.add(current);
  }
  return routers;
}

/** The lflow-list text without the sections of the given (router) datapaths. */
export function withoutDatapaths(lflowList: string, drop: Set<string>): string {
  let keep = true;
  return lflowList
    .split('\n')
    .filter((line) => {
      const header = /^Datapath: "([^"]*)"/.exec(line);
      if (header) keep = !drop.has(header[1]);
      return keep;
    })
    .join('\n');
}

/** Whether an ovn-trace output passes through one of the given (router) datapaths. */
export function traceCrosses(trace: string, datapaths: Set<string>): boolean {
  return [...datapaths].some((dp) => trace.includes(`(dp="${dp}"`));
}

export interface Comparison {
  identical: number;
  /** lines of the golden plus lines only we printed: 100% means byte-identical output */
  total: number;
  /** unified-diff-like lines around the first mismatches */
  diff: string[];
}

function toLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else if (text !== '') lines.push('\\ No newline at end of output');
  return lines;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

// Longest common subsequence alignment; outputs here are at most a few thousand lines.
function align(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const lcs = new Int32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++] });
      j++;
    } else if (i < n && (j === m || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
      ops.push({ kind: '-', line: a[i++] });
    } else {
      ops.push({ kind: '+', line: b[j++] });
    }
  }
  return ops;
}

/** Compares our output with the golden, line by line; `maxDiffLines` bounds the diff kept. */
export function compareText(expected: string, actual: string, maxDiffLines = 16): Comparison {
  const a = toLines(expected);
  const b = toLines(actual);
  const ops = align(a, b);
  const identical = ops.filter((op) => op.kind === ' ').length;
  const diff: string[] = [];
  const context = 2;
  let lastShown = -1;
  for (let k = 0; k < ops.length && diff.length < maxDiffLines; k++) {
    if (ops[k].kind === ' ') continue;
    const from = Math.max(k - context, lastShown + 1);
    if (from > lastShown + 1 && diff.length) diff.push('@@');
    for (let c = from; c < k; c++) diff.push(`  ${ops[c].line}`);
    diff.push(`${ops[k].kind} ${ops[k].line}`);
    lastShown = k;
    for (let c = k + 1; c <= Math.min(k + context, ops.length - 1) && ops[c].kind === ' '; c++) {
      diff.push(`  ${ops[c].line}`);
      lastShown = c;
    }
  }
  return { identical, total: a.length + (b.length - identical), diff };
}

export interface ParityRow {
  scenario: string;
  file: string;
  identical: number;
  total: number;
}

export function percent(identical: number, total: number): string {
  return total === 0 ? '100.0%' : `${((100 * identical) / total).toFixed(1)}%`;
}

export function formatParityTable(rows: ParityRow[]): string {
  const w1 = Math.max(8, ...rows.map((r) => r.scenario.length));
  const w2 = Math.max(4, ...rows.map((r) => r.file.length));
  const head = `${'scenario'.padEnd(w1)}  ${'file'.padEnd(w2)}  ${'identical/total'.padStart(15)}  parity`;
  const body = rows.map(
    (r) =>
      `${r.scenario.padEnd(w1)}  ${r.file.padEnd(w2)}  ${`${r.identical}/${r.total}`.padStart(15)}  ${percent(r.identical, r.total).padStart(6)}`,
  );
  return [head, '-'.repeat(head.length), ...body].join('\n');
}

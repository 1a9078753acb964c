// Benchmark: our northd on the 200 switches x 20 ports + 1 router NB of the oracle's gen-scale.sh,
// next to real ovn-northd's full recompute on the same NB (run here when OVN is installed).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNorthd } from '../src/engine/northd/index.ts';
import { NorthdSession } from '../src/engine/northd/session.ts';
import { formatLflowList } from '../src/engine/sb/lflow-list.ts';
import { addVmPort, scaleNb, scaleNbctlArgs } from './scale-topology.ts';

const N = 200;
const P = 20;
/** Measured on this machine class with ../shared/ovn-oracle/bench/scale-bench.sh (2 cores). */
const REFERENCE_FULL_S = 2.8;
const REFERENCE_PORT_S = 0.36;

function time<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface RealFigures {
  fullS: number;
  portS: number;
  lflows: number;
}

function runReal(): RealFigures | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'ovnviz-bench-'));
  try {
    const argsFile = join(dir, 'args.txt');
    writeFileSync(argsFile, `${scaleNbctlArgs(N, P).join('\n')}\n`);
    const script = join(dirname(fileURLToPath(import.meta.url)), 'real-northd.sh');
    const out = execFileSync('bash', [script, argsFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const get = (k: string): number => Number(new RegExp(`^${k} (\\S+)$`, 'm').exec(out)?.[1] ?? NaN);
    return { fullS: get('full'), portS: get('port'), lflows: get('lflows') };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const nb = scaleNb(N, P);
  const world = { nb, physical: { chassis: [], bindings: [], macBindings: [] } };
  runNorthd(world);
  const fulls: number[] = [];
  let flows = 0;
  for (let i = 0; i < 5; i++) {
    const { value, ms } = time(() => runNorthd(world));
    fulls.push(ms);
    flows = value.tables.Logical_Flow.size;
  }
  const fullMs = median(fulls);
  const sb = runNorthd(world);
  const listMs = time(() => formatLflowList(sb)).ms;

  const session = new NorthdSession(world);
  const ls0 = [...nb.tables.Logical_Switch.values()][0];
  const ports: number[] = [];
  for (let i = 0; i < 5; i++) {
    addVmPort(nb, ls0, `extra${i}`, `0a:ff:00:00:00:0${i + 1} 10.0.0.${250 + i}`);
    ports.push(time(() => session.switchesChanged([ls0._uuid])).ms);
  }
  const same = formatLflowList(session.sb) === formatLflowList(runNorthd(world));
  const portMs = median(ports);

  console.log(`topology: 1 router, ${N} switches x ${P} ports = ${N * P} VM ports (+${N} router ports)`);
  console.log(`ovnviz northd full compile: ${fullMs.toFixed(0)} ms (median of 5), ${flows} Logical_Flow rows`);
  console.log(`ovnviz lflow-list text: ${listMs.toFixed(0)} ms`);
  const real = process.env.OVNVIZ_BENCH_NO_REAL ? undefined : runReal();
  const refFull = real?.fullS ?? REFERENCE_FULL_S;
  const refPort = real?.portS ?? REFERENCE_PORT_S;
  const label = real ? 'real ovn-northd, measured now' : 'reference figure, real OVN not installed here';
  console.log(`real ovn-northd full recompute: ${refFull.toFixed(2)} s (${label})`);
  if (real) console.log(`  real lflow-list lines: ${real.lflows}`);
  console.log(`ratio full compile: ${(fullMs / 1000 / refFull).toFixed(3)}x real (goal <= 0.5x)`);
  console.log(
    `one more port, incremental (${session.lastUpdate}): ${portMs.toFixed(1)} ms (median of 5; goal <= 20 ms)` +
      `; result ${same ? 'identical to' : 'DIFFERS from'} a full recompute`,
  );
  console.log(
    `  real ovn-northd one more port (--wait=sb): ${refPort.toFixed(2)} s (${label}); ratio ${(portMs / 1000 / refPort).toFixed(3)}x`,
  );
}

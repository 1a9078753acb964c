// What users get, side by side with the real programs (interleaved, RUNS runs each, medians):
//  (a) script text -> Southbound for 4,000 and 20,000 ports pasted one ovn-nbctl command a line, vs real
//      ovn-northd given the same commands (one ovn-nbctl invocation) until `ovn-nbctl --wait=sb sync`;
//  (b) one more port after that: the app's edit path vs `ovn-nbctl --wait=sb lsp-add`;
//  (c) a trace ls1 -> router1 -> join -> gw1 (SNAT) on the gateway tutorial, in-process warm and as a
//      CLI process, vs the ovn-trace process on the same SB;
//  (d) a router-heavy scene: 200 routers, each with a gateway port, SNAT and a load balancer.
// Our lflow-list is checked against real's at each size (UUIDs masked). Real OVN absent: reference
// figures, labelled so. BENCH_RUNS (default 5), BENCH_RUNS_LARGE (20,000 ports; default BENCH_RUNS),
// BENCH_ONLY=a,b,c,d.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioText, southboundFor } from '../src/engine/scenario/compile.ts';
import { SceneSession } from '../src/engine/scenario/session.ts';
import { formatLflowList } from '../src/engine/sb/lflow-list.ts';
import { trace, type TraceRequest } from '../src/engine/trace/index.ts';
import { createEngine } from '../src/worker/engine.ts';
import { routerNbctlArgs, routerScript } from './router-script.ts';
import { scaleScript } from './scale-script.ts';
import { scaleNbctlArgs } from './scale-topology.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
/** Runs at 20,000 ports (real ovn-nbctl + northd take minutes per run there). */
const RUNS_LARGE = Math.max(1, Number(process.env.BENCH_RUNS_LARGE ?? RUNS));
const ONLY = new Set((process.env.BENCH_ONLY ?? 'a,b,c,d').split(','));
const MORE = 'ovn-nbctl lsp-add ls0 extra -- lsp-set-addresses extra "0a:ff:00:00:00:01 10.0.0.250"\n';
const more = (k: number): string =>
  `ovn-nbctl lsp-add ls0 extra${k} -- lsp-set-addresses extra${k} "0a:ff:00:00:01:0${k} 10.0.0.${240 + k}"\n`;

/** Measured on this machine class (2 shared cores) with bench/real-ovn.sh, for when OVN is absent. */
const REFERENCE = {
  load4000: 4.0,
  load20000: 25,
  port: 0.36,
  trace: 0.06,
  loadRouters: 3.0,
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function time<T>(f: () => T): { value: T; s: number } {
  const t0 = performance.now();
  const value = f();
  return { value, s: (performance.now() - t0) / 1000 };
}

function verdict(ratioOrValue: number, goal: number): string {
  return ratioOrValue <= goal ? 'met' : 'MISSED';
}

const fmt = (s: number): string => (s < 1 ? `${(s * 1000).toFixed(1)} ms` : `${s.toFixed(2)} s`);

let realMissing = false;
function real(args: string[]): string | undefined {
  if (realMissing || process.env.OVNVIZ_BENCH_NO_REAL) return undefined;
  try {
    return execFileSync('bash', [join(here, 'real-ovn.sh'), ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 28,
    });
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 3) realMissing = true;
    else console.log(`  real-ovn.sh failed: ${String((e as { stderr?: string }).stderr ?? e).trim()}`);
    return undefined;
  }
}

const figure = (out: string, key: string): number[] =>
  [...out.matchAll(new RegExp(`^${key} (\\S+)$`, 'gm'))].map((m) => Number(m[1]));

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Lines of our lflow-list found in real's (as multisets, UUIDs masked) over real's line count. */
function parity(ours: string, theirs: string): string {
  const count = new Map<string, number>();
  const lines = (t: string): string[] => t.replace(UUID, 'UUID').split('\n').filter(Boolean);
  for (const l of lines(theirs)) count.set(l, (count.get(l) ?? 0) + 1);
  let same = 0;
  for (const l of lines(ours)) {
    const n = count.get(l) ?? 0;
    if (n > 0) {
      same++;
      count.set(l, n - 1);
    }
  }
  const total = lines(theirs).length;
  const ourTotal = lines(ours).length;
  const exact = ours.replace(UUID, 'UUID') === theirs.replace(UUID, 'UUID');
  return `lflow-list vs real: ${same}/${total} lines identical (ours ${ourTotal})${exact ? ', same text' : ''}`;
}

/** (a), (b) for one scene; (b) only for the first scene given. */
function loadScene(
  label: string,
  script: string,
  nbctlArgs: string[],
  goal: number,
  ref: number,
  withPort: boolean,
  runs = RUNS,
  tag = 'a',
): void {
  const dir = mkdtempSync(join(tmpdir(), 'ovnviz-bench-'));
  try {
    const argsFile = join(dir, 'args.txt');
    const lflowsFile = join(dir, 'lflows.txt');
    writeFileSync(argsFile, `${nbctlArgs.join('\n')}\n`);
    const ours: number[] = [];
    const oursPort: number[] = [];
    const oursWarm: number[] = [];
    const realLoad: number[] = [];
    const realPort: number[] = [];
    let ourList = '';
    let lastUpdate = '';
    for (let i = 0; i < runs; i++) {
      const { value: scene, s } = time(() => new SceneSession(script));
      ours.push(s);
      if (i === 0) ourList = formatLflowList(scene.sb);
      if (withPort) {
        oursPort.push(time(() => scene.extend(MORE)).s);
        lastUpdate = scene.lastUpdate;
        // and more ports after that one, as a user adds them in the editor (the path warm)
        if (i === runs - 1) for (let k = 0; k < 5; k++) oursWarm.push(time(() => scene.extend(more(k))).s);
      }
      const out = real(['load', argsFile, ...(i === 0 ? [lflowsFile] : [])]);
      if (out) {
        realLoad.push(...figure(out, 'load'));
        realPort.push(...figure(out, 'port'));
      }
    }
    const lines = script.split('\n').length - 1;
    const refLoad = realLoad.length ? median(realLoad) : ref;
    const label2 = realLoad.length ? 'real, measured now' : 'reference figure: real OVN not installed here';
    const ratio = median(ours) / refLoad;
    console.log(`(${tag}) ${label}: ${lines} lines, one command a line`);
    console.log(`    ovnviz script -> SB: ${fmt(median(ours))} (median of ${runs})`);
    console.log(`    real ovn-nbctl (one invocation) + ovn-northd + --wait=sb sync: ${fmt(refLoad)} (${label2})`);
    console.log(`    ratio ${ratio.toFixed(3)}x real (goal <= ${goal}x): ${verdict(ratio, goal)}`);
    if (realLoad.length) console.log(`    ${parity(ourList, readFileSync(lflowsFile, 'utf8'))}`);
    if (withPort) {
      const refPort = realPort.length ? median(realPort) : REFERENCE.port;
      console.log(
        `(b) ${label}, one more port (SceneSession.extend, ${lastUpdate}): first after the load ${fmt(median(oursPort))} (median of ${RUNS}), each further port ${fmt(median(oursWarm))} (median of ${oursWarm.length}); goal <= 20 ms: ${verdict(median(oursPort), 0.02)} (first), ${verdict(median(oursWarm), 0.02)} (further)`,
      );
      console.log(`    real ovn-nbctl --wait=sb lsp-add: ${fmt(refPort)} (${label2})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** (b) as the worker answers it: load() of the script that grew by one line (topology, flow groups, diff). */
async function workerEdit(script: string): Promise<void> {
  const engine = createEngine();
  const runs: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    await engine.load(script);
    const t0 = performance.now();
    await engine.load(script + MORE);
    runs.push((performance.now() - t0) / 1000);
  }
  console.log(
    `    worker load() of the grown script (scene extended + topology + flow groups + diff): ${fmt(median(runs))} (median of ${runs.length})`,
  );
}

const GATEWAY = join(root, 'test/golden-trace/gateway/script.nbctl');
const TRACE: TraceRequest = {
  datapath: 'ls1',
  microflow:
    'inport == "ls1-vm1" && eth.src == 02:ac:10:ff:00:11 && eth.dst == 02:ac:10:ff:00:01 && ip4.src == 192.168.100.10 && ip4.dst == 172.18.1.10 && ip.ttl == 64 && icmp4.type == 8 && icmp4.code == 0',
};

function traces(): void {
  const text = readFileSync(GATEWAY, 'utf8');
  const sb = southboundFor(loadScenarioText(text, GATEWAY));
  for (let i = 0; i < 5; i++) trace(sb, TRACE);
  const warm: number[] = [];
  for (let i = 0; i < Math.max(RUNS, 20); i++) warm.push(time(() => trace(sb, TRACE)).s);
  // the CLI as installed: the prepare bundle, rebuilt here if the sources are newer
  execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: root, stdio: 'ignore' });
  const cli = ['node', join(root, 'bin/ovnviz.mjs'), 'trace', GATEWAY, TRACE.datapath, TRACE.microflow];
  const out = real(['trace', GATEWAY, String(RUNS), TRACE.datapath, TRACE.microflow, '--', ...cli]);
  let realS = out ? median(figure(out, 'real')) : REFERENCE.trace;
  let cliS: number;
  if (out) cliS = median(figure(out, 'ours'));
  else {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(time(() => execFileSync(cli[0], cli.slice(1), { stdio: 'ignore' })).s);
    cliS = median(runs);
  }
  if (!Number.isFinite(realS)) realS = REFERENCE.trace;
  const label = out ? 'real, measured now' : 'reference figure: real OVN not installed here';
  const inRatio = median(warm) / realS;
  const cliRatio = cliS / realS;
  console.log('(c) trace ls1 -> router1 -> join -> gw1 (SNAT), gateway tutorial');
  console.log(`    ovn-trace process: ${fmt(realS)} (median of ${RUNS}; ${label})`);
  console.log(
    `    ovnviz in-process, warm: ${fmt(median(warm))}; ratio ${inRatio.toFixed(3)}x (goal <= 0.1x): ${verdict(inRatio, 0.1)}`,
  );
  console.log(
    `    ovnviz CLI process: ${fmt(cliS)}; ratio ${cliRatio.toFixed(2)}x (goal <= 2x): ${verdict(cliRatio, 2)}`,
  );
}

export async function run(): Promise<void> {
  console.log(`runs: ${RUNS} each, ours and real interleaved; times are wall clock on this machine`);
  if (ONLY.has('a') || ONLY.has('b')) {
    loadScene(
      '4,000 ports (200 switches x 20 + router)',
      scaleScript(200, 20),
      scaleNbctlArgs(200, 20),
      0.3,
      REFERENCE.load4000,
      true,
    );
    if (ONLY.has('b')) await workerEdit(scaleScript(200, 20));
    if (ONLY.has('a'))
      loadScene(
        '20,000 ports (1,000 switches x 20 + router)',
        scaleScript(1000, 20),
        scaleNbctlArgs(1000, 20),
        0.3,
        REFERENCE.load20000,
        false,
        RUNS_LARGE,
      );
  }
  if (ONLY.has('c')) traces();
  if (ONLY.has('d'))
    loadScene(
      '200 routers, each with a gateway port, SNAT, a load balancer and 5 VMs',
      routerScript(200, 5),
      routerNbctlArgs(200, 5),
      0.3,
      REFERENCE.loadRouters,
      false,
      RUNS,
      'd',
    );
  if (realMissing) console.log('real OVN is not installed here: the real figures above are reference figures');
}

// Benchmark: ofproto/trace of a broadcast flooded to 1,000 VXLAN ports (kernel-style and native
// tunnels) in ovnviz, next to real `ovs-appctl ofproto/trace` on the same switch (run here when Open
// vSwitch is installed); and how long a script of 6,000 `ovs-vsctl add-port` lines takes to load.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand, runScript } from '../src/engine/script/index.ts';

const N = 1000;
const TRACE = "ovs-appctl ofproto/trace br-int 'in_port=1,dl_src=50:54:00:00:00:01,dl_dst=ff:ff:ff:ff:ff:ff'";

/** The flood scenario: one ovs-vsctl transaction adds every port, so the real switch loads it quickly. */
function floodScript(kernel: boolean): string {
  const ports: string[] = [];
  const neigh: string[] = [];
  const outputs: string[] = [];
  for (let i = 1; i <= N; i++) {
    const ip = `172.31.${Math.floor(i / 250) + 1}.${(i % 250) + 1}`;
    ports.push(
      `-- add-port br-int vx${i} -- set Interface vx${i} type=vxlan options:remote_ip=${ip} options:key=flow ofport_request=${i + 1}`,
    );
    neigh.push(`ovs-appctl tnl/neigh/set br-phys ${ip} f8:bc:12:44:00:01`);
    outputs.push(`output:${i + 1}`);
  }
  return [
    'ovs-vsctl add-br br-phys -- set Bridge br-phys datapath_type=dummy other-config:hwaddr=aa:55:aa:55:00:01',
    'ovs-vsctl add-port br-phys p0 -- set Interface p0 type=dummy ofport_request=1',
    'ovs-vsctl add-br br-int -- set Bridge br-int datapath_type=dummy fail-mode=secure',
    'ovs-vsctl add-port br-int vm1 -- set Interface vm1 type=dummy ofport_request=1',
    'ovs-appctl netdev-dummy/ip4addr br-phys 172.31.0.1/16',
    'ovs-appctl ovs/route/add 172.31.0.0/16 br-phys',
    'ovs-ofctl add-flow br-phys actions=NORMAL',
    ...(kernel ? ['ovs-appctl dpif/set-dp-features br-int tnl_push_pop false'] : []),
    `ovs-vsctl ${ports.join(' ')}`,
    ...neigh,
    `ovs-ofctl add-flow br-int 'in_port=1,actions=set_field:0x64->tun_id,${outputs.join(',')}'`,
  ].join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function ours(script: string): { ms: number; lines: number } {
  const run = runScript(script);
  const times: number[] = [];
  let lines = 0;
  // warm up first: the real side is a long-running daemon, not a cold process
  for (let i = 0; i < 3; i++) runCommand(run.world, TRACE);
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    const r = runCommand(run.world, TRACE);
    times.push(performance.now() - t0);
    lines =
      r.outputs
        .map((o) => o.output)
        .join('')
        .split('\n').length - 1;
  }
  return { ms: median(times), lines };
}

function real(script: string): { s: number; lines: number } | undefined {
  if (process.env.OVNVIZ_BENCH_NO_REAL) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'ovnviz-ovsbench-'));
  try {
    const file = join(dir, 'script.sh');
    writeFileSync(file, `${script}\n`);
    const sh = join(dirname(fileURLToPath(import.meta.url)), 'real-ovs-trace.sh');
    const out = execFileSync('bash', [sh, file, TRACE], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const get = (k: string): number => Number(new RegExp(`^${k} (\\S+)$`, 'm').exec(out)?.[1] ?? NaN);
    return { s: get('trace'), lines: get('lines') };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  for (const kernel of [true, false]) {
    const script = floodScript(kernel);
    const o = ours(script);
    const r = real(script);
    const style = kernel ? 'kernel-style set(tunnel())' : 'native tnl_push';
    console.log(
      `flood to ${N} VXLAN ports, ${style}: ovnviz ofproto/trace ${o.ms.toFixed(1)} ms (median of 9, warm), ${o.lines} lines`,
    );
    if (r)
      console.log(
        `  real ovs-appctl ofproto/trace ${(r.s * 1000).toFixed(1)} ms, ${r.lines} lines; ratio ovnviz/real ${(o.ms / (r.s * 1000)).toFixed(2)}x`,
      );
    else console.log('  real Open vSwitch not available here (or OVNVIZ_BENCH_NO_REAL set): no ratio');
  }
  const lines = ['ovs-vsctl add-br br0 -- set Bridge br0 datapath_type=dummy fail-mode=secure'];
  for (let i = 1; i <= 6000; i++) lines.push(`ovs-vsctl add-port br0 p${i} -- set Interface p${i} type=dummy`);
  const t0 = performance.now();
  const run6k = runScript(lines.join('\n'));
  const loadMs = performance.now() - t0;
  const ports = run6k.world.ovs?.get('localhost')?.bridges.get('br0')?.ports.size ?? 0;
  console.log(
    `script of 6,000 ovs-vsctl add-port lines: loaded in ${(loadMs / 1000).toFixed(2)} s (${ports - 1} ports, ${run6k.errors.length} errors)`,
  );
}

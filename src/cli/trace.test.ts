import { describe, expect, it } from 'vitest';
import { main, type CliIo } from './main.ts';

const script = `
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 p1
ovn-nbctl lsp-set-addresses p1 "50:54:00:00:00:01 10.0.0.1"
ovn-nbctl lsp-add sw0 p2
ovn-nbctl lsp-set-addresses p2 "50:54:00:00:00:02 10.0.0.2"
`;
const flow =
  'inport == "p1" && eth.src == 50:54:00:00:00:01 && eth.dst == 50:54:00:00:00:02 && ' +
  'ip4.src == 10.0.0.1 && ip4.dst == 10.0.0.2 && ip.ttl == 64 && icmp4.type == 8 && icmp4.code == 0';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readFile: (path) => {
      if (path !== 'topo.nbctl') throw new Error('no such file');
      return script;
    },
  };
  const code = await main(['trace', ...args], io);
  return { code, out, err };
}

describe('ovnviz trace', () => {
  it('prints the minimal form, options placed anywhere', async () => {
    const r = await run('--minimal', 'topo.nbctl', '--ct', 'new', 'sw0', flow);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out.split('\n').slice(1)).toEqual(['output("p2");', '']);
  });

  it('prints every form under its title with --all', async () => {
    const r = await run('topo.nbctl', 'sw0', flow, '--all');
    expect(r.out.match(/^# (Detailed|Summary|Minimal) trace\.$/gm)).toEqual([
      '# Detailed trace.',
      '# Summary trace.',
      '# Minimal trace.',
    ]);
  });

  // the text is real ovn-trace 23.03's (test/golden-trace/*/traces/10-baddp), which prints it on stdout with
  // status 0; our CLI reports it as an error. A bad option value is fatal in both ("ovn-trace: " prefix).
  it("reports ovn-trace's errors on stderr with its text and a non-zero status", async () => {
    expect(await run('topo.nbctl', 'nosuch', flow)).toEqual({ code: 1, out: '', err: 'unknown datapath "nosuch"\n' });
    expect(await run('--ct=bogus', 'topo.nbctl', 'sw0', flow)).toEqual({
      code: 1,
      out: '',
      err: 'ovn-trace: bogus: unknown connection tracking state flag\n',
    });
    expect((await run('missing.nbctl', 'sw0', flow)).code).toBe(1);
  });

  it('exits 2 with usage on bad arguments', async () => {
    expect((await run('topo.nbctl')).code).toBe(2);
    expect((await run('topo.nbctl', 'sw0', flow, '--bogus')).code).toBe(2);
  });
});

// `ovnviz lflows` as a user runs it: listing, --diff, and FILE:LINE:COL errors.
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from './main.ts';

const files: Record<string, string> = {
  'a.nbctl':
    'ovn-nbctl ls-add sw0\novn-nbctl lsp-add sw0 p1\novn-nbctl lsp-set-addresses p1 "50:54:00:00:00:01 10.0.0.11"\n',
  'b.nbctl':
    'ovn-nbctl ls-add sw0\novn-nbctl lsp-add sw0 p1\novn-nbctl lsp-set-addresses p1 "50:54:00:00:00:01 10.0.0.11"\n' +
    'ovn-nbctl lsp-add sw0 p2\novn-nbctl lsp-set-addresses p2 "50:54:00:00:00:02 10.0.0.12"\n',
  'bad.nbctl': 'ovn-nbctl ls-add sw0\novn-nbctl lsp-add nosuch p1\n',
};

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readFile: (p) => {
      const text = files[p];
      if (text === undefined) throw new Error('No such file or directory');
      return text;
    },
  };
  const code = await main(['lflows', ...args], io);
  return { code, out, err };
}

describe('ovnviz lflows', () => {
  it('prints lflow-list text', async () => {
    const r = await run(['a.nbctl']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Datapath: "sw0" \([0-9a-f-]{36}\)  Pipeline: ingress\n/);
    expect(r.out).toContain('match=(eth.dst == 50:54:00:00:00:01), action=(outport = "p1"; output;)');
  });
  it('diffs two scripts by datapath and stage', async () => {
    const r = await run(['--diff', 'a.nbctl', 'b.nbctl']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Datapath: "sw0"  Pipeline: ingress  table=25 (ls_in_l2_lkup)');
    expect(r.out).toContain('+ table=25(ls_in_l2_lkup      ), priority=50   , match=(eth.dst == 50:54:00:00:00:02)');
    expect(r.out).toMatch(/3 flow\(s\) added, 0 removed\n$/);
  });
  it('reports script errors as FILE:LINE:COL and exits 1', async () => {
    const r = await run(['bad.nbctl']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^bad\.nbctl:2:\d+: /);
    expect(r.out).toBe('');
  });
  it('reports unreadable files', async () => {
    const r = await run(['missing.nbctl']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('missing.nbctl: ');
  });
});

import { describe, expect, it } from 'vitest';
import { main, type CliIo } from './main.ts';

function io(files: Record<string, string>): CliIo & { out_: string; err_: string } {
  const o = {
    out_: '',
    err_: '',
    out: (t: string) => (o.out_ += t),
    err: (t: string) => (o.err_ += t),
    readFile: (p: string) => {
      if (!(p in files)) throw new Error('ENOENT: no such file');
      return files[p];
    },
  };
  return o;
}

describe('ovnviz run', () => {
  it('runs the script, then the command, printing only the command output', async () => {
    const x = io({ 's.sh': 'ovn-nbctl ls-add sw0\necho hello\n' });
    expect(await main(['run', 's.sh', 'ovn-nbctl ls-list'], x)).toBe(0);
    expect(x.out_).toMatch(/^[0-9a-f-]{36} \(sw0\)\n$/);
  });

  it('prints the script outputs when no command is given', async () => {
    const x = io({ 's.sh': 'ovn-nbctl ls-add sw0\necho hello\n' });
    expect(await main(['run', 's.sh'], x)).toBe(0);
    expect(x.out_).toBe('hello\n');
  });

  it('reports FILE:LINE:COL and exits 1 at the first failing line', async () => {
    const x = io({ 's.sh': 'ovn-nbctl ls-add sw0\n  ovn-nbctl lsp-add sw9 p\n' });
    expect(await main(['run', 's.sh', 'ovn-nbctl show'], x)).toBe(1);
    expect(x.err_).toBe('s.sh:2:3: ovn-nbctl: sw9: switch name not found\n');
    // what was loaded before the failing line is still there for the command
    expect(x.out_).toMatch(/^switch [0-9a-f-]+ \(sw0\)\n$/);
  });

  it('prints the real tool error for a failing command', async () => {
    const x = io({ 's.sh': 'ovn-nbctl ls-add sw0\n' });
    expect(await main(['run', 's.sh', 'ovn-nbctl ls-add sw0'], x)).toBe(1);
    expect(x.err_).toBe('ovn-nbctl: sw0: a switch with this name already exists\n');
  });

  it('rejects a command it would skip in a script instead of printing nothing and exiting 0', async () => {
    const x = io({ 's.sh': 'ovn-nbctl ls-add sw0\n' });
    expect(await main(['run', 's.sh', 'ovn-sbctl lflow-list'], x)).toBe(1);
    expect(x.out_).toBe('');
    expect(x.err_).toBe(
      "ovnviz run: 'ovn-sbctl lflow-list' is not a command ovnviz runs (for the logical flows: ovnviz lflows FILE)\n",
    );
    const y = io({ 's.sh': 'ovn-nbctl ls-add sw0\n' });
    expect(await main(['run', 's.sh', '--help'], y)).toBe(1);
    expect(y.err_).toBe("ovnviz run: '--help' is not a command ovnviz runs\n");
  });
});

// The CLI's input checks, through `ovnviz run` with the real file reader: a BOM, a NUL, invalid UTF-8
// and binary data are reported with line and column and a non-zero exit; `-` reads the standard input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readInputText } from './input-text.ts';
import { main, type CliIo } from './main.ts';

const bin = new URL('../../bin/ovnviz.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'ovnviz-input-'));

/** The CLI in a child process, for the standard input. */
function child(args: string[], input: Uint8Array): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI in this process, reading files as bytes as its own reader does. */
async function ovnviz(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const r = { stdout: '', stderr: '' };
  const io: CliIo = {
    out: (t) => (r.stdout += t),
    err: (t) => (r.stderr += t),
    readFile: (p) => readFileSync(p),
  };
  const status = await main(args, io);
  return { status, ...r };
}

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const script = 'ovn-nbctl ls-add sw0\necho hello\n';

describe('CLI input', () => {
  it('a UTF-8 BOM: error at 1:1, exit 1, nothing run (it used to drop the first command silently)', async () => {
    const f = file('bom.sh', `\uFEFF${script}`);
    const r = await ovnviz(['run', f]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${f}:1:1: the file starts with a UTF-8 byte order mark, which the shell would read as part of the first command: save it without one\n`,
    );
  });

  it('a NUL byte and invalid UTF-8: a binary file, with where, exit 1', async () => {
    const nul = file('nul.sh', 'echo a\necho b\0c\n');
    expect(await ovnviz(['run', nul])).toEqual({
      status: 1,
      stdout: '',
      stderr: `${nul}:2:7: NUL byte: a binary file, not a script\n`,
    });
    const bad = file('latin1.sh', Buffer.from([...Buffer.from('echo a\necho caf'), 0xe9, 0x0a]));
    expect(await ovnviz(['run', bad])).toEqual({
      status: 1,
      stdout: '',
      stderr: `${bad}:2:9: byte 0xe9 is not valid UTF-8: a binary file, not a script\n`,
    });
    const elf = file('elf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0xff, 0xfe]));
    const r = await ovnviz(['lflows', elf]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${elf}:1:8: NUL byte: a binary file, not a script\n`);
  });

  it('`-` reads the script from the standard input', () => {
    const r = child(['run', '-', 'ovn-nbctl ls-list'], Buffer.from(script));
    expect(r).toEqual({ status: 0, stdout: expect.stringMatching(/^[0-9a-f-]{36} \(sw0\)\n$/), stderr: '' });
    const bom = child(['run', '-'], Buffer.from(`\uFEFF${script}`));
    expect(bom.status).toBe(1);
    expect(bom.stderr).toMatch(/^\(standard input\):1:1: the file starts with a UTF-8 byte order mark/);
  });

  it('a script that exhausts a budget: its message and line, exit 1, no stack trace', async () => {
    const f = file('doubling.sh', 'x=xx\nfor i in {1..40};do x=$x$x;done\n');
    const r = await ovnviz(['run', f]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `${f}:2:21: script stopped: a command line or variable longer than 2097152 characters (ovnviz's limit)\n`,
    );
  });

  it('accepts any valid UTF-8 without BOM or NUL, and reports the first bad byte of any other', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const r = readInputText(bytes);
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
        } catch {
          valid = false;
        }
        const text = valid ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) : '';
        expect(r.ok).toBe(valid && !text.startsWith('\uFEFF') && !text.includes('\0'));
        if (!r.ok) expect(r.line).toBeGreaterThan(0);
      }),
    );
  });
});

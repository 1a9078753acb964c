// NB conformance: runs each test/golden-nb scenario through `ovnviz run` in-process and compares
// `ovn-nbctl show`, `list TABLE` and the scenario's queries with what the real ovn-nbctl 23.03 printed.
// Real uuids are random and ovn-nbctl prints rows in hash order, so both sides are compared in a
// canonical form: every uuid masked, records (list) and sibling blocks (show) sorted.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/cli/main.ts';

const ROOT = join(__dirname, 'golden-nb');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

async function run(args: string[]): Promise<{ out: string; err: string; rc: number }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), readFile: (p) => readFileSync(p, 'utf8') };
  const rc = await main(args, io);
  return { out, err, rc };
}

interface Node {
  text: string;
  children: Node[];
}

/** Indentation tree with siblings sorted, flattened back to lines. */
function canonicalTree(lines: string[]): string[] {
  const root: Node = { text: '', children: [] };
  const stack: { indent: number; node: Node }[] = [{ indent: -1, node: root }];
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    while (stack.length > 1 && stack[stack.length - 1].indent >= indent) stack.pop();
    const node = { text: line, children: [] };
    stack[stack.length - 1].node.children.push(node);
    stack.push({ indent, node });
  }
  const flat = (n: Node): string[] => {
    const kids = n.children.map(flat).sort((a, b) => (a.join('\n') < b.join('\n') ? -1 : 1));
    return [...(n.text ? [n.text] : []), ...kids.flat()];
  };
  return flat(root);
}

/** Masks uuids; `list`-style output (records split by blank lines) gets its records sorted,
 * anything else its indentation tree's siblings sorted. */
function canonical(text: string): string[] {
  if (text.startsWith('{"data":') || text.startsWith('{\n  "data": ')) {
    // -f json: one line; rows come in hash order on the real side
    try {
      const j = JSON.parse(text.replace(UUID, '<uuid>')) as { data: unknown[]; headings: unknown };
      return [JSON.stringify({ data: j.data.map((r) => JSON.stringify(r)).sort(), headings: j.headings })];
    } catch {
      return [text];
    }
  }
  // show prints gateway chassis in (random) uuid order
  const masked = text
    .replace(UUID, '<uuid>')
    .replace(
      /^( +gateway chassis: \[)(.*)\]$/gm,
      (_, head: string, list: string) => `${head}${list.split(' ').sort().join(' ')}]`,
    );
  if (/^[\w-]+ +: /m.test(masked)) {
    const records = masked
      .split(/\n\n/)
      .map((r) => r.trim())
      .filter(Boolean)
      .sort();
    return records.join('\n\n').split('\n');
  }
  return canonicalTree(masked.split('\n').filter((l) => l !== ''));
}

function parity(want: string[], got: string[]): { same: number; total: number } {
  const total = Math.max(want.length, got.length);
  let same = 0;
  for (let i = 0; i < total; i++) if (want[i] !== undefined && want[i] === got[i]) same++;
  return { same, total };
}

const nbctlErrors = (s: string): string[] => s.split('\n').filter((l) => /^ovn-(nb|sb)ctl:/.test(l));

const scenarios = existsSync(ROOT)
  ? readdirSync(ROOT, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
  : [];

const results: Record<string, { same: number; total: number }> = {};

describe('ovn-nbctl conformance (test/golden-nb)', () => {
  for (const sc of scenarios) {
    const dir = join(ROOT, sc);
    const script = join(dir, 'script.sh');
    it(sc, async () => {
      let same = 0;
      let total = 0;
      const mismatches: string[] = [];
      const check = (label: string, want: string[], got: string[]): void => {
        const p = parity(want, got);
        same += p.same;
        total += p.total;
        if (p.same !== p.total)
          mismatches.push(`${label}: ${p.same}/${p.total}\n--- want\n${want.join('\n')}\n--- got\n${got.join('\n')}`);
      };
      const goldens = readdirSync(dir).filter((f) => f === 'show.txt' || f.startsWith('list-'));
      for (const f of goldens) {
        const cmd = f === 'show.txt' ? 'ovn-nbctl show' : `ovn-nbctl list ${f.slice(5, -4)}`;
        const r = await run(['run', script, cmd]);
        check(cmd, canonical(readFileSync(join(dir, f), 'utf8')), canonical(r.out));
      }
      // a command the real ovn-nbctl rejected stopped the script: same error text, on the same line,
      // and the run's status is 1 exactly when the real script stopped (its last failing call)
      const scriptErr = join(dir, 'script.err.txt');
      const r0 = await run(['run', script]);
      const oursErrors = r0.err
        .split('\n')
        .map((l) => /^[^:]+:(\d+):\d+: (ovn-(?:nb|sb)ctl: .*)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null);
      check(
        'script errors',
        existsSync(scriptErr) ? nbctlErrors(readFileSync(scriptErr, 'utf8')) : [],
        oursErrors.map((m) => m[2]),
      );
      const errLines = join(dir, 'script.err-lines.txt');
      const realFailures = existsSync(errLines)
        ? readFileSync(errLines, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => l.split(' '))
        : [];
      check(
        'script error lines',
        realFailures.map(([line]) => line),
        oursErrors.map((m) => m[1]),
      );
      // (the generator refuses a script that fails other than by an ovn-nbctl/ovn-sbctl error, and
      // writes script.status.txt beside every script.err.txt: no file means the real script ran through)
      const statusFile = join(dir, 'script.status.txt');
      const realStatus = existsSync(statusFile) ? readFileSync(statusFile, 'utf8').trim() : '0';
      check('script status', [realStatus], [String(r0.rc)]);
      const backup = join(dir, 'nb-backup.db');
      if (existsSync(backup))
        for (const f of goldens) {
          const cmd = f === 'show.txt' ? 'ovn-nbctl show' : `ovn-nbctl list ${f.slice(5, -4)}`;
          const r = await run(['run', backup, cmd]);
          check(`imported backup: ${cmd}`, canonical(readFileSync(join(dir, f), 'utf8')), canonical(r.out + r.err));
        }
      const qdir = join(dir, 'queries');
      // Our CLI contract: `run FILE CMD` exits non-zero when the script stops at an error (whether that error
      // is right is checked against script.err.txt); otherwise the status is the command's, as the real one's.
      const scriptStops = existsSync(qdir) && (await run(['run', script])).rc !== 0;
      if (existsSync(qdir))
        for (const f of readdirSync(qdir)
          .filter((x) => x.endsWith('.cmd.txt'))
          .sort()) {
          const base = join(qdir, f.slice(0, -8));
          const cmd = readFileSync(base + '.cmd.txt', 'utf8').trim();
          const r = await run(['run', script, cmd]);
          const wantOut = canonical(readFileSync(base + '.out.txt', 'utf8'));
          const wantErr = nbctlErrors(readFileSync(base + '.err.txt', 'utf8')).map((l) => l.replace(UUID, '<uuid>'));
          const wantRc = scriptStops ? 1 : Number(readFileSync(base + '.rc.txt', 'utf8').trim());
          check(`${cmd} (stdout)`, wantOut, canonical(r.out));
          check(
            `${cmd} (stderr)`,
            wantErr,
            nbctlErrors(r.err).map((l) => l.replace(UUID, '<uuid>')),
          );
          check(`${cmd} (status)`, [String(wantRc)], [String(r.rc)]);
        }
      results[sc] = { same, total };
      console.log(`nb parity ${sc}: ${same}/${total} (${((100 * same) / Math.max(total, 1)).toFixed(1)}%)`);
      if (mismatches.length) console.log(mismatches.join('\n\n'));
      expect(total).toBeGreaterThan(0);
      expect(same / total).toBeGreaterThanOrEqual(MIN_PARITY[sc] ?? 1);
    });
  }
});

/** Floors below which a scenario fails; every scenario not listed must be identical line for line. */
const MIN_PARITY: Record<string, number> = {};

/** The northd goldens (test/golden, made by scripts/gen-goldens.sh with real northd running) keep the
 * `ovn-nbctl show` of each scenario too: one more check of the same thing from another generator. */
const NORTHD_GOLDEN = join(__dirname, 'golden');
const northdScenarios = existsSync(NORTHD_GOLDEN)
  ? readdirSync(NORTHD_GOLDEN, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(NORTHD_GOLDEN, d.name, 'nb-show.txt')))
      .map((d) => d.name)
  : [];

describe('ovn-nbctl show against test/golden/*/nb-show.txt', () => {
  for (const sc of northdScenarios)
    it(sc, async () => {
      const dir = join(NORTHD_GOLDEN, sc);
      const r = await run(['run', join(dir, 'script.nbctl'), 'ovn-nbctl show']);
      const want = canonical(readFileSync(join(dir, 'nb-show.txt'), 'utf8'));
      const p = parity(want, canonical(r.out));
      console.log(`nb-show parity ${sc}: ${p.same}/${p.total}`);
      expect(p.same).toBe(p.total);
    });
});

// Every action of every logical flow real ovn-northd 23.03 wrote in the golden dumps must parse (or fail
// exactly where real ovn-trace reported it cannot), print back to an equal AST, and print each action as
// real ovn-trace does in the golden traces.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAction, formatActions, parseActions, type Action } from '../../src/engine/actions/index.ts';
import { readLflowDump, type DumpedFlow } from '../../src/engine/lflowdump/reader.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every directory holding a real lflow-list dump. */
function dumpDirs(): string[] {
  const dirs: string[] = [];
  for (const parent of ['test/golden', 'test/golden-actions']) {
    const base = join(ROOT, parent);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      if (existsSync(join(base, name, 'lflows.txt'))) dirs.push(join(base, name));
    }
  }
  // the oracle's gateway tutorial, as its golden holds it (nothing outside the repository is read)
  dirs.push(join(ROOT, 'test/golden-trace/gateway'));
  return dirs;
}

const json = (actions: Action[]) => JSON.stringify(actions, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/**
 * What real ovn-trace warned about when it loaded the dump: "ACTIONS: parsing actions failed (MESSAGE)".
 * scripts/gen-action-goldens.sh records them beside its own dumps, and in golden-warnings/ for test/golden.
 */
function expectedFailures(dir: string): Set<string> {
  const own = join(dir, 'ovn-trace-warnings.txt');
  const file = existsSync(own) ? own : join(ROOT, 'test/golden-actions/golden-warnings', `${basename(dir)}.txt`);
  const out = new Set<string>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^(.*): parsing actions failed \((.*)\)$/.exec(line);
    if (m) out.add(`${m[1]}\t${m[2]}`);
  }
  return out;
}

describe('actions of real northd dumps', () => {
  const dirs = dumpDirs();
  it('finds the dumps', () => {
    expect(dirs.length).toBeGreaterThan(3);
  });
  for (const dir of dirs) {
    it(`parses and round-trips every action in ${dir.replace(ROOT + '/', '')}`, () => {
      const dump = readLflowDump(readFileSync(join(dir, 'lflows.txt'), 'utf8'));
      expect(dump.errors).toEqual([]);
      const expected = expectedFailures(dir);
      const unexpected: string[] = [];
      let parsed = 0;
      let roundTripped = 0;
      for (const flow of dump.flows) {
        const context = { pipeline: flow.pipeline, table: flow.table };
        const r = parseActions(flow.actions, context);
        if (!r.ok) {
          if (!expected.has(`${flow.actions}\t${r.error.message}`)) {
            unexpected.push(`${flow.line}:${flow.actionsColumn + r.error.column - 1}: ${r.error.message}`);
          }
          continue;
        }
        parsed++;
        const again = parseActions(formatActions(r.actions), context);
        if (again.ok && json(again.actions) === json(r.actions)) roundTripped++;
        else unexpected.push(`${flow.line}: does not round-trip: ${formatActions(r.actions)}`);
      }
      const failed = dump.flows.length - parsed;
      console.log(
        `${dir.replace(ROOT + '/', '')}: ${parsed}/${dump.flows.length} actions parsed, ` +
          `${roundTripped} round-trip, ${failed} rejected as real ovn-trace rejects them`,
      );
      if (unexpected.length && !expected.size) {
        unexpected.push('(if real ovn-trace rejects these too, run scripts/gen-action-goldens.sh to record it)');
      }
      expect(unexpected).toEqual([]);
    });
  }
});

/** A flow heading in an ovn-trace --detailed text: " 5. ls_in_pre_lb (northd.c:6109): MATCH, priority P, uuid U". */
const FLOW_HEADING = /^( *)(\d+)\. (\S+) \(northd\.c:\d+\): (.*), priority (\d+), uuid [0-9a-f]+$/;

/** The action lines ovn-trace printed under each flow it passed: every line at the actions' indentation,
 * across the blocks an action opens, up to the first line indented less (the next flow or pipeline). */
function tracedFlows(text: string): { stage: string; match: string; priority: number; lines: string[] }[] {
  const out: { stage: string; match: string; priority: number; lines: string[] }[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = FLOW_HEADING.exec(line);
    if (!m) return;
    // The table number is right-aligned in two columns; actions sit four columns in from there.
    const indent = m[1].length - (m[2].length === 1 ? 1 : 0) + 4;
    const actions: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j];
      const lead = l.length - l.trimStart().length;
      if (l.trim() === '') continue;
      if (lead < indent) break;
      // a titled block an action opened (LOG: …, ct_next(…), a generated packet) is not an action
      if (/^ *-+$/.test(lines[j + 1] ?? '')) {
        j++;
        continue;
      }
      if (lead === indent && !l.trimStart().startsWith('/*') && !l.trimStart().startsWith('*** ')) {
        actions.push(l.trim());
      }
    }
    out.push({ stage: m[3], match: m[4], priority: Number(m[5]), lines: actions });
  });
  return out;
}

describe('actions as real ovn-trace prints them', () => {
  for (const dir of dumpDirs()) {
    const traces = join(dir, 'traces');
    if (!existsSync(traces)) continue;
    it(`formats each traced action as ovn-trace in ${dir.replace(ROOT + '/', '')}`, () => {
      const dump = readLflowDump(readFileSync(join(dir, 'lflows.txt'), 'utf8'));
      const byKey = new Map<string, DumpedFlow[]>();
      for (const f of dump.flows) {
        const key = `${f.stage}\t${f.priority}\t${f.match}`;
        byKey.set(key, [...(byKey.get(key) ?? []), f]);
      }
      let checked = 0;
      // flows a trace passed that cannot be checked: the same stage, priority and match with different
      // actions on several datapaths (which one ran is not in the text), or actions we cannot parse
      let ambiguous = 0;
      const unparsed: string[] = [];
      const mismatches: string[] = [];
      for (const file of readdirSync(traces).filter((f) => f.endsWith('.detailed.txt'))) {
        for (const t of tracedFlows(readFileSync(join(traces, file), 'utf8'))) {
          const candidates = byKey.get(`${t.stage}\t${t.priority}\t${t.match}`) ?? [];
          const texts = new Set(candidates.map((c) => c.actions));
          if (texts.size !== 1) {
            ambiguous++;
            continue;
          }
          const flow = candidates[0];
          const r = parseActions(flow.actions, { pipeline: flow.pipeline, table: flow.table });
          if (!r.ok) {
            unparsed.push(`${file} ${t.stage}: ${flow.actions}: ${r.error.message}`);
            continue;
          }
          const ours = r.actions.length ? r.actions.map(formatAction) : ['drop;'];
          checked++;
          if (JSON.stringify(ours) !== JSON.stringify(t.lines)) {
            mismatches.push(`${file} ${t.stage}: ovn-trace ${JSON.stringify(t.lines)} ours ${JSON.stringify(ours)}`);
          }
        }
      }
      console.log(
        `${dir.replace(ROOT + '/', '')}: ${checked - mismatches.length}/${checked} traced flows identical, ` +
          `${ambiguous} skipped as ambiguous`,
      );
      expect(checked).toBeGreaterThan(0);
      expect(ambiguous).toBeLessThan(checked);
      expect(unparsed).toEqual([]);
      expect(mismatches).toEqual([]);
    });
  }
});

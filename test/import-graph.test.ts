// The engine's import graph runs one way: no folder of src/engine imports, directly or through
// others, a folder that imports it back; script/ and northd/ know nothing of each other (the script
// runner is handed northd's write-back by scenario/, which sits above both).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const engine = join(dirname(fileURLToPath(import.meta.url)), '../src/engine');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** The engine folder a file is in ('' for a file at the engine's top). */
const folderOf = (file: string): string => {
  const rel = relative(engine, file).split('/');
  return rel.length > 1 ? rel[0] : '';
};

/** folder -> folders it imports from (outside itself), from every static and dynamic import. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(engine)) {
    const from = folderOf(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
      const target = resolve(dirname(file), m[1]);
      const rel = relative(engine, target);
      const to = rel.startsWith('..') ? `outside:${rel}` : folderOf(target);
      if (to === from) continue;
      let set = graph.get(from);
      if (!set) graph.set(from, (set = new Set()));
      set.add(to);
    }
  }
  return graph;
}

/** A cycle through folders, as a path, if there is one. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n];
    state.set(n, 'open');
    path.push(n);
    for (const m of graph.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    path.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of graph.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}

describe('engine import graph', () => {
  const graph = folderGraph();
  it('reads the engine folders', () => expect([...graph.keys()]).toEqual(expect.arrayContaining(['script', 'northd'])));
  it('has no cycle between folders', () => expect(findCycle(graph)?.join(' -> ')).toBeUndefined());
  it('imports nothing from outside the engine', () =>
    expect([...graph.values()].flatMap((s) => [...s]).filter((t) => t.startsWith('outside:'))).toEqual([]));
  it('keeps script/ and northd/ apart, and scenario/ above both', () => {
    expect(graph.get('script')?.has('northd')).toBeFalsy();
    expect(graph.get('northd')?.has('script')).toBeFalsy();
    for (const [from, to] of graph) if (from !== 'scenario') expect(to.has('scenario'), from).toBe(false);
  });
  it('finds a cycle when there is one', () =>
    expect(
      findCycle(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set(['c'])],
          ['c', new Set(['a'])],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']));
});

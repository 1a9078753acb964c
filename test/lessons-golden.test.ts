// Every lesson step traced as the app traces it (the packet form through the worker's engine) gives
// what real ovn-trace 23.03 printed for the same command (test/golden-trace/lesson-*: summary and
// minimal forms byte for byte; the detailed form differs only in random flow uuids), and leaves by
// the ports the lesson says. The lessons' scripts are those goldens' scripts.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packetFormFrom } from '../src/engine/packet/form.ts';
import { lessons } from '../src/engine/scenario/lessons.ts';
import { createEngine } from '../src/worker/engine.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), 'golden-trace');
const goldenDirs = readdirSync(root).filter((d) => d.startsWith('lesson-'));

function goldenWithScript(script: string): string | undefined {
  return goldenDirs.find((d) => readFileSync(join(root, d, 'script.nbctl'), 'utf8') === script);
}

/** The golden trace run with these ovn-trace arguments. */
function goldenTrace(dir: string, args: readonly string[]): string | undefined {
  const traces = join(root, dir, 'traces');
  for (const file of readdirSync(traces).filter((f) => f.endsWith('.args.json'))) {
    const recorded: unknown = JSON.parse(readFileSync(join(traces, file), 'utf8'));
    if (JSON.stringify(recorded) === JSON.stringify(args)) return join(traces, file.replace('.args.json', ''));
  }
  return undefined;
}

describe('lessons against real ovn-trace', () => {
  let identical = 0;
  let total = 0;
  for (const lesson of lessons)
    lesson.steps.forEach((step, i) => {
      it(`${lesson.id} step ${i + 1}`, async () => {
        const script = step.script ?? lesson.script;
        const dir = goldenWithScript(script);
        expect(dir, 'a golden scenario with this script').toBeDefined();
        const engine = createEngine();
        await engine.load(script);
        const form = (await engine.packetForPorts(packetFormFrom(step.packet), true)) ?? packetFormFrom(step.packet);
        const result = await engine.trace(form);
        if (!result.ok) throw new Error(result.error);
        expect(result.outcome.outputs).toEqual(step.outputs);
        expect(step.choices).toContain(step.answer);
        const { request } = result;
        const args = [
          ...(request.ct ?? []).map((ct) => `--ct=${ct}`),
          ...(request.lbDst ? [`--lb-dst=${request.lbDst}`] : []),
          request.datapath,
          request.microflow,
        ];
        const golden = dir ? goldenTrace(dir, args) : undefined;
        expect(golden, `golden trace for ${result.commands.detailed}`).toBeDefined();
        for (const f of ['summary', 'minimal'] as const) {
          const want = readFileSync(`${golden}.${f}.txt`, 'utf8');
          total++;
          if (result.text[f] === want) identical++;
          expect(result.text[f]).toBe(want);
        }
      });
    });
  it('reports parity', () => {
    console.log(`lessons: ${identical}/${total} trace texts identical to real ovn-trace`);
  });
});

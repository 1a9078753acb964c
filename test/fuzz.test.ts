// A bounded-time property per entry point that reads outside input (parsers, the script runner, the
// link codec, the NB import, the CLI's file reader): on generated inputs it returns, never throws,
// and takes under 2 s. scripts/fuzz-all.ts runs the same inputs by the hundred thousand.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FUZZ_ENTRIES } from './fuzz/entries.ts';

describe('fuzzed entry points return in bounded time, without throwing', () => {
  for (const entry of FUZZ_ENTRIES)
    it(entry.name, () => {
      fc.assert(
        fc.property(entry.input, (input) => {
          const t = performance.now();
          entry.run(input);
          const ms = performance.now() - t;
          expect(ms).toBeLessThan(2000);
        }),
        { numRuns: 100, seed: 12_000 + entry.name.length },
      );
    });
});

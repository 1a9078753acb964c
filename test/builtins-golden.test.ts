// The app's built-in switch scenarios are golden scenarios too (test/golden/builtin-*): what a newcomer
// sees first is checked against real OVN like the rest. This keeps the two copies of each script equal.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../src/engine/scenario/builtins.ts';

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), 'golden');

describe('built-in scenarios have real-OVN goldens', () => {
  for (const id of ['two-vms', 'unknown-port', 'arp-flood']) {
    it(id, () => {
      const builtin = builtinScenarios.find((b) => b.id === id);
      expect(builtin, `built-in ${id}`).toBeDefined();
      const golden = readFileSync(join(goldenDir, `builtin-${id}`, 'script.nbctl'), 'utf8');
      expect(golden.trimEnd()).toBe(builtin?.script.trimEnd());
    });
  }
});

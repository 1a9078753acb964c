#!/usr/bin/env node
// The ovnviz CLI. `npm ci` / `npm install` bundles it into dist-cli/ovnviz.mjs (the `prepare` script), so
// it starts in a fraction of a second; while the sources are newer than that bundle (development), it
// runs straight from the TypeScript sources through tsx instead.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'ovnviz.mjs');

/** Whether any file of these source folders changed after `time` (the bundle would be stale). */
function newerThan(time, dirs) {
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() ? newerThan(time, [path]) : statSync(path).mtimeMs > time) return true;
    }
  }
  return false;
}

const fresh =
  existsSync(bundle) && !newerThan(statSync(bundle).mtimeMs, [join(root, 'src', 'engine'), join(root, 'src', 'cli')]);
let main;
if (fresh) ({ main } = await import(pathToFileURL(bundle).href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));

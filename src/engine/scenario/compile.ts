// One way from scenario text to a Southbound database, shared by the CLI and the worker: the script
// runs with a northd beside it (each transaction, then northd's write-back: keys, IPAM, up, tags), or
// an `ovsdb-client backup` of a real NB is imported; logical flows are then computed once.
import { importOvsdbFile, looksLikeOvsdbFile } from '../nb/import.ts';
import type { World } from '../nb/world.ts';
import { runNorthd } from '../northd/index.ts';
import { rememberAllKeys } from '../northd/key-writeback.ts';
import { northdWriteback } from '../northd/writeback.ts';
import type { SbDatabase } from '../sb/database.ts';
import { attachShell, emptyWorld, runScript, type ScriptRun } from '../script/index.ts';

/** A scenario script, or the JSON `ovsdb-client backup` writes of a real Northbound database. */
export function loadScenarioText(text: string, fileName?: string): ScriptRun {
  if (!looksLikeOvsdbFile(text)) return runScript(text, { fileName, northd: northdWriteback });
  const imported = importOvsdbFile(text);
  const world: World = { ...emptyWorld(), ...(imported.ok ? { nb: imported.nb } : {}) };
  attachShell(world, northdWriteback);
  if (!imported.ok)
    return { world, errors: [{ line: imported.line, column: 1, message: imported.error }], skipped: [], outputs: [] };
  // a northd starting on this NB allocates every key afresh
  rememberAllKeys(world);
  return { world, errors: [], skipped: [], outputs: [] };
}

/** The Southbound database northd writes for a loaded scenario (IPAM and tunnel keys follow its history). */
export function southboundFor(run: ScriptRun): SbDatabase {
  return runNorthd(run.world);
}

// One way from scenario text to a Southbound database, shared by the CLI and the worker: run the script
// (or import an `ovsdb-client backup` of a real NB), then northd as if it had run after every command.
import { importOvsdbFile, looksLikeOvsdbFile } from '../nb/import.ts';
import { runNorthd } from '../northd/index.ts';
import { worldAsNorthdSeesIt } from '../northd/replay.ts';
import type { SbDatabase } from '../sb/database.ts';
import { emptyWorld, runScript, type ScriptRun } from '../script/index.ts';

/** A scenario script, or the JSON `ovsdb-client backup` writes of a real Northbound database. */
export function loadScenarioText(text: string, fileName?: string): ScriptRun {
  if (!looksLikeOvsdbFile(text)) return runScript(text, { fileName });
  const imported = importOvsdbFile(text);
  if (!imported.ok)
    return {
      world: emptyWorld(),
      errors: [{ line: imported.line, column: 1, message: imported.error }],
      skipped: [],
      outputs: [],
    };
  return { world: { ...emptyWorld(), nb: imported.nb }, errors: [], skipped: [], outputs: [] };
}

/** The Southbound database northd writes for a loaded scenario (IPAM and tunnel keys follow its history). */
export function southboundFor(text: string, run: ScriptRun): SbDatabase {
  const world = looksLikeOvsdbFile(text) ? run.world : worldAsNorthdSeesIt(text, run.world);
  return runNorthd(world);
}

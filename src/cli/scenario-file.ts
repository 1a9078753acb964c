// Reading a scenario file for every subcommand: a script or an `ovsdb-client backup` of a real NB,
// with errors reported the same way everywhere (`FILE:LINE:COL: message`, then any hint).
import { loadScenarioText } from '../engine/scenario/compile.ts';
import type { ScriptRun } from '../engine/script/index.ts';
import { fileLabel, readInputText } from './input-text.ts';
import type { CliIo } from './main.ts';

export interface ScenarioFile {
  text: string;
  run: ScriptRun;
  /** The script stopped at an error (reported on stderr); everything before it is loaded. */
  failed: boolean;
}

export function readScenarioFile(file: string, io: CliIo): ScenarioFile | undefined {
  const label = fileLabel(file);
  const text = readTextFile(file, io, label);
  if (text === undefined) return undefined;
  const run = loadScenarioText(text, file);
  for (const e of [...(run.tolerated ?? []), ...run.errors]) {
    io.err(`${label}:${e.line}:${e.column}: ${e.message}\n`);
    if (e.hint) io.err(`${label}:${e.line}:${e.column}: hint: ${e.hint}\n`);
  }
  return { text, run, failed: run.errors.length > 0 };
}

/** A text file's contents, or undefined once why it cannot be read is reported (`prefix` first). */
export function readTextFile(file: string, io: CliIo, prefix: string): string | undefined {
  let data: string | Uint8Array;
  try {
    data = io.readFile(file);
  } catch (e) {
    io.err(`${prefix}: ${fileErrorMessage(e)}\n`);
    return undefined;
  }
  const input = readInputText(data);
  if (input.ok) return input.text;
  io.err(`${fileLabel(file)}:${input.line}:${input.column}: ${input.message}\n`);
  return undefined;
}

const errnoText: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  EACCES: 'Permission denied',
};

/** Why a file could not be read, in the words of strerror (as the real tools say it), not Node's. */
export function fileErrorMessage(e: unknown): string {
  const code = e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
  if (code && code in errnoText) return errnoText[code];
  return e instanceof Error ? e.message : String(e);
}

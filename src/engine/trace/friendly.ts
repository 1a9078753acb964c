// ovntrace_make_names_friendly: quoted logical port names in a match or action text are replaced by
// the port's friendly name (external_ids:name, or a UUID-tailed name shortened); the rest is kept.
import { jsonStringEscape, jsonStringUnescape } from '../expr/lexer.ts';
import type { TraceDb } from './database.ts';

const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

export function makeNamesFriendly(db: TraceDb, text: string): string {
  if (!db.friendlyNames) return text;
  return text.replace(QUOTED, (whole, raw: string) => {
    const unescaped = jsonStringUnescape(raw);
    const port = unescaped.ok ? db.ports.get(unescaped.text) : undefined;
    return port ? jsonStringEscape(port.friendlyName) : whole;
  });
}

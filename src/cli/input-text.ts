// What the CLI accepts as a text file: UTF-8 without a byte order mark and without NUL bytes. A BOM
// would be read as part of the first command (bash says "command not found" for it), a NUL or an
// invalid byte means a binary file: each is reported with its line and column, never run.

export type InputText = { ok: true; text: string } | { ok: false; line: number; column: number; message: string };

const NUL_MESSAGE = 'NUL byte: a binary file, not a script';

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    // overlong three- and four-byte forms, surrogates, and code points past U+10FFFF
    const b1 = bytes[i + 1];
    if (
      (b === 0xe0 && b1 < 0xa0) ||
      (b === 0xed && b1 > 0x9f) ||
      (b === 0xf0 && b1 < 0x90) ||
      (b === 0xf4 && b1 > 0x8f)
    )
      return i;
    i += n;
  }
  return -1;
}

/** Line and column (1-based, in characters) of `index` in `text`. */
function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const lastNl = before.lastIndexOf('\n');
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: [...before.slice(lastNl + 1)].length + 1 };
}

/** Decodes and checks a file's contents (bytes from disk or stdin, or text already decoded). */
export function readInputText(data: string | Uint8Array): InputText {
  let text: string;
  if (typeof data === 'string') text = data;
  else {
    const bad = firstInvalidUtf8(data);
    const nul = data.indexOf(0);
    if (nul >= 0 && (bad < 0 || nul < bad)) {
      const at = position(new TextDecoder().decode(data.subarray(0, nul)), Infinity);
      return { ok: false, ...at, message: NUL_MESSAGE };
    }
    if (bad >= 0) {
      const at = position(new TextDecoder().decode(data.subarray(0, bad)), Infinity);
      const hex = data[bad].toString(16).padStart(2, '0');
      return { ok: false, ...at, message: `byte 0x${hex} is not valid UTF-8: a binary file, not a script` };
    }
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(data);
  }
  if (text.startsWith('\uFEFF'))
    return {
      ok: false,
      line: 1,
      column: 1,
      message:
        'the file starts with a UTF-8 byte order mark, which the shell would read as part of the first command: save it without one',
    };
  const nul = text.indexOf('\0');
  if (nul >= 0) return { ok: false, ...position(text, nul), message: NUL_MESSAGE };
  return { ok: true, text };
}

/** How a FILE argument is named in messages: `-` is the standard input. */
export const fileLabel = (file: string): string => (file === '-' ? '(standard input)' : file);

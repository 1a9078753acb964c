// ofputil_parse_key_value (ofp-parse.c): the tokenizer of every ovs-ofctl list — "key", "key=value",
// "key:value", "key(value)" separated by commas or white space, with nested parentheses kept whole and
// "(x)->y" read as one value. Positions are kept so errors can name a column.

export interface KeyValue {
  key: string;
  value: string;
  /** Offsets of key and value in the parsed string. */
  keyPos: number;
  valuePos: number;
}

/** parse_value: length of the value up to a delimiter, skipping balanced parentheses. */
function valueLength(s: string, start: number, delims: string): number {
  let n = start;
  while (n < s.length && !delims.includes(s[n])) {
    if (s[n] === '(') {
      let level = 0;
      do {
        if (n >= s.length) return n - start;
        if (s[n] === '(') level++;
        else if (s[n] === ')') level--;
        n++;
      } while (level > 0);
    } else n++;
  }
  return n - start;
}

/** All key-value pairs of `s`, starting at offset `base` for reported positions. */
export function parseKeyValues(s: string, base = 0): KeyValue[] {
  const out: KeyValue[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && ', \t\r\n'.includes(s[pos])) pos++;
    if (pos >= s.length) return out;
    const keyPos = pos;
    while (pos < s.length && !':=(, \t\r\n'.includes(s[pos])) pos++;
    const key = s.slice(keyPos, pos);
    const delim = pos < s.length ? s[pos] : '';
    if (delim) pos++;
    let delims: string;
    if (delim === ':' || delim === '=') delims = ', \t\r\n';
    else if (delim === '(') delims = ')';
    else {
      out.push({ key, value: '', keyPos: base + keyPos, valuePos: base + pos });
      continue;
    }
    const valuePos = pos;
    let len = valueLength(s, pos, delims);
    if (delim === '(' && s[pos + len] === ')' && s[pos + len + 1] === '-' && s[pos + len + 2] === '>') {
      len += valueLength(s, pos + len, ', \t\r\n');
    }
    const value = s.slice(pos, pos + len);
    pos += len + (pos + len < s.length ? 1 : 0);
    out.push({ key, value, keyPos: base + keyPos, valuePos: base + valuePos });
  }
}

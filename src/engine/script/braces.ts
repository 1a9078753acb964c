// Bash brace expansion of an unquoted word: {1..5}, {a,b,c}, with a prefix and a suffix.
// Bounded like a careful shell: it stops with a message once the words, or the characters of the
// words it builds on the way, pass the limits, so a few braces cannot take exponential time.

/** Characters of the words built while expanding, per word allowed in the result. */
const CHARS_PER_WORD = 64;

/** The words of `word`, or why it expands to too much (more than `maxWords` words). */
export function expandBraces(word: string, maxWords: number): string[] | string {
  const out: string[] = [];
  const stack = [word];
  let chars = 0;
  while (stack.length) {
    const w = stack.pop() as string;
    const items = firstGroup(w, maxWords);
    if (items === undefined) {
      if (out.length === maxWords) return `a word expands to more than ${maxWords} words`;
      out.push(w);
      continue;
    }
    if (items === 'too many') return `a brace range expands to more than ${maxWords} words`;
    const { pre, list, post } = items;
    for (let k = list.length - 1; k >= 0; k--) {
      const next = `${pre}${list[k]}${post}`;
      chars += next.length;
      if (chars > maxWords * CHARS_PER_WORD)
        return `brace expansion builds more than ${maxWords * CHARS_PER_WORD} characters`;
      stack.push(next);
    }
  }
  return out;
}

/** The first `{…}` without braces inside that is a list or a range, split into its parts. */
function firstGroup(
  word: string,
  maxWords: number,
): { pre: string; list: string[]; post: string } | 'too many' | undefined {
  // the leftmost `{` whose next brace is a `}`: the first `}` seen right after a `{`
  let open = -1;
  let close = -1;
  for (let i = 0; i < word.length; i++) {
    if (word[i] === '{') open = i;
    else if (word[i] === '}' && open >= 0) {
      close = i;
      break;
    }
  }
  if (close < 0) return undefined;
  const pre = word.slice(0, open);
  const body = word.slice(open + 1, close);
  const post = word.slice(close + 1);
  const range = body.match(/^(-?\d+)\.\.(-?\d+)$/);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    if (Math.abs(b - a) >= maxWords) return 'too many';
    const step = a <= b ? 1 : -1;
    const list: string[] = [];
    for (let i = a; ; i += step) {
      list.push(String(i));
      if (i === b) break;
    }
    return { pre, list, post };
  }
  if (body.includes(',')) return { pre, list: body.split(','), post };
  return undefined;
}

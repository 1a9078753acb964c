// Bash brace expansion of an unquoted word: {1..5}, {a,b,c}, with a prefix and a suffix.
const MAX_WORDS = 10000;

export function expandBraces(word: string): string[] {
  const m = word.match(/^(.*?)\{([^{}]*)\}(.*)$/);
  if (!m) return [word];
  const [, pre, body, post] = m;
  let items: string[];
  const range = body.match(/^(-?\d+)\.\.(-?\d+)$/);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    const step = a <= b ? 1 : -1;
    items = [];
    for (let i = a; items.length < MAX_WORDS; i += step) {
      items.push(String(i));
      if (i === b) break;
    }
  } else if (body.includes(',')) items = body.split(',');
  else return [word];
  return items.flatMap((it) => expandBraces(`${pre}${it}${post}`)).slice(0, MAX_WORDS);
}

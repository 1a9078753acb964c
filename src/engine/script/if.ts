// `if COND; then …; [else …;] fi` as pasted sessions write it on one line or several: the parts
// of the statement list that make up one if, found by the words that open and close them.
import type { Statement, Word } from './tokenize.ts';

export interface IfBlock {
  cond: Statement[];
  negate: boolean;
  then: Statement[];
  otherwise: Statement[];
  /** Index of the statement holding `fi`. */
  end: number;
}

const wordText = (w: Word | undefined): string =>
  w && w.parts.length === 1 && w.parts[0].t === 'lit' && !w.parts[0].quoted ? w.parts[0].s : '';

const drop = (st: Statement): Statement => ({ ...st, words: st.words.slice(1) });

/** Reads the if starting at statements[i]; undefined for forms we do not model (elif, nesting). */
export function readIf(statements: Statement[], i: number): IfBlock | undefined {
  const parts: Statement[][] = [[]];
  const opener: string[] = ['if'];
  let negate = false;
  for (let j = i; j < statements.length; j++) {
    let st = statements[j];
    const w = wordText(st.words[0]);
    if (j > i && (w === 'if' || w === 'elif')) return undefined;
    if (w === 'fi') {
      if (st.words.length > 1 || opener.length < 2) return undefined;
      const [cond, then, otherwise = []] = parts;
      return { cond, negate, then, otherwise, end: j };
    }
    if (j === i || w === 'then' || w === 'else') {
      if (j > i) {
        if (opener.length !== (w === 'then' ? 1 : 2)) return undefined;
        opener.push(w);
        parts.push([]);
      }
      st = drop(st);
      if (j === i && wordText(st.words[0]) === '!') {
        negate = true;
        st = drop(st);
      }
    }
    if (st.words.length) parts[parts.length - 1].push(st);
  }
  return undefined;
}

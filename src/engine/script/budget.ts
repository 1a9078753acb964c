// Work limits of one script run, so that no pasted or linked script can hang the engine or exhaust
// its memory. They are counted (commands, words, characters, nesting), never timed, so a script
// stops at the same line on every machine; the message names the limit and where it was hit.

export const SCRIPT_LIMITS = {
  /** Commands run, loop iterations included: far above any tutorial (4,000 ports as a script is ~10,000). */
  commands: 100_000,
  /** Words one word expands to (brace expansion, `seq`, an unquoted `$(...)`). */
  words: 100_000,
  /** Characters of one command line or variable: Linux's ARG_MAX (`getconf ARG_MAX`). */
  commandLine: 2_097_152,
  /** Characters all commands of the script print, captured by `$(...)` or shown. */
  output: 16_777_216,
  /** `for` and `if` blocks inside one another. */
  nesting: 64,
} as const;

export interface Budget {
  commands: number;
  output: number;
  nesting: number;
}

export const newBudget = (): Budget => ({ commands: 0, output: 0, nesting: 0 });

export interface BudgetError {
  line: number;
  column: number;
  message: string;
}

export const stop = (line: number, column: number, what: string): BudgetError => ({
  line,
  column,
  message: `script stopped: ${what} (ovnviz's limit)`,
});

/** Counts one command; an error once the script has run more than the limit allows. */
export function chargeCommand(b: Budget, line: number, column: number): BudgetError | undefined {
  b.commands++;
  if (b.commands > SCRIPT_LIMITS.commands)
    return stop(line, column, `more than ${SCRIPT_LIMITS.commands} commands run`);
  return undefined;
}

/** Counts what a command printed. */
export function chargeOutput(b: Budget, chars: number, line: number, column: number): BudgetError | undefined {
  b.output += chars;
  if (b.output > SCRIPT_LIMITS.output)
    return stop(line, column, `more than ${SCRIPT_LIMITS.output} characters printed`);
  return undefined;
}

export function tooManyWords(line: number, column: number): BudgetError {
  return stop(line, column, `a word expands to more than ${SCRIPT_LIMITS.words} words`);
}

export function tooLong(line: number, column: number): BudgetError {
  return stop(line, column, `a command line or variable longer than ${SCRIPT_LIMITS.commandLine} characters`);
}

export function tooDeep(line: number, column: number): BudgetError {
  return stop(line, column, `more than ${SCRIPT_LIMITS.nesting} for/if blocks inside one another`);
}

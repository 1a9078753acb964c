// The hostile inputs of issue 12, each as a script a link can carry: what used to hang or crash the
// engine, and the error it must stop with now. The unit test runs them in the engine, the e2e spec
// opens them as links in the app; scripts/hostile-timings.ts prints how long each takes.

export interface HostileCase {
  name: string;
  /** The scenario script (what the link carries). */
  script: string;
  /** What the script run reports (the first error's message), or undefined when it must just finish. */
  error?: RegExp;
  /** Before the fix: how it failed. */
  before: string;
}

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'string doubling',
    script: 'x=xx;for i in {1..40};do x=$x$x;done;echo $x',
    error: /^script stopped: a command line or variable longer than 2097152 characters \(ovnviz's limit\)$/,
    before: 'RangeError: Invalid string length escaped runScript; the tab crashed after ~21 s at ~4.4 GB',
  },
  {
    name: 'nested for loops',
    script: 'for a in {1..9999};do for b in {1..9999};do echo $a$b;done;done',
    error: /^script stopped: more than 100000 commands run \(ovnviz's limit\)$/,
    before: '10^8 commands: "Running the script…" for good',
  },
  {
    name: 'brace bomb',
    script: `echo ${'{a,b}'.repeat(22)}`,
    error: /^script stopped: a word expands to more than 100000 words \(ovnviz's limit\)$/,
    before: '2^22 words built before a silent cut to 10,000: 21 s in the browser',
  },
  {
    name: 'huge brace range',
    script: 'for i in {1..999999999};do echo $i;done',
    error: /^script stopped: a brace range expands to more than 100000 words \(ovnviz's limit\)$/,
    before: 'silently cut to 10,000 words',
  },
  {
    name: 'long bracketed line',
    script: `[${'x'.repeat(200_000)}]`,
    before: 'the prompt pattern backtracked: 40,000 characters 8 s, 200,000 over 120 s',
  },
  {
    name: 'seq past the limit',
    script: 'for i in $(seq 1000000);do echo $i;done',
    error: /^script stopped: a word expands to more than 100000 words \(ovnviz's limit\)$/,
    before: 'silently cut to 10,000 numbers',
  },
  {
    name: 'long loop',
    script: 'for i in $(seq 20000);do echo $i;done',
    before: 'over 30 s',
  },
  {
    name: 'unknown 100 KB command',
    script: `ovn-nbctl ${'x'.repeat(100_000)}`,
    error: /^ovn-nbctl: unknown command 'x+'; use --help for help$/,
    before: '3-4 s in the "did you mean" edit distance',
  },
  {
    name: 'deep nesting',
    script: `${'for i in 1;do '.repeat(100)}echo deep${';done'.repeat(100)}`,
    error: /^script stopped: more than 64 for\/if blocks inside one another \(ovnviz's limit\)$/,
    before: 'recursion as deep as the script',
  },
  {
    name: 'output flood',
    script: 'y=0123456789abcdef;for i in {1..16};do y=$y$y;done;for i in {1..500};do echo $y;done',
    error: /^script stopped: more than 16777216 characters printed \(ovnviz's limit\)$/,
    before: 'memory grew with every line printed',
  },
];

/** A microflow of `ip4 && ip4 && …`: 16,000 terms took 35 s in the browser. */
export const LONG_MICROFLOW = Array.from({ length: 16_000 }, () => 'ip4').join(' && ');

// Every entry point that reads outside input, with the inputs to fuzz it with: token soups of its
// own language, mutations of real inputs (OVN's testsuite lines, real dumps, built-in scripts),
// long repetitions (to catch super-linear time) and raw bytes. scripts/fuzz-all.ts runs them by
// the hundred thousand; test/fuzz.test.ts runs a few hundred of each in `npm test`.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseActions } from '../../src/engine/actions/index.ts';
import { parseExpr, parseMicroflow } from '../../src/engine/expr/index.ts';
import { parseLflowDump } from '../../src/engine/lflowdump/parse.ts';
import { importOvsdbFile } from '../../src/engine/nb/import.ts';
import { builtinScenarios } from '../../src/engine/scenario/builtins.ts';
import { decodeScene, encodeScene } from '../../src/engine/scenario/url.ts';
import { expandBraces } from '../../src/engine/script/braces.ts';
import { runFilter } from '../../src/engine/script/filters.ts';
import { runScript } from '../../src/engine/script/index.ts';
import { tokenize } from '../../src/engine/script/tokenize.ts';
import { readInputText } from '../../src/cli/input-text.ts';

export interface FuzzEntry {
  name: string;
  input: fc.Arbitrary<string>;
  /** Runs the entry point on one input; it must return, never throw. */
  run: (input: string) => void;
}

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The left-hand sides of an OVN testsuite file's `input => output` lines. */
const testsuiteInputs = (path: string): string[] =>
  read(path)
    .split('\n')
    .filter((l) => l && !/^(dnl|AT_|#|\s)/.test(l))
    .map((l) => l.split(' => ')[0]);

/** Inputs built from `tokens`, mutations of `corpus`, long repetitions and arbitrary text. */
function language(tokens: readonly string[], corpus: readonly string[]): fc.Arbitrary<string> {
  const token = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...tokens) },
    { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
  );
  const soup = fc.array(token, { maxLength: 40 }).map((t) => t.join(''));
  const spaced = fc.array(token, { maxLength: 40 }).map((t) => t.join(' '));
  const mutant = fc
    .tuple(
      fc.constantFrom(...corpus),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.oneof(token, fc.constant(''))), {
        minLength: 1,
        maxLength: 4,
      }),
    )
    .map(([base, edits]) =>
      edits.reduce((s, [at, drop, put]) => {
        const i = s.length ? at % (s.length + 1) : 0;
        return s.slice(0, i) + put + s.slice(i + drop);
      }, base),
    );
  const repeated = fc
    .tuple(fc.constantFrom(...tokens), fc.integer({ min: 50, max: 3000 }), soup)
    .map(([t, n, tail]) => t.repeat(n) + tail);
  return fc.oneof(
    { weight: 3, arbitrary: soup },
    { weight: 3, arbitrary: spaced },
    { weight: 4, arbitrary: mutant },
    { weight: 1, arbitrary: repeated },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );
}

const SHELL = [
  'ovn-nbctl ',
  'ovn-sbctl ',
  'ovs-vsctl ',
  'ls-add ',
  'lsp-add ',
  'lr-add ',
  'lrp-add ',
  'sw0 ',
  'p1 ',
  'lsp-set-addresses ',
  '"00:00:00:00:00:01 10.0.0.1" ',
  'acl-add ',
  'ip4 ',
  '--may-exist ',
  'echo ',
  'seq ',
  'x=',
  '$x',
  '${x}',
  '$(',
  ')',
  '`',
  '"',
  "'",
  '\\',
  '\\\n',
  '\n',
  ';',
  '&&',
  '||',
  '|',
  '>',
  '2>&1',
  '<<EOF\n',
  'EOF\n',
  '#',
  '{a,b}',
  '{1..3}',
  '{1..999}',
  'for i in ',
  '; do ',
  '; done',
  'if ',
  '; then ',
  '; else ',
  '; fi',
  'grep ',
  '-E ',
  "'(a+)+$' ",
  'awk ',
  "'{print $1}' ",
  'head -n 2',
  'sudo ',
  '[root@node1 ~]# ',
  '$ ',
  '> ',
  'node1$ ',
  'chassis-add ',
  'hv1 geneve 1.2.3.4',
  'lsp-bind ',
  'show',
  ' ',
  '  ',
];
const EXPR = [
  'ip4',
  'ip6',
  'eth.src',
  'eth.dst',
  'ip4.src',
  'ip4.dst',
  'tcp.dst',
  'udp',
  'inport',
  'outport',
  'reg0[0..3]',
  'ct.new',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '&&',
  '||',
  '!',
  '(',
  ')',
  '{',
  '}',
  ',',
  '80',
  '0x800',
  '10.0.0.1',
  '10.0.0.0/8',
  '00:00:00:00:00:01',
  'fe80::1',
  '"lp1"',
  '$set',
  '@pg',
  '1',
  '0',
  '..',
  '[',
  ']',
  ' ',
  '.',
  'ip.ttl',
  'icmp4.type',
  'arp.op',
  'vlan.present',
  '/',
  'is_chassis_resident("p")',
];
const ACTIONS = [
  'next;',
  'output;',
  'drop;',
  'outport = "p";',
  'ip.ttl--;',
  'ct_next;',
  'ct_commit;',
  'ct_commit { ct_label = 1; };',
  'ct_lb_mark(backends=10.0.0.1:80);',
  'arp { eth.dst = ff:ff:ff:ff:ff:ff; output; };',
  'icmp4 { icmp4.type = 11; };',
  'reg0 = 1;',
  'eth.src <-> eth.dst;',
  'reg0[0] = check_in_port_sec();',
  'next(pipeline=egress, table=1);',
  'put_arp(inport, arp.spa, arp.sha);',
  'get_arp(outport, reg0);',
  'flags.loopback = 1;',
  'clone { next; };',
  '{',
  '}',
  ';',
  '=',
  '(',
  ')',
  ',',
  'push(reg0);',
  'pop(reg0);',
  'reject {',
  'log(severity=info);',
  ' ',
];
const LFLOWS = [
  'Datapath: "sw0" (7a2e3a61-1111-4a5b-9c1d-1234567890ab)  Pipeline: ingress\n',
  '  table=0 (ls_in_check_port_sec), priority=50   , match=(1), action=(next;)\n',
  '  table=',
  'priority=',
  ', match=(',
  '), action=(',
  ')\n',
  'ip4 && ',
  'next;',
  '(',
  ')',
  '\n',
  '"',
  '\\',
];
const JSON_BITS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '"uuid"',
  '"set"',
  '"map"',
  'null',
  'true',
  '1',
  '-1e999',
  '\\u0000',
  ' ',
  '\n',
];
const URL_BITS = ['#s=', '1.', '2.', '.', 'A', '_', '-', '=', '%', 'eJ', 'zz', '#s=1.'];

const exprCorpus = testsuiteInputs('src/engine/expr/testdata/ovn-at-parse-expr.txt');
const actionCorpus = read('src/engine/actions/testdata/ovn-at-action-parsing.txt')
  .split('\n')
  .filter((l) => l && !/^(\s|#)/.test(l));
const scripts = builtinScenarios.map((s) => s.script);
const dumpLines = read('test/golden-trace/gateway/lflows.txt').split('\n');
const dumps = [0, 40, 120, 300].map((k) => dumpLines.slice(k, k + 40).join('\n'));
const nbBackup = read('src/engine/nb/testdata/standalone.db');
const nbPieces = [0, 2000, 8000, 15000].map((k) => nbBackup.slice(0, k ? k : undefined));
const links = builtinScenarios.slice(0, 3).map((s) => encodeScene({ script: s.script }));

const FILTERS = ['grep', 'egrep', 'fgrep', 'awk', 'head', 'tail', 'cut', 'wc', 'sort', 'cat'];

export const FUZZ_ENTRIES: FuzzEntry[] = [
  { name: 'script runner', input: language(SHELL, scripts), run: (s) => void runScript(s) },
  { name: 'shell tokenizer', input: language(SHELL, scripts), run: (s) => void tokenize(s) },
  {
    name: 'brace expansion',
    input: language(['{', '}', ',', '..', '1', '9', 'a', '-'], ['{a,b}{1..3}']),
    run: (s) => void expandBraces(s, 100_000),
  },
  {
    name: 'pipeline filters',
    input: language(
      [
        ...FILTERS.map((f) => `${f} `),
        '-E ',
        '-v ',
        '-c ',
        '-C 999999 ',
        '-w ',
        '(a|aa)+ ',
        'sw0 ',
        '\n',
        "'{print $2}' ",
        '-d: -f2 ',
        '-n 3',
      ],
      ['grep -E (sw0|sw1) ovn-nbctl show\nswitch sw0\n'],
    ),
    run: (s) => {
      const [head, ...rest] = s.split('\n');
      const argv = head.split(' ').filter(Boolean);
      if (argv.length) runFilter(argv[0], argv.slice(1), rest.join('\n'));
    },
  },
  { name: 'expr parser', input: language(EXPR, exprCorpus), run: (s) => void parseExpr(s) },
  { name: 'microflow parser', input: language(EXPR, exprCorpus), run: (s) => void parseMicroflow(s) },
  { name: 'action parser', input: language(ACTIONS, actionCorpus), run: (s) => void parseActions(s) },
  { name: 'lflow dump reader', input: language(LFLOWS, dumps), run: (s) => void parseLflowDump(s) },
  { name: 'URL codec', input: language(URL_BITS, links), run: (s) => void decodeScene(s) },
  { name: 'NB import', input: language(JSON_BITS, nbPieces), run: (s) => void importOvsdbFile(s) },
  {
    name: 'CLI input reader',
    input: language(['\uFEFF', '\0', 'é', '\n', 'a', '\uFFFD'], ['echo a\n']),
    run: (s) => void readInputText(Buffer.from(s, 'latin1')),
  },
];

// `ovnviz trace FILE [OPTIONS] [DATAPATH] MICROFLOW`: run a scenario script through northd, then trace
// the microflow and print exactly what `ovn-trace` prints for the same options.
import { southboundFor } from '../engine/scenario/compile.ts';
import { formatTrace, trace, type TraceForm, type TraceRequest } from '../engine/trace/index.ts';
import type { CliIo } from './main.ts';
import { readScenarioFile } from './scenario-file.ts';

const usage =
  "usage: ovnviz trace FILE [--ct=FLAGS]... [--lb-dst=IP[:PORT]] [--select-id=N] [DATAPATH] 'MICROFLOW' " +
  '[--detailed|--summary|--minimal|--all] [--no-friendly-names]\n';

interface TraceArgs {
  file: string;
  request: TraceRequest;
  forms: TraceForm[];
}

const VALUE_OPTIONS = new Set(['--ct', '--lb-dst', '--select-id']);

/** getopt_long-like: options anywhere, `--opt=value` or `--opt value`; `--` ends options. */
function parseArgs(args: readonly string[]): TraceArgs | string {
  const positional: string[] = [];
  const ct: string[] = [];
  const forms = new Set<TraceForm>();
  let lbDst: string | undefined;
  let selectId: number | undefined;
  let friendlyNames = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    let value: string | undefined = eq < 0 ? undefined : arg.slice(eq + 1);
    if (VALUE_OPTIONS.has(name) && value === undefined) {
      value = args[++i];
      if (value === undefined) return `option '${name}' requires an argument`;
    }
    switch (name) {
      case '--ct':
        ct.push(value ?? '');
        break;
      case '--lb-dst':
        lbDst = value;
        break;
      case '--select-id': {
        // strtoul: leading digits; anything without them is 0, which ovn-trace rejects.
        const digits = /^\s*\+?(\d+)/.exec(value ?? '');
        const n = digits ? Number(digits[1]) : 0;
        if (!n) return `${value}: bad select-id`;
        selectId = n;
        break;
      }
      case '--detailed':
      case '--summary':
      case '--minimal':
        forms.add(name.slice(2) as TraceForm);
        break;
      case '--all':
        ['detailed', 'summary', 'minimal'].forEach((f) => forms.add(f as TraceForm));
        break;
      case '--friendly-names':
        friendlyNames = true;
        break;
      case '--no-friendly-names':
        friendlyNames = false;
        break;
      default:
        return `unrecognized option '${arg}'`;
    }
  }
  if (positional.length !== 2 && positional.length !== 3) return usage.trimEnd();
  const [file, ...rest] = positional;
  const datapath = rest.length === 2 ? rest[0] : '';
  const microflow = rest[rest.length - 1];
  return { file, request: { datapath, microflow, ct, lbDst, selectId, friendlyNames }, forms: [...forms] };
}

export async function traceCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.err(`ovnviz trace: ${parsed}\n`);
    return 2;
  }
  const loaded = readScenarioFile(parsed.file, io);
  if (!loaded || loaded.failed) return 1;
  const result = trace(southboundFor(loaded.run), parsed.request);
  // ovn-trace prints an unknown datapath or an unparsable microflow on stdout and exits 0; our contract
  // (design.md, ovn-reference.md) reports them as errors: the same text, on stderr, non-zero status.
  // Fatal option errors keep ovn-trace's own "ovn-trace: " prefix.
  if (!result.ok) {
    io.err(result.aborted ? `ovn-trace: ${result.error}\n` : `${result.error}\n`);
    return 1;
  }
  io.out(formatTrace(result, parsed.forms));
  return 0;
}

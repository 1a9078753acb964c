// ovnviz command-line entry: dispatches to one module per subcommand (see the CLI contract in README).
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** A file's contents; `-` is the standard input. Bytes are checked as UTF-8 by the reader. */
  readFile: (path: string) => string | Uint8Array;
}

type Command = (args: string[], io: CliIo) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  lflows: async () => (await import('./lflows.ts')).lflowsCommand,
  trace: async () => (await import('./trace.ts')).traceCommand,
  run: async () => (await import('./run.ts')).runCommand,
  'parse-lflows': async () => (await import('./parse-lflows.ts')).parseLflowsCommand,
};

const usage = `usage: ovnviz COMMAND ...
  lflows FILE                      logical flows, as ovn-sbctl lflow-list prints them
  lflows --diff OLD NEW            flows added and removed between two scripts
  trace FILE [--ct=FLAGS]... [--lb-dst=IP[:PORT]] [--select-id=N] DATAPATH 'MICROFLOW' [--detailed|--summary|--minimal|--all]
  run FILE ['COMMAND']             run a script, then one more command (e.g. 'ovn-nbctl show')
  parse-lflows DUMP                parse every match and action of a real lflow-list dump
`;

export async function main(argv: string[], io?: CliIo): Promise<number> {
  const realIo = io ?? (await nodeIo());
  const [name, ...rest] = argv;
  if (!name) {
    // no command is a usage error: the usage goes to stderr, so a pipe never mistakes it for output
    realIo.err(usage);
    return 2;
  }
  if (name === '--help' || name === '-h') {
    realIo.out(usage);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    realIo.err(`ovnviz: unknown command '${name}'\n${usage}`);
    return 2;
  }
  if (rest[0] === '--help' || rest[0] === '-h') {
    realIo.out(usageOf(name));
    return 0;
  }
  try {
    return await (
      await load()
    )(rest, realIo);
  } catch (e) {
    // a bug of ours, not the user's input: one line, not a Node stack trace
    realIo.err(`ovnviz ${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 70;
  }
}

/** The usage lines of one subcommand, for `ovnviz CMD --help`. */
function usageOf(name: string): string {
  const lines = usage.split('\n').filter((l) => l.startsWith(`  ${name} `));
  return `usage: ovnviz COMMAND ...\n${lines.join('\n')}\n`;
}

async function nodeIo(): Promise<CliIo> {
  const { readFileSync } = await import('node:fs');
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readFile: (path) => readFileSync(path === '-' ? 0 : path),
  };
}

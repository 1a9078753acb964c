// ovn-sbctl and ovs-vsctl lines of a scenario: they state physical facts (chassis, encapsulations,
// bindings of logical ports to chassis) that the World keeps beside the Northbound database.
import { lookupRows } from '../nb/row-index.ts';
import type { ChassisFact, World } from '../nb/world.ts';

export interface ToolResult {
  output: string;
  error?: string;
  /** Logical ports this invocation bound or unbound (their Port_Binding's up changes). */
  claims?: string[];
}

function splitOptions(args: string[]): { opts: Set<string>; rest: string[] } {
  const opts = new Set<string>();
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    if (args[i] === '--') {
      i++;
      break;
    }
    opts.add(args[i].split('=')[0]);
  }
  return { opts, rest: args.slice(i) };
}

const lspExists = (world: World, name: string): boolean =>
  lookupRows(world.nb.tables.Logical_Switch_Port, ['name'], [name]).length > 0 ||
  lookupRows(world.nb.tables.Logical_Router_Port, ['name'], [name]).length > 0;

/** Ports bound with `ovn-sbctl lsp-bind`: their Port_Binding is up, which northd copies to the NB. */
const sbBound = new WeakMap<World, Set<string>>();
export const isSbBound = (world: World, port: string): boolean => sbBound.get(world)?.has(port) ?? false;
const boundSet = (world: World): Set<string> => {
  let s = sbBound.get(world);
  if (!s) sbBound.set(world, (s = new Set()));
  return s;
};

const SB_COMMANDS: Record<string, [number, number]> = {
  'chassis-add': [3, 3],
  'chassis-del': [1, 1],
  'lsp-bind': [2, 2],
  'lsp-unbind': [1, 1],
};

/** `ovn-sbctl chassis-add|chassis-del|lsp-bind|lsp-unbind …`; other sbctl commands are not modelled. */
export function runSbctl(world: World, args: string[]): ToolResult | 'unsupported' {
  const { opts, rest } = splitOptions(args);
  const [cmd, ...a] = rest;
  const arity = SB_COMMANDS[cmd ?? ''];
  if (!arity) return 'unsupported';
  if (a.length < arity[0]) return { output: '', error: `'${cmd}' command requires at least ${arity[0]} arguments` };
  if (a.length > arity[1]) return { output: '', error: `'${cmd}' command takes at most ${arity[1]} arguments` };
  const phys = world.physical;
  const chassis = (name: string): ChassisFact | undefined => phys.chassis.find((c) => c.name === name);
  switch (cmd) {
    case 'chassis-add': {
      const [name, types, ip] = a;
      if (chassis(name)) {
        if (opts.has('--may-exist')) return { output: '' };
        return {
          output: '',
          error: `cannot create a chassis named ${name} because a chassis named ${name} already exists`,
        };
      }
      const encapTypes = [...new Set(types.split(',').filter(Boolean))].sort();
      phys.chassis.push({ name, hostname: '', encaps: encapTypes.map((type) => ({ type, ip })) });
      return { output: '' };
    }
    case 'chassis-del': {
      const [name] = a;
      if (!chassis(name))
        return opts.has('--if-exists') ? { output: '' } : { output: '', error: `no chassis named ${name}` };
      phys.chassis = phys.chassis.filter((c) => c.name !== name);
      const claims: string[] = [];
      for (const b of phys.bindings)
        if (b.chassis === name) {
          boundSet(world).delete(b.logicalPort);
          claims.push(b.logicalPort);
        }
      phys.bindings = phys.bindings.filter((b) => b.chassis !== name);
      return { output: '', claims };
    }
    case 'lsp-bind': {
      const [port, ch] = a;
      if (!lspExists(world, port)) return { output: '', error: `no port named ${port}` };
      if (!chassis(ch)) return { output: '', error: `no chassis named ${ch}` };
      const bound = phys.bindings.find((b) => b.logicalPort === port);
      if (bound) {
        if (opts.has('--may-exist') && bound.chassis === ch) return { output: '' };
        return { output: '', error: `lport (${port}) has already been binded to chassis (${bound.chassis})` };
      }
      phys.bindings.push({ logicalPort: port, chassis: ch });
      boundSet(world).add(port);
      return { output: '', claims: [port] };
    }
    default: {
      const [port] = a;
      if (!lspExists(world, port))
        return opts.has('--if-exists') ? { output: '' } : { output: '', error: `no port named ${port}` };
      phys.bindings = phys.bindings.filter((b) => b.logicalPort !== port);
      boundSet(world).delete(port);
      return { output: '', claims: [port] };
    }
  }
}

/** The goldens' helper `mac-binding-add LOGICAL_PORT IP MAC`: a learned MAC binding. */
export function runMacBindingAdd(world: World, args: string[]): ToolResult {
  if (args.length !== 3) return { output: '', error: 'usage: mac-binding-add LOGICAL_PORT IP MAC' };
  const [logicalPort, ip, mac] = args;
  if (!lspExists(world, logicalPort)) return { output: '', error: `mac-binding-add: no Port_Binding '${logicalPort}'` };
  world.physical.macBindings.push({ logicalPort, ip, mac });
  return { output: '' };
}

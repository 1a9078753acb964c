// The benchmark topology of ../shared/ovn-oracle/bench/gen-scale.sh, in code: one router lr0 and
// N switches (10.I.J.0/24) with P VM ports each plus a router port; as a Northbound database for
// our northd, and as the ovn-nbctl argument list the real one is fed.
import { emptyNbDatabase, type NbDatabase } from '../src/engine/nb/database.ts';
import { newNbRow } from '../src/engine/nb/schema.ts';
import type { NbLogicalSwitch, NbLogicalSwitchPort } from '../src/engine/nb/schema.gen.ts';

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');
const ip = (i: number, host: number): string => `10.${Math.floor(i / 256)}.${i % 256}.${host}`;
const mac = (a: number, b: number, c: number): string =>
  `0a:${hex2(Math.floor(a / 256) % 256)}:${hex2(a % 256)}:${hex2(Math.floor(b / 256) % 256)}:${hex2(b % 256)}:${hex2(c)}`;

let seq = 0;
const uuid = (): string => {
  const n = (++seq).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${n}`;
};

export function scaleNbctlArgs(n: number, p: number): string[] {
  const args = ['lr-add', 'lr0'];
  for (let i = 0; i < n; i++) {
    const ls = `ls${i}`;
    args.push('--', 'ls-add', ls, '--', 'lrp-add', 'lr0', `lr0-${ls}`, mac(i, 65535, 1), `${ip(i, 1)}/24`);
    args.push('--', 'lsp-add', ls, `${ls}-lr0`, '--', 'lsp-set-type', `${ls}-lr0`, 'router');
    args.push(
      '--',
      'lsp-set-addresses',
      `${ls}-lr0`,
      'router',
      '--',
      'lsp-set-options',
      `${ls}-lr0`,
      `router-port=lr0-${ls}`,
    );
    for (let j = 0; j < p; j++) {
      const port = `${ls}-p${j}`;
      args.push('--', 'lsp-add', ls, port, '--', 'lsp-set-addresses', port, `${mac(i, j, 2)} ${ip(i, j + 10)}`);
    }
  }
  return args;
}

function lsp(name: string, addresses: string[], type = '', options: Record<string, string> = {}): NbLogicalSwitchPort {
  return newNbRow('Logical_Switch_Port', uuid(), { addresses, name, options, type });
}

export function addVmPort(nb: NbDatabase, ls: NbLogicalSwitch, name: string, address: string): NbLogicalSwitchPort {
  const port = lsp(name, [address]);
  nb.tables.Logical_Switch_Port.set(port._uuid, port);
  ls.ports = [...ls.ports, port._uuid].sort();
  return port;
}

export function scaleNb(n: number, p: number): NbDatabase {
  const nb = emptyNbDatabase();
  const lr = newNbRow('Logical_Router', uuid(), { name: 'lr0' });
  nb.tables.Logical_Router.set(lr._uuid, lr);
  for (let i = 0; i < n; i++) {
    const name = `ls${i}`;
    const ls = newNbRow('Logical_Switch', uuid(), { name });
    nb.tables.Logical_Switch.set(ls._uuid, ls);
    const lrp = newNbRow('Logical_Router_Port', uuid(), {
      mac: mac(i, 65535, 1),
      name: `lr0-${name}`,
      networks: [`${ip(i, 1)}/24`],
    });
    nb.tables.Logical_Router_Port.set(lrp._uuid, lrp);
    lr.ports.push(lrp._uuid);
    const rp = lsp(`${name}-lr0`, ['router'], 'router', { 'router-port': lrp.name });
    nb.tables.Logical_Switch_Port.set(rp._uuid, rp);
    ls.ports.push(rp._uuid);
    for (let j = 0; j < p; j++) addVmPort(nb, ls, `${name}-p${j}`, `${mac(i, j, 2)} ${ip(i, j + 10)}`);
  }
  lr.ports.sort();
  return nb;
}

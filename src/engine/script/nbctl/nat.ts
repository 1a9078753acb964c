// ovn-nbctl NAT commands (lr-nat-add/del/list), with 23.03's checks, messages and column layout.
import { parseMac } from '../../packet/addresses.ts';
import { ipv4Mask, ipv6Mask, parseCidr } from '../../packet/ovn-addresses.ts';
import type { AnyRow } from '../../nb/txn.ts';
import {
  byNameOrUuid,
  addToSet,
  current,
  fatal,
  hasOpt,
  lrByNameOrUuid,
  lrpByNameOrUuid,
  lspByNameOrUuid,
  print,
  removeFromSet,
  type CmdContext,
} from './context.ts';
import { normalizeAddr, normalizePrefixStr, parsePrefix } from './routes.ts';
import { cfmt } from './cfmt.ts';
import type { CommandSpec } from './spec.ts';

const TYPES = ['dnat', 'snat', 'dnat_and_snat'];

function checkType(t: string): void {
  if (!TYPES.includes(t)) fatal(`${t}: type must be one of "dnat", "snat" and "dnat_and_snat".`);
}

function validPortRange(s: string): boolean {
  const m = s.match(/^(\d+)(?:-(\d+))?$/);
  if (!m) return false;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return a >= 1 && b <= 65535 && a <= b;
}

function nats(ctx: CmdContext, lr: AnyRow): AnyRow[] {
  return (current(ctx, 'Logical_Router', lr).nat as string[])
    .map((u) => ctx.txn.deref('NAT', u) as AnyRow)
    .filter(Boolean);
}

function natAdd(ctx: CmdContext): void {
  const lr = lrByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const [, , type, externalIp, logicalIp] = ctx.argv;
  const portrange = hasOpt(ctx, '--portrange');
  const addRoute = hasOpt(ctx, '--add-route');
  checkType(type);
  let v6 = false;
  let newExt = normalizeAddr(externalIp, false);
  if (newExt === undefined) {
    newExt = normalizeAddr(externalIp, true);
    v6 = true;
  }
  if (newExt === undefined) fatal(`${externalIp}: Not a valid IPv4 or IPv6 address.`);
  const isSnat = type === 'snat';
  let newLogical: string | undefined;
  if (!isSnat) {
    newLogical = normalizeAddr(logicalIp, v6);
    if (newLogical === undefined) fatal(`${logicalIp}: Not a valid ${v6 ? 'IPv6' : 'IPv4'} address.`);
  } else {
    const p = parsePrefix(logicalIp);
    newLogical = p && p.v6 === v6 ? normalizePrefixStr(logicalIp) : undefined;
    if (newLogical === undefined) fatal(`${logicalIp}: should be an ${v6 ? 'IPv6' : 'IPv4'} address or network.`);
  }
  let logicalPort: string | undefined;
  let externalMac: string | undefined;
  let portRange: string | undefined;
  const argc = ctx.argv.length;
  if (argc === 6) {
    if (!portrange) fatal('lr-nat-add with logical_port must also specify external_mac.');
    portRange = ctx.argv[5];
    if (!validPortRange(portRange)) fatal(`invalid port range ${portRange}.`);
  } else if (argc >= 7) {
    if (type !== 'dnat_and_snat') fatal('logical_port and external_mac are only valid when type is "dnat_and_snat".');
    if (argc === 7 && portrange) fatal('lr-nat-add with logical_port must also specify external_mac.');
    logicalPort = ctx.argv[5];
    lspByNameOrUuid(ctx, logicalPort);
    externalMac = ctx.argv[6];
    if (!/^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/.test(externalMac) || parseMac(externalMac) === undefined)
      fatal(`invalid mac address ${externalMac}.`);
    if (argc > 7) {
      portRange = ctx.argv[7];
      if (!validPortRange(portRange)) fatal(`invalid port range ${portRange}.`);
    }
  }
  const mayExist = hasOpt(ctx, '--may-exist');
  const stateless = hasOpt(ctx, '--stateless');
  if (type !== 'dnat_and_snat' && stateless) fatal('stateless is not applicable to dnat or snat types');
  if (isSnat && addRoute) fatal('routes cannot be added for snat types.');
  const gwName = ctx.options.get('--gateway-port');
  const isGatewayPort = (p: AnyRow): boolean =>
    p.ha_chassis_group !== undefined || (p.gateway_chassis as string[]).length > 0;
  const lrPorts = (lr.ports as string[])
    .map((u) => ctx.txn.get('Logical_Router_Port', u))
    .filter((p): p is AnyRow => p !== undefined);
  const numGatewayPorts = lrPorts.filter(isGatewayPort).length;
  let gwPort: AnyRow | undefined;
  if (gwName !== undefined) {
    gwPort = lrpByNameOrUuid(ctx, gwName) as AnyRow;
    if (!(lr.ports as string[]).includes(gwPort._uuid))
      fatal(`${gwName} is not a router port of logical router: ${ctx.argv[1]}.`);
    if (!isGatewayPort(gwPort)) fatal(`${gwName} is not a distributed gateway router port.`);
  } else {
    // the gateway port whose networks hold the external IP (the last one, as ovn-nbctl walks them)
    for (const p of lrPorts) if (isGatewayPort(p) && ipInLrpNetworks(p, String(newExt))) gwPort = p;
    if (numGatewayPorts > 1 && !gwPort)
      fatal(
        `logical router: ${ctx.argv[1]} has multiple distributed gateway ports and gateway_port can not be determined from external IP of NAT rule.`,
      );
  }
  for (const nat of nats(ctx, lr)) {
    const oldExt = normalizePrefixStr(String(nat.external_ip));
    const oldLogical = normalizePrefixStr(String(nat.logical_ip));
    if (oldExt === undefined || oldLogical === undefined) continue;
    const sameGateway =
      numGatewayPorts <= 1 ||
      (nat.gateway_port !== undefined && nat.gateway_port === gwPort?._uuid) ||
      (nat.gateway_port === undefined && gwPort !== undefined && ipInLrpNetworks(gwPort, oldExt));
    if (type === nat.type && sameGateway) {
      const [newKey, oldKey, newOther, oldOther] = isSnat
        ? [newLogical, oldLogical, newExt, oldExt]
        : [newExt, oldExt, newLogical, oldLogical];
      if (newKey === oldKey) {
        if (newOther === oldOther) {
          if (mayExist) {
            ctx.txn.update('NAT', nat._uuid, { logical_port: logicalPort, external_mac: externalMac });
            return;
          }
          fatal(`${newExt}, ${newLogical}: a NAT with this external_ip and logical_ip already exists`);
        }
        fatal(
          `a NAT with this type (${type}), ${isSnat ? 'logical_ip' : 'external_ip'} (${isSnat ? newLogical : newExt}) already exists`,
        );
      }
    }
    if ((type === 'dnat_and_snat' || nat.type === 'dnat_and_snat') && oldExt === newExt) {
      if ((nat.options as Record<string, string>).stateless === 'true' || stateless) {
        if (!mayExist)
          fatal(`${newExt}, ${newLogical}: External ip cannot be shared across stateless and stateful NATs`);
        return;
      }
    }
  }
  const options: Record<string, string> = { stateless: stateless ? 'true' : 'false' };
  if (addRoute) options.add_route = 'true';
  const values: Record<string, unknown> = { type, external_ip: externalIp, logical_ip: newLogical, options };
  if (logicalPort !== undefined && externalMac !== undefined) {
    values.logical_port = logicalPort;
    values.external_mac = externalMac;
  }
  if (portRange !== undefined) values.external_port_range = portRange;
  if (gwName !== undefined && gwPort) values.gateway_port = gwPort._uuid;
  const row = ctx.txn.insert('NAT', values);
  addToSet(ctx, 'Logical_Router', lr, 'nat', row._uuid);
}

/** ip_in_lrp_networks: ip lies in one of the router port's networks. */
function ipInLrpNetworks(lrp: AnyRow, ip: string): boolean {
  const addr = parseCidr(ip);
  if (!addr) return false;
  return (lrp.networks as string[]).some((n) => {
    const net = parseCidr(n);
    if (!net) return false;
    if ('v4' in net && 'v4' in addr) {
      const m = ipv4Mask(net.plen);
      return (net.v4 & m) >>> 0 === (addr.v4 & m) >>> 0;
    }
    if ('v6' in net && 'v6' in addr) {
      const m = ipv6Mask(net.plen);
      return net.v6.every((w, i) => (w & m[i]) === (addr.v6[i] & m[i]));
    }
    return false;
  });
}

function natDel(ctx: CmdContext): void {
  const lr = lrByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const mustExist = !hasOpt(ctx, '--if-exists');
  if (ctx.argv.length === 2) {
    ctx.txn.update('Logical_Router', lr._uuid, { nat: [] });
    return;
  }
  const type = ctx.argv[2];
  checkType(type);
  if (ctx.argv.length === 3) {
    for (const n of nats(ctx, lr)) if (n.type === type) removeFromSet(ctx, 'Logical_Router', lr, 'nat', n._uuid);
    return;
  }
  const natIp = normalizePrefixStr(ctx.argv[3]);
  const isSnat = type === 'snat';
  const oldIp = (n: AnyRow): string | undefined => normalizePrefixStr(String(isSnat ? n.logical_ip : n.external_ip));
  if (ctx.argv.length === 4) {
    if (natIp === undefined) {
      const gw = lrpByNameOrUuid(ctx, ctx.argv[3]) as AnyRow;
      for (const n of nats(ctx, lr))
        if (n.type === type && n.gateway_port === gw._uuid) removeFromSet(ctx, 'Logical_Router', lr, 'nat', n._uuid);
      return;
    }
    for (const n of nats(ctx, lr))
      if (n.type === type && oldIp(n) === natIp) removeFromSet(ctx, 'Logical_Router', lr, 'nat', n._uuid);
    return;
  }
  if (natIp === undefined) fatal(`${ctx.argv[3]}: Invalid IP address or CIDR`);
  const gw = lrpByNameOrUuid(ctx, ctx.argv[4]) as AnyRow;
  for (const n of nats(ctx, lr))
    if (n.type === type && oldIp(n) === natIp && n.gateway_port === gw._uuid) {
      removeFromSet(ctx, 'Logical_Router', lr, 'nat', n._uuid);
      return;
    }
  if (mustExist)
    fatal(
      `no matching NAT with the type (${type}), ${isSnat ? 'logical_ip' : 'external_ip'} (${String(natIp)}) and gateway_port (${ctx.argv[4]})`,
    );
}

function natList(ctx: CmdContext): void {
  const lr = lrByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const rows = nats(ctx, lr).map((n) => {
    const gw = n.gateway_port !== undefined ? ctx.txn.get('Logical_Router_Port', String(n.gateway_port)) : undefined;
    const key = cfmt(String(n.type), 17, 13) + cfmt(gw ? String(gw.name) : '', 22, 18) + String(n.external_ip);
    const value =
      n.external_mac !== undefined && n.logical_port !== undefined
        ? cfmt(String(n.external_port_range), 17, 13) +
          cfmt(String(n.logical_ip), 20, 16) +
          cfmt(String(n.external_mac), 21, 17) +
          String(n.logical_port)
        : cfmt(String(n.external_port_range), 17, 13) + String(n.logical_ip);
    return { key, value };
  });
  if (!rows.length) return;
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let out =
    cfmt('TYPE', 17, 13) +
    cfmt('GATEWAY_PORT', 22, 18) +
    cfmt('EXTERNAL_IP', 19, 15) +
    cfmt('EXTERNAL_PORT', 17, 13) +
    cfmt('LOGICAL_IP', 20, 16) +
    cfmt('EXTERNAL_MAC', 21, 17) +
    'LOGICAL_PORT\n';
  for (const r of rows) out += `${cfmt(r.key, 58, 54)}${r.value}\n`;
  print(ctx, out);
}

function natSetExtIps(ctx: CmdContext): void {
  if (ctx.argv.length < 5) fatal('Incomplete input, Required arguments are: ROUTER TYPE IP ADDRESS_SET');
  const lr = lrByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const type = ctx.argv[2];
  checkType(type);
  const set = byNameOrUuid(ctx, 'Address_Set', ctx.argv[4], true, 'Address Set', {
    multiple: 'Address Sets',
  }) as AnyRow;
  const natIp = normalizePrefixStr(ctx.argv[3]);
  if (natIp === undefined) fatal(`${ctx.argv[3]}: Invalid IP address or CIDR`);
  const isSnat = type === 'snat';
  for (const n of nats(ctx, lr))
    if (n.type === type && normalizePrefixStr(String(isSnat ? n.logical_ip : n.external_ip)) === natIp) {
      ctx.txn.update('NAT', n._uuid, {
        [hasOpt(ctx, '--is-exempted') ? 'exempted_ext_ips' : 'allowed_ext_ips']: set._uuid,
      });
      return;
    }
  fatal(`${type}: Could not locate nat rule for: ${String(natIp)}.`);
}

export const natCommands: CommandSpec[] = [
  { name: 'lr-nat-update-ext-ip', min: 4, max: 4, options: '--is-exempted', run: natSetExtIps },
  {
    name: 'lr-nat-add',
    min: 4,
    max: 7,
    options: '--may-exist,--stateless,--portrange,--add-route,--gateway-port=',
    run: natAdd,
  },
  { name: 'lr-nat-del', min: 1, max: 4, options: '--if-exists', run: natDel },
  { name: 'lr-nat-list', min: 1, max: 1, options: '', run: natList },
];

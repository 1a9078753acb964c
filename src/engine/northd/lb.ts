// Load balancer VIPs and backends as northd parses them (northd/lb.c ovn_northd_lb_create).
import type { NbLoadBalancer } from '../nb/schema.gen.ts';
import { formatIpv4, formatIpv6, parseIpv4, parseIpv6 } from '../packet/ovn-addresses.ts';

export interface LbBackend {
  ipStr: string;
  port: number;
  ipv6: boolean;
}

/** ip_port_mappings: the backend's "PORT:SRC_IP" (key "IP" or "[IP6]"), parsed. */
export function svcMonitorOf(nlb: NbLoadBalancer, b: LbBackend): { port: string; srcIp?: string } | undefined {
  const v = nlb.ip_port_mappings[b.ipv6 ? `[${b.ipStr}]` : b.ipStr];
  const colon = v?.indexOf(':') ?? -1;
  if (!v || colon < 0) return undefined;
  const src = parseLbKey(v.slice(colon + 1).replace(/^\[(.*)\]$/, '$1'));
  return { port: v.slice(0, colon), srcIp: src && !src.port ? src.ip : undefined };
}

export interface LbVip {
  vipStr: string;
  /** The VIP port as text, or undefined when the VIP has none. */
  portStr?: string;
  ipv6: boolean;
  backends: LbBackend[];
  /** The NB value text, as written in ct_lb_mark(backends=...). */
  backendIps: string;
  emptyBackendRej: boolean;
  /** The NB key text (e.g. "10.0.0.10:80"), used to find a health check. */
  key: string;
  /** A Load_Balancer_Health_Check row names this VIP (not for sctp). */
  healthCheck: boolean;
}

export interface NorthdLb {
  nlb: NbLoadBalancer;
  proto: 'tcp' | 'udp' | 'sctp';
  vips: LbVip[];
  selectionFields?: string;
  controllerEvent: boolean;
  affinityTimeout: number;
}

/** inet_parse_active with no default port: "IP", "IP:PORT", "[IP6]:PORT" or "[IP6]". */
export function parseLbKey(key: string): { ip: string; port: number; ipv6: boolean } | undefined {
  let host = key;
  let portText: string | undefined;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(key);
  if (bracket) {
    host = bracket[1];
    portText = bracket[2];
  } else if ((key.match(/:/g) ?? []).length === 1) {
    [host, portText] = key.split(':');
  }
  if (portText !== undefined && (!/^\d+$/.test(portText) || Number(portText) > 65535)) return undefined;
  const port = portText === undefined ? 0 : Number(portText);
  const v4 = parseIpv4(host);
  if (v4 !== undefined) return { ip: formatIpv4(v4), port, ipv6: false };
  const v6 = parseIpv6(host);
  if (v6 !== undefined) return { ip: formatIpv6(v6), port, ipv6: true };
  return undefined;
}

function parseVip(key: string, value: string, reject: boolean): LbVip | undefined {
  const vip = parseLbKey(key);
  if (!vip) return undefined;
  const backends: LbBackend[] = [];
  // ovn_lb_backends_init_explicit: one bad backend (not an address, other family, port where the VIP has
  // none or none where it has one; inet_pton takes no blanks) makes the whole VIP fail, and northd skips it.
  for (const token of value.split(',').filter((t) => t !== '')) {
    const b = /\s/.test(token) ? undefined : parseLbKey(token);
    if (!b || b.ipv6 !== vip.ipv6) return undefined;
    if (vip.port ? !b.port : b.port) return undefined;
    backends.push({ ipStr: b.ip, port: b.port, ipv6: b.ipv6 });
  }
  return {
    vipStr: vip.ip,
    portStr: vip.port ? String(vip.port) : undefined,
    ipv6: vip.ipv6,
    backends,
    backendIps: value,
    emptyBackendRej: reject,
    key,
    healthCheck: false,
  };
}

/** ovn_lb_get_health_check: is there a health check row for this VIP key? */
export type HealthCheckVips = ReadonlySet<string>;

export function parseLoadBalancer(nlb: NbLoadBalancer, healthCheckVips: HealthCheckVips = new Set()): NorthdLb {
  const proto = nlb.protocol === 'udp' ? 'udp' : nlb.protocol === 'sctp' ? 'sctp' : 'tcp';
  const reject = (nlb.options.reject ?? '').toLowerCase() === 'true';
  const vips: LbVip[] = [];
  for (const [k, v] of Object.entries(nlb.vips)) {
    const vip = parseVip(k, v, reject);
    if (!vip) continue;
    vip.healthCheck = nlb.protocol !== 'sctp' && healthCheckVips.has(k);
    vips.push(vip);
  }
  let selectionFields: string | undefined;
  if (nlb.selection_fields.length > 0) {
    const p = nlb.protocol ? nlb.protocol : undefined;
    selectionFields = nlb.selection_fields
      .map((f) => (f === 'tp_src' && p ? `${p}_src` : f === 'tp_dst' && p ? `${p}_dst` : f))
      .join(',');
  }
  const affinity = Math.min(65535, parseInt(nlb.options.affinity_timeout ?? '0', 10) || 0);
  return {
    nlb,
    proto,
    vips,
    selectionFields,
    controllerEvent: (nlb.options.event ?? '').toLowerCase() === 'true',
    affinityTimeout: affinity,
  };
}

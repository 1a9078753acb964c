// ovn-trace's --lb-dst=IP[:PORT] (parse_lb_option): the backend a ct_lb / ct_lb_mark picks.
import { parseIPv4, parseIPv6 } from '../packet/addresses.ts';

export interface LbDst {
  family: 4 | 6;
  ip: bigint;
  /** 0 when no port was given. */
  port: number;
}

/** inet_parse_active(s, 0): "IPv4[:PORT]", "[IPv6][:PORT]" or a bare IPv6 address (checked with real ovn-trace). */
export function parseLbDst(text: string): { ok: true; dst: LbDst } | { ok: false; error: string } {
  const bad = { ok: false as const, error: `${text}: bad address` };
  let host = text;
  let portText: string | undefined;
  const bracket = /^\[([^\]]*)\](?::(.*))?$/.exec(text);
  if (bracket) {
    host = bracket[1];
    portText = bracket[2];
  } else if ((text.match(/:/g) ?? []).length === 1) {
    [host, portText] = text.split(':');
  }
  let port = 0;
  if (portText !== undefined && portText !== '') {
    if (!/^\d+$/.test(portText) || Number(portText) > 65535) return bad;
    port = Number(portText);
  }
  const v4 = parseIPv4(host);
  if (v4 !== undefined) return { ok: true, dst: { family: 4, ip: v4, port } };
  const v6 = parseIPv6(host);
  if (v6 !== undefined) return { ok: true, dst: { family: 6, ip: v6, port } };
  return bad;
}

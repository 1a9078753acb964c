// Prints actions exactly as OVN's ovnacts_format (lib/actions.c v23.03.1) does; ovn-trace prints each
// action of a flow this way on its own line (`reg0[15] = check_in_port_sec();`, `outport = "ls1-vm2";`).
import { formatToken, jsonStringEscape } from '../expr/lexer.ts';
import { formatIPv4, formatIPv6 } from '../packet/addresses.ts';
import type { Action, Constant, ConstantSet, FieldRef, GenOption, IpAddress } from './ast.ts';

/** ovnacts_format: actions separated by a space; no actions print as `drop;`. */
export function formatActions(actions: readonly Action[]): string {
  if (!actions.length) return 'drop;';
  return actions.map(formatAction).join(' ');
}

/** expr_field_format. */
export function formatField(f: FieldRef): string {
  if (!f.ofs && f.nBits === f.width) return f.symbol;
  return f.nBits === 1 ? `${f.symbol}[${f.ofs}]` : `${f.symbol}[${f.ofs}..${f.ofs + f.nBits - 1}]`;
}

/** expr_constant_format. */
export function formatConstant(c: Constant): string {
  if (c.kind === 'string') return jsonStringEscape(c.value);
  return c.mask === undefined
    ? formatToken({ type: 'INTEGER', value: c.value, format: c.format })
    : formatToken({ type: 'MASKED_INTEGER', value: c.value, mask: c.mask, format: c.format });
}

/** expr_constant_set_format: braces unless exactly one value written without them. */
export function formatConstantSet(set: ConstantSet): string {
  const body = set.values.map(formatConstant).join(', ');
  return set.inCurlies || set.values.length !== 1 ? `{${body}}` : body;
}

function formatOptions(options: readonly GenOption[]): string {
  return options.map((o) => `${o.name} = ${formatConstantSet(o.value)}`).join(', ');
}

function formatIp(ip: IpAddress): string {
  return ip.family === 4 ? formatIPv4(ip.value) : formatIPv6(ip.value);
}

/** ds_put_hex of a big-endian value: "0x" and the significant hex digits, or "0". */
function putHex(v: bigint): string {
  return v === 0n ? '0' : `0x${v.toString(16)}`;
}

const nestedName = (name: string, nested: readonly Action[]): string => `${name} { ${formatActions(nested)} };`;

export function formatAction(a: Action): string {
  switch (a.type) {
    case 'output':
      return 'output;';
    case 'next':
      if (a.pipeline !== a.srcPipeline) return `next(pipeline=${a.pipeline}, table=${a.table});`;
      if (a.table !== a.srcTable + 1) return `next(${a.table});`;
      return 'next;';
    case 'load':
      return `${formatField(a.dst)} = ${formatConstant(a.value)};`;
    case 'ovnfield_load':
      // format_OVNFIELD_LOAD prints the low 16 bits (ntohs of be16_int) for both fields.
      return `${a.dst.symbol} = ${a.value.kind === 'integer' ? BigInt.asUintN(16, a.value.value) : 0};`;
    case 'move':
      return `${formatField(a.lhs)} = ${formatField(a.rhs)};`;
    case 'exchange':
      return `${formatField(a.lhs)} <-> ${formatField(a.rhs)};`;
    case 'push':
    case 'pop':
      return `${a.type}(${formatField(a.field)});`;
    case 'dec_ttl':
      return 'ip.ttl--;';
    case 'ct_next':
    case 'ct_clear':
    case 'ct_commit_nat':
    case 'igmp':
    case 'handle_dhcpv6_reply':
    case 'ct_snat_to_vip':
      return `${a.type};`;
    case 'handle_bfd_msg':
      return 'handle_bfd_msg();';
    case 'ct_commit_v1': {
      const parts: string[] = [];
      if (a.ctMark && a.ctMark.mask) {
        const full = a.ctMark.mask === 0xffffffffn;
        parts.push(`ct_mark=${putHex(a.ctMark.value)}${full ? '' : `/${putHex(a.ctMark.mask)}`}`);
      }
      if (a.ctLabel && a.ctLabel.mask) {
        const full = a.ctLabel.mask === (1n << 128n) - 1n;
        parts.push(`ct_label=${putHex(a.ctLabel.value)}${full ? '' : `/${putHex(a.ctLabel.mask)}`}`);
      }
      return parts.length ? `ct_commit(${parts.join(', ')});` : 'ct_commit;';
    }
    case 'ct_commit':
      return a.nested.length ? nestedName('ct_commit', a.nested) : 'ct_commit;';
    case 'clone':
    case 'arp':
    case 'icmp4':
    case 'icmp4_error':
    case 'icmp6':
    case 'icmp6_error':
    case 'tcp_reset':
    case 'sctp_abort':
    case 'nd_na':
    case 'nd_na_router':
    case 'nd_ns':
    case 'reject':
      return nestedName(a.type, a.nested);
    case 'ct_dnat':
    case 'ct_snat':
    case 'ct_dnat_in_czone':
    case 'ct_snat_in_czone': {
      let s = a.type;
      if (a.ip) s += `(${formatIp(a.ip)}`;
      if (a.portRange) {
        // format_ct_nat chomps the ')' it printed (there is none without an address).
        s += `,${a.portRange.lo}${a.portRange.hi ? `-${a.portRange.hi}` : ''}`;
      }
      if (a.ip || a.portRange) s += ')';
      return `${s};`;
    }
    case 'ct_lb':
    case 'ct_lb_mark': {
      if (!a.backends.length) return `${a.type};`;
      const backends = a.backends
        .map((b) => {
          if (b.family === 4) return b.port ? `${formatIPv4(b.value)}:${b.port}` : formatIPv4(b.value);
          return b.port ? `[${formatIPv6(b.value)}]:${b.port}` : formatIPv6(b.value);
        })
        .join(',');
      let s = `${a.type}(backends=${backends}`;
      if (a.hashFields !== undefined) s += `; hash_fields="${a.hashFields}"`;
      if (a.ctFlag !== 'none') s += `; ${a.ctFlag}`;
      return `${s});`;
    }
    case 'select':
      return `${formatField(a.dst)} = select(${a.members.map((m) => `${m.id}=${m.weight}`).join(', ')});`;
    case 'get_arp':
    case 'get_nd':
      return `${a.type}(${formatField(a.port)}, ${formatField(a.ip)});`;
    case 'put_arp':
    case 'put_nd':
      return `${a.type}(${formatField(a.port)}, ${formatField(a.ip)}, ${formatField(a.mac)});`;
    case 'lookup_arp':
    case 'lookup_nd':
      return (
        `${formatField(a.dst)} = ${a.type}(${formatField(a.port)}, ` + `${formatField(a.ip)}, ${formatField(a.mac)});`
      );
    case 'lookup_arp_ip':
    case 'lookup_nd_ip':
      return `${formatField(a.dst)} = ${a.type}(${formatField(a.port)}, ${formatField(a.ip)});`;
    case 'put_dhcp_opts':
    case 'put_dhcpv6_opts':
    case 'put_nd_ra_opts':
      return `${formatField(a.dst)} = ${a.type}(${formatOptions(a.options)});`;
    case 'set_queue':
      return `set_queue(${a.queueId});`;
    case 'dns_lookup':
    case 'chk_lb_hairpin':
    case 'chk_lb_hairpin_reply':
    case 'check_in_port_sec':
    case 'check_out_port_sec':
    case 'chk_ecmp_nh_mac':
    case 'chk_ecmp_nh':
    case 'chk_lb_aff':
      return `${formatField(a.dst)} = ${a.type}();`;
    case 'log': {
      let s = 'log(';
      if (a.name !== undefined) s += `name="${a.name}", `;
      s += `verdict=${a.verdict}, severity=${a.severity}`;
      if (a.meter !== undefined) s += `, meter="${a.meter}"`;
      return `${s});`;
    }
    case 'set_meter':
      return a.burst ? `set_meter(${a.rate}, ${a.burst});` : `set_meter(${a.rate});`;
    case 'check_pkt_larger':
      return `${formatField(a.dst)} = check_pkt_larger(${a.pktLen});`;
    case 'trigger_event':
      return `trigger_event(event = "${a.event}"${a.options.map((o) => `, ${formatOptions([o])}`).join('')});`;
    case 'bind_vport':
      return `bind_vport("${a.vport}", ${formatField(a.parent)});`;
    case 'handle_svc_check':
      return `handle_svc_check(${formatField(a.port)});`;
    case 'fwd_group': {
      let s = 'fwd_group(';
      if (a.liveness) s += 'liveness="true", ';
      if (a.childPorts.length) s += `childports=${a.childPorts.map((p) => `"${p}"`).join(', ')}`;
      return `${s});`;
    }
    case 'put_fdb':
      return `put_fdb(${formatField(a.port)}, ${formatField(a.mac)});`;
    case 'get_fdb':
      return `${formatField(a.dst)} = get_fdb(${formatField(a.mac)});`;
    case 'lookup_fdb':
      return `${formatField(a.dst)} = lookup_fdb(${formatField(a.port)}, ${formatField(a.mac)});`;
    case 'commit_ecmp_nh':
      return `commit_ecmp_nh(ipv6 = ${a.ipv6}, proto = ${a.proto});`;
    case 'commit_lb_aff': {
      const addr = (ip: IpAddress, port: number) => {
        const host = ip.family === 6 ? `[${formatIPv6(ip.value)}]` : formatIPv4(ip.value);
        return port ? `${host}:${port}` : host;
      };
      let s = `commit_lb_aff(vip = "${addr(a.vip, a.vipPort)}", backend = "${addr(a.backend, a.backendPort)}"`;
      if (a.proto) s += `, proto = ${a.proto}`;
      return `${s}, timeout = ${a.timeout});`;
    }
    case 'sample':
      return (
        `sample(probability=${a.probability},collector_set=${a.collectorSet},obs_domain=${a.obsDomain},` +
        `obs_point=${a.obsPoint === 'cookie' ? '$cookie' : a.obsPoint});`
      );
  }
}

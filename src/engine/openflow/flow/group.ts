// parse_ofp_group_mod_str / ofputil_group_format (ofp-group.c): "group_id=1,type=select,bucket=…" and
// the dump-groups line: buckets numbered from 0 when no bucket_id is given, each printed as
// "bucket=bucket_id:N[,weight:W][,watch_port:P][,watch_group:G],actions=…".
import { formatActionList, normalizeActions } from './actions-format';
import { parseActionList } from './actions-parse';
import { emptyMatch } from './match';
import type { Bucket, FlowFormatOptions, FlowParseOptions, Group, GroupParseResult, GroupType } from './types';
import { FIELDS, fieldByName } from './fields';
import { formatPort, mfFormat, mfParse, parsePort, strtoull } from './values';

const TYPES: GroupType[] = ['all', 'select', 'indirect', 'ff'];

function parseBucket(
  text: string,
  base: number,
  opts: FlowParseOptions,
): { ok: true; bucket: Bucket } | { ok: false; error: string; column: number } {
  const bucket: Bucket = { actions: [] };
  // Bucket parameters come first ("bucket_id:1,weight:10,"), then actions; "actions=" starts them explicitly.
  let rest = text;
  let pos = base;
  for (;;) {
    const m = /^(bucket_id|weight|watch_port|watch_group)[:=]([^,]*),?/.exec(rest);
    if (!m) break;
    const value = m[2];
    if (m[1] === 'watch_port') {
      const p = parsePort(value, opts.portByName);
      if (p === undefined) return { ok: false, error: `${value}: invalid watch_port`, column: pos };
      bucket.watchPort = p;
    } else {
      const r = strtoull(value);
      if (!r || r.tail !== value.length) return { ok: false, error: `invalid ${m[1]} "${value}"`, column: pos };
      if (m[1] === 'bucket_id') bucket.bucketId = Number(r.value);
      else if (m[1] === 'weight') bucket.weight = Number(r.value);
      else bucket.watchGroup = Number(r.value);
    }
    rest = rest.slice(m[0].length);
    pos += m[0].length;
  }
  const act = /^actions[:=]/.exec(rest);
  if (act) {
    rest = rest.slice(act[0].length);
    pos += act[0].length;
  }
  const parsed = parseActionList(rest, pos, { portByName: opts.portByName });
  if (!parsed.ok) return parsed;
  bucket.actions = parsed.actions;
  return { ok: true, bucket };
}

export function parseGroup(text: string, opts: FlowParseOptions = {}): GroupParseResult {
  const bucketAt = text.indexOf('bucket=');
  const head = bucketAt < 0 ? text : text.slice(0, bucketAt);
  const group: Group = { groupId: -1, type: 'all', buckets: [] };
  const re = /(?:^|[,\s]+)([a-z_]+)(?:=([^,\s(]*)|(\([^)]*\)))?/g;
  for (const m of head.matchAll(re)) {
    const key = m[1];
    const value = m[2] ?? m[3] ?? '';
    const column = (m.index ?? 0) + m[0].indexOf(key);
    if (key === 'group_id') {
      const r = strtoull(value);
      if (value === 'all') group.groupId = 0xfffffffc;
      else if (!r || r.tail !== value.length) return { ok: false, error: `invalid group id ${value}`, column };
      else group.groupId = Number(r.value);
    } else if (key === 'type') {
      const t = TYPES.find((x) => x === value);
      if (!t) return { ok: false, error: `invalid group type ${value}`, column };
      group.type = t;
    } else if (key === 'selection_method') group.selectionMethod = value;
    else if (key === 'selection_method_param') group.selectionMethodParam = strtoull(value)?.value ?? 0n;
    else if (key === 'fields') {
      group.fields = [];
      for (const item of value
        .replace(/^\(|\)$/g, '')
        .split(',')
        .filter(Boolean)) {
        const [name, maskText] = item.split('=');
        const f = fieldByName(name);
        if (!f) return { ok: false, error: `${name}: unknown field`, column };
        if (maskText === undefined) group.fields.push({ field: f.name });
        else {
          const mask = mfParse(f, maskText);
          if (!mask.ok) return { ok: false, error: mask.error, column };
          group.fields.push({ field: f.name, mask: mask.value.value });
        }
      }
    } else return { ok: false, error: `unknown keyword ${key}`, column };
  }
  if (group.groupId < 0) return { ok: false, error: 'must specify a group_id', column: 0 };
  if (bucketAt >= 0) {
    const parts = text
      .slice(bucketAt)
      .split(/,?bucket=/)
      .slice(1);
    let pos = bucketAt + 'bucket='.length;
    for (const part of parts) {
      const b = parseBucket(part.replace(/,$/, ''), pos, opts);
      if (!b.ok) return b;
      group.buckets.push(b.bucket);
      pos += part.length + ',bucket='.length;
    }
  }
  return { ok: true, group };
}

/** One dump-groups line without the leading space. */
export function formatGroup(group: Group, opts: FlowFormatOptions = {}): string {
  let s = `group_id=${group.groupId},type=${group.type}`;
  if (group.selectionMethod) s += `,selection_method=${group.selectionMethod}`;
  if (group.selectionMethodParam) s += `,selection_method_param=${group.selectionMethodParam}`;
  if (group.fields?.length) {
    // OVS keeps the fields as a bitmap and prints them in meta-flow order.
    const order = (name: string): number => FIELDS.findIndex((f) => f.name === name);
    const sorted = [...group.fields].sort((a, b) => order(a.field) - order(b.field));
    const fields = sorted.map((g) => {
      const f = fieldByName(g.field);
      return g.mask === undefined || !f ? g.field : `${g.field}=${mfFormat(f, g.mask, undefined)}`;
    });
    s += `,fields(${fields.join(',')})`;
  }
  group.buckets.forEach((b, i) => {
    s += `,bucket=bucket_id:${b.bucketId ?? i}`;
    if (b.weight !== undefined && group.type === 'select') s += `,weight:${b.weight}`;
    if (b.watchPort !== undefined) s += `,watch_port:${formatPort(b.watchPort, opts.portName)}`;
    if (b.watchGroup !== undefined) s += `,watch_group:${b.watchGroup}`;
    // Groups only exist from OpenFlow 1.1 on: stored as 1.5 sent them, then re-encoded for the dump.
    const stored = normalizeActions(b.actions, emptyMatch(), 15);
    const dumped = normalizeActions(stored, emptyMatch(), opts.version ?? 15);
    s += `,actions=${formatActionList(dumped, opts.portName)}`;
  });
  return s;
}

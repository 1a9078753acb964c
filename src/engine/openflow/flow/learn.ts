// learn(…) (learn.c): its parameters and specs — "dst=src" or "dst=value" matches, "load:src->dst",
// "output:src" — parsed into a LearnSpec list and printed back as learn_format does.
import { allOnes, fieldByName } from './fields';
import { parseKeyValues } from './keyvalue';
import { formatSubfield, parseSubfield } from './subfield';
import type { LearnSpec, OfpAction } from './types';
import { mfFormat, mfParse, parseIntString, putHex, strtoull } from './values';

type LearnAction = Extract<OfpAction, { type: 'learn' }>;

export function parseLearn(
  arg: string,
  portByName?: (name: string) => number | undefined,
): { ok: true; action: LearnAction } | { ok: false; error: string } {
  const a: LearnAction = {
    type: 'learn',
    table: 1,
    idleTimeout: 0,
    hardTimeout: 0,
    priority: 32768,
    cookie: 0n,
    finIdleTimeout: 0,
    finHardTimeout: 0,
    importance: 0,
    sendFlowRem: false,
    deleteLearned: false,
    limit: 0,
    specs: [],
  };
  const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
  for (const kv of parseKeyValues(arg)) {
    // learn_parse__ reads the table strictly and every other number with atoi().
    const num = (): number | undefined => {
      if (kv.key !== 'table') return Number.parseInt(kv.value, 10) || 0;
      const r = strtoull(kv.value);
      return r && r.tail === kv.value.length && r.value < 255n ? Number(r.value) : undefined;
    };
    const numeric: Record<string, keyof LearnAction> = {
      table: 'table',
      idle_timeout: 'idleTimeout',
      hard_timeout: 'hardTimeout',
      fin_idle_timeout: 'finIdleTimeout',
      fin_hard_timeout: 'finHardTimeout',
      priority: 'priority',
      importance: 'importance',
      limit: 'limit',
    };
    if (numeric[kv.key]) {
      const n = num();
      if (n === undefined) return fail(`invalid ${kv.key} "${kv.value}"`);
      Object.assign(a, { [numeric[kv.key]]: n });
    } else if (kv.key === 'cookie') {
      const r = strtoull(kv.value);
      if (!r) return fail(`invalid cookie "${kv.value}"`);
      a.cookie = r.value;
    } else if (kv.key === 'send_flow_rem') a.sendFlowRem = true;
    else if (kv.key === 'delete_learned') a.deleteLearned = true;
    else if (kv.key === 'result_dst') {
      const sf = parseSubfield(kv.value);
      if (!sf.ok) return fail(sf.error);
      a.resultDst = sf.subfield;
    } else if (kv.key === 'load' || kv.key === 'output') {
      const spec = kv.key === 'load' ? parseLoad(kv.value) : parseOutput(kv.value);
      if (typeof spec === 'string') return fail(spec);
      a.specs.push(spec);
    } else {
      const spec = parseMatchSpec(arg, kv.key, kv.value, kv.value !== '', portByName);
      if (typeof spec === 'string') return fail(spec);
      a.specs.push(spec);
    }
  }
  return { ok: true, action: a };
}

function parseMatchSpec(
  arg: string,
  key: string,
  value: string,
  hasValue: boolean,
  portByName?: (name: string) => number | undefined,
): LearnSpec | string {
  const dst = parseSubfield(key);
  if (!dst.ok) return `${arg}: unknown keyword ${key}`;
  if (!hasValue) return { kind: 'match', src: { field: dst.subfield }, dst: dst.subfield, implicit: true };
  if (/^[A-Za-z]/.test(value) && parseSubfield(value).ok) {
    const src = parseSubfield(value);
    if (!src.ok) return src.error;
    return { kind: 'match', src: { field: src.subfield }, dst: dst.subfield };
  }
  const full = dst.subfield.ofs === 0 && dst.subfield.nBits === dst.field.nBits;
  if (full) {
    const v = mfParse(dst.field, value, portByName);
    if (!v.ok) return v.error;
    return { kind: 'match', src: { imm: v.value.value }, dst: dst.subfield };
  }
  const v = parseIntString(value, dst.field.nBytes);
  if (!v.ok) return `${value}: cannot parse integer value`;
  return { kind: 'match', src: { imm: v.value }, dst: dst.subfield };
}

function parseLoad(value: string): LearnSpec | string {
  const arrow = value.indexOf('->');
  if (arrow < 0) return `${value}: missing \`->'`;
  const dst = parseSubfield(value.slice(arrow + 2));
  if (!dst.ok) return dst.error;
  const srcText = value.slice(0, arrow);
  if (/^[A-Za-z]/.test(srcText)) {
    const src = parseSubfield(srcText);
    if (!src.ok) return src.error;
    return { kind: 'load', src: { field: src.subfield }, dst: dst.subfield };
  }
  const v = parseIntString(srcText, 16);
  if (!v.ok || v.tail !== srcText.length) return `${srcText}: cannot parse integer value`;
  return { kind: 'load', src: { imm: v.value & allOnes(dst.subfield.nBits) }, dst: dst.subfield };
}

function parseOutput(value: string): LearnSpec | string {
  const src = parseSubfield(value);
  if (!src.ok) return src.error;
  return { kind: 'output', src: { field: src.subfield } };
}

export function formatLearn(a: LearnAction, portName?: (port: number) => string | undefined): string {
  let s = `learn(table=${a.table}`;
  if (a.idleTimeout) s += `,idle_timeout=${a.idleTimeout}`;
  if (a.hardTimeout) s += `,hard_timeout=${a.hardTimeout}`;
  if (a.finIdleTimeout) s += `,fin_idle_timeout=${a.finIdleTimeout}`;
  if (a.finHardTimeout) s += `,fin_hard_timeout=${a.finHardTimeout}`;
  if (a.priority !== 32768) s += `,priority=${a.priority}`;
  if (a.sendFlowRem) s += ',send_flow_rem';
  if (a.deleteLearned) s += ',delete_learned';
  if (a.cookie) s += `,cookie=0x${a.cookie.toString(16)}`;
  if (a.limit) s += `,limit=${a.limit}`;
  if (a.resultDst) s += `,result_dst=${formatSubfield(a.resultDst)}`;
  for (const spec of a.specs) {
    s += ',';
    const dstField = spec.dst ? fieldByName(spec.dst.field) : undefined;
    if (spec.kind === 'match' && spec.dst && dstField) {
      if ('imm' in spec.src) {
        if (spec.dst.ofs === 0 && spec.dst.nBits === dstField.nBits) {
          s += `${dstField.name}=${mfFormat(dstField, spec.src.imm, undefined, portName)}`;
        } else s += `${formatSubfield(spec.dst)}=${putHex(spec.src.imm)}`;
      } else {
        s += formatSubfield(spec.dst);
        const src = spec.src.field;
        if (src.field !== spec.dst.field || src.ofs !== spec.dst.ofs) s += `=${formatSubfield(src)}`;
      }
    } else if (spec.kind === 'load' && spec.dst) {
      s += `load:${'imm' in spec.src ? putHex(spec.src.imm) : formatSubfield(spec.src.field)}->${formatSubfield(spec.dst)}`;
    } else if (spec.kind === 'output' && 'field' in spec.src) {
      s += `output:${formatSubfield(spec.src.field)}`;
    }
  }
  return `${s})`;
}

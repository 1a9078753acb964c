// The scenario link codec: `#s=` + version + base64url(deflate(JSON)). Decoding never trusts the
// link: every failure (bad base64, corrupt or oversized deflate stream, bad UTF-8 or JSON, wrong
// shape) comes back as an error value; nothing here throws and nothing from a link is executed.
import { Inflate, deflateSync } from 'fflate';

/** What a link carries: the script and the packet the sender was looking at. */
export interface SharedScene {
  script: string;
  packet?: Record<string, string>;
  /** What the sender had open: a panel tab, an ovn-trace form, the event of the trace shown. */
  view?: SceneView;
}

export interface SceneView {
  tab?: string;
  form?: string;
  /** Index of the trace event shown (the packet is traced again on opening). */
  event?: number;
}

export type DecodeResult = { ok: true; scene: SharedScene } | { ok: false; error: string };

const VERSION = '1';
const PREFIX = `#s=${VERSION}.`;
/** A script larger than this is not a scenario a link should carry; it also bounds inflation. */
export const MAX_SCRIPT_BYTES = 1 << 20;
const MAX_HASH_CHARS = 1 << 20;

export function encodeScene(scene: SharedScene): string {
  const json = JSON.stringify({
    script: scene.script,
    ...(scene.packet ? { packet: scene.packet } : {}),
    ...(scene.view ? { view: scene.view } : {}),
  });
  const packed = deflateSync(new TextEncoder().encode(json), { level: 9 });
  return PREFIX + toBase64Url(packed);
}

/** True when the location hash asks for a shared scene at all (any version). */
export function isSceneHash(hash: string): boolean {
  return hash.startsWith('#s=');
}

export function decodeScene(hash: string): DecodeResult {
  if (!isSceneHash(hash)) return fail('not a scenario link (expected #s=…)');
  if (hash.length > MAX_HASH_CHARS) return fail('scenario link is too long');
  const body = hash.slice(3);
  const dot = body.indexOf('.');
  if (dot < 0) return fail('scenario link has no version');
  const version = body.slice(0, dot);
  if (version !== VERSION) return fail(`scenario link version "${printable(version)}" is not supported`);
  const bytes = fromBase64Url(body.slice(dot + 1));
  if (!bytes) return fail('scenario link is not valid base64url');
  const inflated = inflateBounded(bytes, MAX_SCRIPT_BYTES * 2);
  if (typeof inflated === 'string') return fail(inflated);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return fail('scenario link is not valid UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('scenario link does not hold valid JSON');
  }
  return checkShape(value);
}

/** A scene saved as a file (what a link would carry, as JSON), or a plain script. */
export function parseSceneFile(text: string): DecodeResult {
  if (text.length > MAX_SCRIPT_BYTES * 2) return fail('scene file is too large');
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) return { ok: true, scene: { script: text } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('scene file is not valid JSON');
  }
  return checkShape(value);
}

/** The file a scene too large for a link is saved as. */
export function sceneFileText(scene: SharedScene): string {
  return JSON.stringify({ script: scene.script, packet: scene.packet, view: scene.view }, null, 2) + '\n';
}

function checkView(value: unknown): SceneView | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'scenario link has a bad view';
  const record = value as Record<string, unknown>;
  const view: SceneView = {};
  for (const key of ['tab', 'form'] as const) {
    const field = record[key];
    if (field === undefined) continue;
    if (typeof field !== 'string' || field.length > 32) return `scenario link has a bad view ${key}`;
    view[key] = field;
  }
  const event = record.event;
  if (event !== undefined) {
    if (typeof event !== 'number' || !Number.isInteger(event) || event < 0 || event > 1_000_000)
      return 'scenario link has a bad event';
    view.event = event;
  }
  return view;
}

function checkShape(value: unknown): DecodeResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('scenario link holds no scene');
  const record = value as Record<string, unknown>;
  if (typeof record.script !== 'string') return fail('scenario link holds no script');
  if (record.script.length > MAX_SCRIPT_BYTES) return fail('scenario script is too long');
  const scene: SharedScene = { script: record.script };
  if (record.packet !== undefined) {
    const packet = record.packet;
    if (typeof packet !== 'object' || packet === null || Array.isArray(packet))
      return fail('scenario link has a bad packet');
    const fields: Record<string, string> = {};
    for (const [key, field] of Object.entries(packet as Record<string, unknown>)) {
      if (typeof field !== 'string' || field.length > 4096) return fail('scenario link has a bad packet field');
      fields[key] = field;
    }
    scene.packet = fields;
  }
  if (record.view !== undefined) {
    const view = checkView(record.view);
    if (typeof view === 'string') return fail(view);
    scene.view = view;
  }
  return { ok: true, scene };
}

/** Inflates at most `limit` bytes; a longer (or corrupt) stream is an error message. */
function inflateBounded(data: Uint8Array, limit: number): Uint8Array | string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  let finished = false;
  const stream = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) tooBig = true;
    else chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    const step = 16384;
    for (let i = 0; i < data.length && !tooBig; i += step) {
      const end = Math.min(i + step, data.length);
      stream.push(data.subarray(i, end), end === data.length);
    }
  } catch {
    return 'scenario link is corrupt (bad compressed data)';
  }
  if (tooBig) return 'scenario link expands beyond the size limit';
  if (!finished) return 'scenario link is truncated';
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of text) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return undefined;
    value = ((value << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}

function printable(text: string): string {
  return text.slice(0, 16).replace(/[^\x20-\x7e]/g, '?');
}

function fail(error: string): DecodeResult {
  return { ok: false, error };
}

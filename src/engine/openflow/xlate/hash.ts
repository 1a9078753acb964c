// lib/hash.h and lib/hash.c (murmur3, the portable variant Debian builds), as select groups hash fields.
function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

export function hashAdd(hash: number, data: number): number {
  let d = Math.imul(data, 0xcc9e2d51);
  d = rotl(d >>> 0, 15);
  d = Math.imul(d, 0x1b873593);
  const h = rotl((hash ^ d) >>> 0, 13);
  return (Math.imul(h, 5) + 0xe6546b64) >>> 0;
}

export function hashFinish(hash: number, final: number): number {
  let h = (hash ^ final) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h = (h ^ (h >>> 13)) >>> 0;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** hash_int(x, basis) = hash_2words(x, basis). */
export const hashInt = (x: number, basis: number): number => hashFinish(hashAdd(hashAdd(x >>> 0, 0), basis >>> 0), 8);

export const hashUint64 = (x: bigint): number =>
  hashFinish(hashAdd(hashAdd(0, Number(x & 0xffffffffn)), Number((x >> 32n) & 0xffffffffn)), 8);

export function hashBytes(bytes: readonly number[], basis: number): number {
  let h = basis >>> 0;
  let i = 0;
  for (; i + 4 <= bytes.length; i += 4)
    h = hashAdd(h, (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0);
  if (i < bytes.length) {
    let t = 0;
    for (let k = 0; i + k < bytes.length; k++) t |= bytes[i + k] << (8 * k);
    h = hashAdd(h, t >>> 0);
  }
  return hashFinish(h, bytes.length);
}

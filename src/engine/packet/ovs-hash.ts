// OVS's lib/hash.c (hash_bytes/hash_string/hash_int, the portable murmur3-style variant Debian builds) and the
// iteration order of an OVS hmap/sset, where northd prints a set in hash order (e.g. a MAC list).

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

/** hash_bytes(p, n, basis): whole little-endian words, then the tail, then the length. */
export function hashBytes(bytes: ArrayLike<number>, basis: number): number {
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

/** hash_string(s, basis) for an ASCII/UTF-8 string. */
export const hashString = (s: string, basis = 0): number => hashBytes(new TextEncoder().encode(s), basis);

/** hash_int(x, basis) = hash_2words(x, basis). */
export const hashInt = (x: number, basis: number): number => hashFinish(hashAdd(hashAdd(x >>> 0, 0), basis >>> 0), 8);

export const hashUint64 = (x: bigint): number =>
  hashFinish(hashAdd(hashAdd(0, Number(x & 0xffffffffn)), Number((x >> 32n) & 0xffffffffn)), 8);

function calcMask(capacity: number): number {
  let mask = Math.floor(capacity / 2);
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  mask |= (mask & 1) << 1;
  return mask;
}

/** The order HMAP_FOR_EACH visits items inserted in this order with these hashes. */
export function hmapOrder<T>(items: readonly T[], hashOf: (item: T) => number): T[] {
  let mask = 0;
  let buckets: { item: T; hash: number }[][] = [[]];
  let n = 0;
  for (const item of items) {
    const hash = hashOf(item);
    buckets[hash & mask].unshift({ item, hash });
    n++;
    if (Math.floor(n / 2) > mask) {
      const newMask = calcMask(n);
      if (newMask > mask) {
        const next: { item: T; hash: number }[][] = Array.from({ length: newMask + 1 }, () => []);
        for (const chain of buckets) for (const node of chain) next[(node.hash & newMask) >>> 0].unshift(node);
        buckets = next;
        mask = newMask;
      }
    }
  }
  return buckets.flatMap((chain) => chain.map((node) => node.item));
}

/** SSET_FOR_EACH order of a set of strings added in this order (duplicates ignored). */
export function ssetOrder(strings: readonly string[]): string[] {
  return hmapOrder([...new Set(strings)], (s) => hashString(s));
}

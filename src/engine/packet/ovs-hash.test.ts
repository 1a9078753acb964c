// OVS hash-order emulation, checked against an order real northd printed.
import { describe, expect, it } from 'vitest';
import { hashString, ssetOrder } from './ovs-hash.ts';

describe('ovs hash order', () => {
  it('orders a MAC set as real northd printed it (eth.src == {00:00:00:00:02:10, 00:00:00:00:01:ff})', () => {
    // Router port MAC first, then a dnat_and_snat external_mac: real ovn-northd 23.03.1 printed them swapped.
    expect(ssetOrder(['00:00:00:00:01:ff', '00:00:00:00:02:10'])).toEqual(['00:00:00:00:02:10', '00:00:00:00:01:ff']);
  });
  it('is deterministic and 32-bit', () => {
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).toBeLessThan(2 ** 32);
    expect(hashString('abc')).not.toBe(hashString('abd'));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLbDst } from './lb-dst.ts';
import { CS_ESTABLISHED, CS_NEW, CS_TRACKED, CtStateQueue, formatCtState, parseCtState } from './state.ts';

describe('ct state flags', () => {
  it('parses flag lists as parse_ct_state does, always tracked', () => {
    expect(parseCtState('new')).toEqual({ ok: true, state: CS_NEW | CS_TRACKED });
    expect(parseCtState('est, rpl')).toEqual({ ok: true, state: 0x2a });
    expect(parseCtState('')).toEqual({ ok: true, state: CS_TRACKED });
    expect(parseCtState('new,bogus')).toEqual({ ok: false, error: 'bogus: unknown connection tracking state flag' });
  });

  it('prints flags lowest bit first, joined by |', () => {
    expect(formatCtState(CS_ESTABLISHED | CS_TRACKED)).toBe('est|trk');
    expect(formatCtState(0xff)).toBe('new|est|rel|rpl|inv|trk|snat|dnat');
    expect(formatCtState(0)).toBe('0');
  });

  it('hands out --ct states in order, then the commented default', () => {
    const q = new CtStateQueue([CS_NEW | CS_TRACKED]);
    expect(q.take()).toEqual({ state: 0x21, comment: '' });
    expect(q.take()).toEqual({ state: 0x22, comment: ' /* default (use --ct to customize) */' });
  });

  it('never throws on any flag text', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseCtState(s).ok === 'boolean'));
  });
});

describe('--lb-dst', () => {
  it('takes IPv4 or [IPv6] with an optional port', () => {
    expect(parseLbDst('10.0.0.1:80')).toEqual({ ok: true, dst: { family: 4, ip: 0x0a000001n, port: 80 } });
    expect(parseLbDst('10.0.0.1')).toEqual({ ok: true, dst: { family: 4, ip: 0x0a000001n, port: 0 } });
    expect(parseLbDst('[fd00::1]:8080')).toEqual({
      ok: true,
      dst: { family: 6, ip: (0xfd00n << 112n) | 1n, port: 8080 },
    });
    expect(parseLbDst('nonsense')).toEqual({ ok: false, error: 'nonsense: bad address' });
    expect(parseLbDst('fd00::1')).toEqual({ ok: true, dst: { family: 6, ip: (0xfd00n << 112n) | 1n, port: 0 } });
    expect(parseLbDst('10.0.0.1:99999')).toEqual({ ok: false, error: '10.0.0.1:99999: bad address' });
  });
});

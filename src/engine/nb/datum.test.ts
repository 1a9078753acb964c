import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDatum, parseDatum } from './datum.ts';
import { tableSchema } from './schema.ts';

const col = (t: Parameters<typeof tableSchema>[0], c: string) => tableSchema(t).byName.get(c)!.type;

describe('datum', () => {
  it('parses sets and maps as ovs-vsctl does, sorted', () => {
    const d = parseDatum(col('Address_Set', 'addresses'), '"10.0.0.2", 10.0.0.1');
    expect(d).toEqual({ ok: true, value: { keys: ['10.0.0.1', '10.0.0.2'], values: undefined } });
    expect(parseDatum(col('Logical_Switch', 'external_ids'), '{b=2, "a x"="1"}')).toEqual({
      ok: true,
      value: { keys: ['a x', 'b'], values: ['1', '2'] },
    });
  });

  it('checks constraints with ovsdb words', () => {
    expect(parseDatum(col('Logical_Switch_Port', 'tag_request'), '5000')).toEqual({
      ok: false,
      error: 'constraint violation: 5000 is not in the valid range 0 to 4095 (inclusive)',
    });
    expect(parseDatum(col('ACL', 'action'), 'pass')).toEqual({
      ok: false,
      error:
        'constraint violation: pass is not one of the allowed values ([allow, allow-related, allow-stateless, drop, reject])',
    });
    expect(parseDatum(col('Logical_Switch', 'ports'), '')).toEqual({
      ok: false,
      error: 'use "[]" to specify the empty set',
    });
  });

  it('prints strings quoted only when needed', () => {
    const t = col('Logical_Switch_Port', 'addresses');
    expect(formatDatum(t, { keys: ['router', '00:00:00:00:00:01 10.0.0.1', 'true'] })).toBe(
      '[router, "00:00:00:00:00:01 10.0.0.1", "true"]',
    );
    expect(formatDatum(col('Logical_Switch_Port', 'tag'), { keys: [] })).toBe('[]');
  });

  it('never throws on any value text', () => {
    const types = [col('Logical_Switch', 'external_ids'), col('Logical_Switch', 'ports'), col('ACL', 'priority')];
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...types), (s, t) => {
        parseDatum(t, s);
      }),
      { numRuns: 1000 },
    );
  });
});

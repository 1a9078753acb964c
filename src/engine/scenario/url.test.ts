// Scenario link codec: round trips, and hostile links give errors instead of throwing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { decodeScene, encodeScene, MAX_SCRIPT_BYTES, parseSceneFile, sceneFileText } from './url.ts';

function linkOf(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return '#s=1.' + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('scenario url', () => {
  it('round-trips a script and a packet', () => {
    const scene = { script: 'ovn-nbctl ls-add ls1\n# ünïcode ✓\n', packet: { src: 'ls1-vm1', proto: 'icmp' } };
    const hash = encodeScene(scene);
    expect(hash.startsWith('#s=1.')).toBe(true);
    expect(hash).toMatch(/^#s=1\.[A-Za-z0-9_-]+$/);
    expect(decodeScene(hash)).toEqual({ ok: true, scene });
  });

  it('round-trips the view: tab, ovn-trace form and event shown', () => {
    const scene = { script: 'ovn-nbctl ls-add ls1\n', view: { tab: 'text', form: 'summary', event: 7 } };
    expect(decodeScene(encodeScene(scene))).toEqual({ ok: true, scene });
    for (const view of [{ event: -1 }, { event: 1.5 }, { tab: 'x'.repeat(33) }, []]) {
      const json = new TextEncoder().encode(JSON.stringify({ script: '', view }));
      expect(decodeScene(linkOf(deflateSync(json))).ok).toBe(false);
    }
  });

  it('reads a scene file, or a plain script, as a link would', () => {
    const scene = { script: 'ovn-nbctl ls-add ls1\n', packet: { src: 'a' }, view: { event: 2 } };
    expect(parseSceneFile(sceneFileText(scene))).toEqual({ ok: true, scene });
    expect(parseSceneFile('ovn-nbctl ls-add x\n')).toEqual({ ok: true, scene: { script: 'ovn-nbctl ls-add x\n' } });
    expect(parseSceneFile('{ not json').ok).toBe(false);
  });

  it('round-trips any script', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (script) => {
        expect(decodeScene(encodeScene({ script }))).toEqual({ ok: true, scene: { script } });
      }),
    );
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (tail) => {
        for (const hash of [tail, '#s=' + tail, '#s=1.' + tail]) {
          const result = decodeScene(hash);
          expect(typeof result.ok).toBe('boolean');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random compressed bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = decodeScene(linkOf(bytes));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('rejects wrong versions, bad base64, bad JSON and wrong shapes with a message', () => {
    const cases: [string, RegExp][] = [
      ['#x=1', /not a scenario link/],
      ['#s=abc', /no version/],
      ['#s=2.AAAA', /version "2" is not supported/],
      ['#s=1.<script>', /base64url/],
      [linkOf(deflateSync(new TextEncoder().encode('{not json'))), /valid JSON/],
      [linkOf(deflateSync(new TextEncoder().encode('[1,2]'))), /no scene/],
      [linkOf(deflateSync(new TextEncoder().encode('{"script":5}'))), /no script/],
      [linkOf(deflateSync(new TextEncoder().encode('{"script":"x","packet":{"a":1}}'))), /bad packet field/],
      [linkOf(deflateSync(new Uint8Array([0xff, 0xfe, 0xfd]))), /UTF-8/],
      [encodeScene({ script: 'ls-add x' }).slice(0, 12), /corrupt|truncated|base64url/],
    ];
    for (const [hash, message] of cases) {
      const result = decodeScene(hash);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
  });

  it('refuses a decompression bomb', () => {
    const bomb = deflateSync(new Uint8Array(MAX_SCRIPT_BYTES * 4).fill(0x20));
    const result = decodeScene(linkOf(bomb));
    expect(result).toEqual({ ok: false, error: 'scenario link expands beyond the size limit' });
  });
});

// The packet form: source port, destination (port or IP), protocol; addresses filled by the engine
// from the topology and editable; an advanced raw microflow; and the Trace button.
import { useId } from 'react';
import { editPacket, runTrace } from '../engine-actions.ts';
import { useAppStore } from '../store/index.ts';
import type { PacketForm as Form, Protocol } from '../../worker/api.ts';

const protocols: Protocol[] = ['icmp', 'tcp', 'udp', 'arp'];

export function PacketForm() {
  const packet = useAppStore((s) => s.packet);
  const info = useAppStore((s) => s.packetInfo);
  const ports = useAppStore((s) => s.load.result?.ports ?? noPorts);
  const senders = useAppStore((s) => s.load.result?.senders ?? noSenders);
  const tracing = useAppStore((s) => s.trace.status === 'tracing');
  const listId = useId();
  const field = (key: Exclude<keyof Form, 'proto'>, label: string, width = 'mid') => (
    <label className={`field ${width}`}>
      <span>{label}</span>
      <input
        value={packet[key]}
        onChange={(e) => {
          const change: Partial<Form> = {};
          change[key] = e.target.value;
          void editPacket(change);
        }}
        spellCheck={false}
        data-testid={`packet-${key}`}
      />
    </label>
  );
  return (
    <form
      className="packet-form"
      aria-label="Packet"
      onSubmit={(e) => {
        e.preventDefault();
        void runTrace();
      }}
    >
      <label className="field">
        <span>From port</span>
        <select value={packet.src} onChange={(e) => void editPacket({ src: e.target.value })} data-testid="packet-src">
          {!senders.includes(packet.src) && <option value={packet.src}>{packet.src || '—'}</option>}
          {senders.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>To port or IP</span>
        <input
          value={packet.dst}
          list={listId}
          onChange={(e) => void editPacket({ dst: e.target.value })}
          spellCheck={false}
          data-testid="packet-dst"
        />
        <datalist id={listId}>
          {ports.map((p) => (
            <option key={p.name} value={p.name}>
              {p.ips.join(' ')}
            </option>
          ))}
        </datalist>
      </label>
      <label className="field narrow">
        <span>Protocol</span>
        <select
          value={packet.proto}
          onChange={(e) => void editPacket({ proto: e.target.value as Protocol })}
          data-testid="packet-proto"
        >
          {protocols.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="trace-button"
        disabled={tracing || !packet.src}
        data-testid="trace-button"
        title="Trace (Ctrl+Enter)"
      >
        {tracing ? 'Tracing…' : 'Trace ▶'}
      </button>
      <details className="packet-details">
        <summary>Addresses &amp; advanced</summary>
        <div className="packet-fields">
          {field('ethSrc', 'eth.src', 'wide')}
          {field('ethDst', 'eth.dst', 'wide')}
          {field('ipSrc', packet.proto === 'arp' ? 'arp.spa' : 'ip.src')}
          {field('ipDst', packet.proto === 'arp' ? 'arp.tpa' : 'ip.dst')}
          {(packet.proto === 'tcp' || packet.proto === 'udp') && field('srcPort', `${packet.proto}.src`, 'narrow')}
          {(packet.proto === 'tcp' || packet.proto === 'udp') && field('dstPort', `${packet.proto}.dst`, 'narrow')}
        </div>
        <div className="packet-fields">
          {field('ct', '--ct (one word per option)')}
          {field('lbDst', '--lb-dst')}
        </div>
        <label className="field raw">
          <span>Raw microflow (overrides the fields)</span>
          <textarea
            value={packet.raw}
            rows={2}
            onChange={(e) => void editPacket({ raw: e.target.value })}
            spellCheck={false}
            data-testid="packet-raw"
          />
        </label>
        <div className="field">
          <span>Microflow given to ovn-trace</span>
          <code className="microflow" data-testid="microflow">
            {info?.microflow ?? ''}
          </code>
        </div>
      </details>
    </form>
  );
}

const noPorts: never[] = [];
const noSenders: string[] = [];

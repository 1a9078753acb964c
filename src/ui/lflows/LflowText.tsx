// The loaded flows exactly as `ovn-sbctl lflow-list` prints them, asked of the worker when shown.
import { useEffect, useState } from 'react';
import { callEngine } from '../../worker/client.ts';
import { useAppStore } from '../store/index.ts';

export function LflowText() {
  const seq = useAppStore((s) => (s.load.status === 'ready' ? s.load.seq : undefined));
  const [text, setText] = useState<string>();
  useEffect(() => {
    if (seq === undefined) return;
    let current = true;
    callEngine((engine) => engine.lflowList()).then(
      (listing) => current && setText(listing),
      (error: unknown) => current && setText(`error: ${error instanceof Error ? error.message : String(error)}`),
    );
    return () => {
      current = false;
    };
  }, [seq]);
  if (text === undefined) return <p className="muted pad">Loading…</p>;
  return (
    <pre className="lflow-text" data-testid="lflow-text">
      {text || '(no logical flows)'}
    </pre>
  );
}

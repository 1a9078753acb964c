// The logical flows tab: the flows as a table per datapath and stage, as `ovn-sbctl lflow-list`
// prints them, and what the last edit changed.
import { useState } from 'react';
import { useAppStore } from '../store/index.ts';
import { LflowChanges } from './LflowChanges.tsx';
import { LflowTable } from './LflowTable.tsx';
import { LflowText } from './LflowText.tsx';

type View = 'table' | 'text' | 'changes';

export function LflowsPanel() {
  const [view, setView] = useState<View>('table');
  const diff = useAppStore((s) => s.load.result?.diff);
  const changes = diff ? `Changes (+${diff.added} −${diff.removed})` : 'Changes';
  const views: [View, string][] = [
    ['table', 'By stage'],
    ['text', 'lflow-list'],
    ['changes', changes],
  ];
  return (
    <div>
      <div className="subtabs" role="tablist" aria-label="Logical flow views">
        {views.map(([id, title]) => (
          <button
            key={id}
            role="tab"
            aria-selected={view === id}
            className={view === id ? 'active' : ''}
            onClick={() => setView(id)}
          >
            {title}
          </button>
        ))}
      </div>
      {view === 'table' && <LflowTable />}
      {view === 'text' && <LflowText />}
      {view === 'changes' && <LflowChanges />}
    </div>
  );
}

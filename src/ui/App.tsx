// The app's layout: header; script editor and packet form on the left; the canvas on the right;
// the trace stages, ovn-trace text, logical flows and console in tabs below the canvas.
import { Console } from './console/Console.tsx';
import { ScenarioDescription } from './editor/ScenarioDescription.tsx';
import { ScriptEditor } from './editor/ScriptEditor.tsx';
import { ScriptProblems } from './editor/ScriptProblems.tsx';
import { useEffect } from 'react';
import { runTrace, scriptEdited } from './engine-actions.ts';
import { Header } from './header/Header.tsx';
import { LflowsPanel } from './lflows/LflowsPanel.tsx';
import { HeldScriptBanner } from './HeldScriptBanner.tsx';
import { LinkErrorBanner } from './LinkErrorBanner.tsx';
import { PacketForm } from './packet/PacketForm.tsx';
import { useAppStore } from './store/index.ts';
import type { BottomTab } from './store/ui.ts';
import { TopologyCanvas } from './topology/TopologyCanvas.tsx';
import { TopologyLegend } from './topology/TopologyLegend.tsx';
import { TopologyList } from './topology/TopologyList.tsx';
import { NodeDetails } from './topology/NodeDetails.tsx';
import { TraceOutcomeBar } from './trace/TraceOutcomeBar.tsx';
import { TraceStages } from './trace/TraceStages.tsx';
import { TraceText } from './trace/TraceText.tsx';

const tabs: { id: BottomTab; title: string }[] = [
  { id: 'stages', title: 'Stages passed' },
  { id: 'text', title: 'ovn-trace' },
  { id: 'lflows', title: 'Logical flows' },
  { id: 'console', title: 'Console' },
];

export function App() {
  const tab = useAppStore((s) => s.bottomTab);
  const setTab = useAppStore((s) => s.setBottomTab);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void runTrace();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="app">
      <Header />
      <LinkErrorBanner />
      <HeldScriptBanner />
      <aside className="editor-pane" aria-label="Scenario script and packet">
        <h2>Script</h2>
        <ScenarioDescription />
        <div className="editor-box">
          <ScriptEditor onChange={scriptEdited} />
        </div>
        <ScriptProblems />
        <h2>Packet</h2>
        <PacketForm />
      </aside>
      <main className="canvas-pane">
        <div className="canvas-box">
          <TopologyCanvas />
          <TraceOutcomeBar />
          <TopologyLegend />
          <NodeDetails />
        </div>
        <TopologyList />
      </main>
      <section className="bottom-pane" aria-label="Details">
        <div className="tabs" role="tablist">
          {tabs.map((t) => (
            <button
              key={t.id}
              role="tab"
              aria-selected={tab === t.id}
              className={tab === t.id ? 'active' : ''}
              onClick={() => setTab(t.id)}
              data-testid={`tab-${t.id}`}
            >
              {t.title}
            </button>
          ))}
        </div>
        <div className="tab-body" role="tabpanel">
          {tab === 'stages' && <TraceStages />}
          {tab === 'text' && <TraceText />}
          {tab === 'lflows' && <LflowsPanel />}
          {tab === 'console' && <Console />}
        </div>
      </section>
    </div>
  );
}

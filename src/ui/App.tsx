// The app's layout: header; script editor and packet form on the left; the canvas on the right;
// the trace stages, ovn-trace text, logical flows and console in tabs below the canvas.
import { ScenarioDescription } from './editor/ScenarioDescription.tsx';
import { ScriptProblems } from './editor/ScriptProblems.tsx';
import { lazy, Suspense, useEffect } from 'react';
import { runTrace, scriptEdited } from './engine-actions.ts';
import { Header } from './header/Header.tsx';
import { LessonPanel } from './lessons/LessonPanel.tsx';
import { HeldScriptBanner } from './HeldScriptBanner.tsx';
import { LinkErrorBanner } from './LinkErrorBanner.tsx';
import { PacketForm } from './packet/PacketForm.tsx';
import { useAppStore } from './store/index.ts';
import type { BottomTab } from './store/ui.ts';
import { TopologyCanvas } from './topology/TopologyCanvas.tsx';
import { TopologyLegend } from './topology/TopologyLegend.tsx';
import { TopologyList } from './topology/TopologyList.tsx';
import { NodeDetails } from './topology/NodeDetails.tsx';
import { LbHint } from './trace/LbHint.tsx';
import { PlaybackClock } from './trace/playback.tsx';
import { SimulationBar } from './trace/SimulationBar.tsx';
import { Splitter } from './Splitter.tsx';
import { TraceOutcomeBar } from './trace/TraceOutcomeBar.tsx';
import { TraceStages } from './trace/TraceStages.tsx';

// Not needed for the first paint: loaded when first shown, to keep the initial JavaScript small.
const ScriptEditor = lazy(() => import('./editor/ScriptEditor.tsx').then((m) => ({ default: m.ScriptEditor })));
const LflowsPanel = lazy(() => import('./lflows/LflowsPanel.tsx').then((m) => ({ default: m.LflowsPanel })));
const Console = lazy(() => import('./console/Console.tsx').then((m) => ({ default: m.Console })));
const TraceText = lazy(() => import('./trace/TraceText.tsx').then((m) => ({ default: m.TraceText })));

const loading = <p className="muted pad">Loading…</p>;

const tabs: { id: BottomTab; title: string }[] = [
  { id: 'stages', title: 'Simulation' },
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
      <PlaybackClock />
      <Header />
      <LinkErrorBanner />
      <HeldScriptBanner />
      <aside className="editor-pane" aria-label="Scenario script and packet">
        <LessonPanel />
        <h2>Script</h2>
        <ScenarioDescription />
        <div className="editor-box">
          <Suspense fallback={loading}>
            <ScriptEditor onChange={scriptEdited} />
          </Suspense>
        </div>
        <ScriptProblems />
        <h2>Packet</h2>
        <PacketForm />
        <Splitter
          property="--editor-w"
          orientation="vertical"
          label="Resize the script pane"
          min={260}
          sizeAt={(e, app) => e.clientX - app.getBoundingClientRect().left}
        />
      </aside>
      <main className="canvas-pane">
        <div className="canvas-box">
          <TopologyCanvas />
          <TraceOutcomeBar />
          <LbHint />
          <TopologyLegend />
          <NodeDetails />
        </div>
        <SimulationBar />
        <TopologyList />
      </main>
      <section className="bottom-pane" aria-label="Details">
        <Splitter
          property="--bottom-h"
          orientation="horizontal"
          label="Resize the details pane"
          min={120}
          sizeAt={(e, app) => app.getBoundingClientRect().bottom - e.clientY}
        />
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
          <Suspense fallback={loading}>
            {tab === 'stages' && <TraceStages />}
            {tab === 'text' && <TraceText />}
            {tab === 'lflows' && <LflowsPanel />}
            {tab === 'console' && <Console />}
          </Suspense>
        </div>
      </section>
    </div>
  );
}

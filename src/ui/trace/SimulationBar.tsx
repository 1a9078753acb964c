// The simulation's controls under the canvas: first, back, play/pause, forward, last, speed and a
// scrubber over the trace's events. Keys: Space plays or pauses, ←/→ step, Home/End jump.
import { useEffect } from 'react';
import { SPEEDS, type Speed } from '../store/tracePlayback.ts';
import { useAppStore } from '../store/index.ts';

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    !!target.closest('.cm-editor')
  );
}

export function SimulationBar() {
  const result = useAppStore((s) => s.trace.result);
  const step = useAppStore((s) => s.step);
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const { setStep, stepBy, play, pause, setSpeed } = useAppStore.getState();
  const count = result?.ok ? result.events.length : 0;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (count === 0 || typingIn(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const s = useAppStore.getState();
      const keys: Record<string, () => void> = {
        ' ': () => (s.playing ? s.pause() : s.play()),
        ArrowRight: () => s.stepBy(1),
        ArrowLeft: () => s.stepBy(-1),
        Home: () => s.setStep(0),
        End: () => s.setStep(count - 1),
      };
      const action = keys[event.key];
      if (!action || (event.target instanceof HTMLButtonElement && event.key === ' ')) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count]);

  if (count === 0) return null;
  const event = result?.ok ? result.events[step] : undefined;
  return (
    <div className="simulation-bar" role="group" aria-label="Simulation" data-testid="simulation-bar">
      <button onClick={() => setStep(0)} disabled={step === 0} title="First event (Home)" aria-label="First event">
        |◀
      </button>
      <button
        onClick={() => stepBy(-1)}
        disabled={step === 0}
        title="Step back (←)"
        aria-label="Step back"
        data-testid="step-back"
      >
        ◀ Back
      </button>
      <button
        onClick={() => (playing ? pause() : play())}
        title="Play or pause (Space)"
        aria-label={playing ? 'Pause' : 'Play'}
        data-testid="play-pause"
        className="play"
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        onClick={() => stepBy(1)}
        disabled={step >= count - 1}
        title="Step forward (→)"
        aria-label="Step forward"
        data-testid="step-forward"
      >
        Step ▶
      </button>
      <button
        onClick={() => setStep(count - 1)}
        disabled={step >= count - 1}
        title="Last event (End)"
        aria-label="Last event"
        data-testid="step-last"
      >
        ▶|
      </button>
      <input
        type="range"
        min={0}
        max={count - 1}
        value={step}
        onChange={(e) => setStep(Number(e.target.value))}
        aria-label="Event"
        data-testid="scrubber"
      />
      <span className="step-count" data-testid="step-count">
        {step + 1} / {count}
      </span>
      <label className="speed">
        <span>Speed</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value) as Speed)} data-testid="speed">
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      {event && (
        <span className={`event-title ${event.kind}`} data-testid="event-title">
          {event.datapath}: {event.title}
        </span>
      )}
    </div>
  );
}

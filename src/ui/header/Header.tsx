// The top bar: app name, the built-in scenario picker and the "Copy link" button.
import { builtinScenarios } from '../../engine/scenario/builtins.ts';
import { lessons } from '../../engine/scenario/lessons.ts';
import { copyShareLink, LINK, openBuiltin, openLessonStep, OWN } from '../scene.ts';
import { useAppStore } from '../store/index.ts';

export function Header() {
  const builtinId = useAppStore((s) => s.builtinId);
  const notice = useAppStore((s) => s.notice);
  const lesson = useAppStore((s) => s.lesson);
  return (
    <header className="app-header">
      <h1>
        ovnviz <small>OVN 23.03 logical pipeline, traced</small>
      </h1>
      <label>
        Scenario{' '}
        <select value={builtinId ?? OWN} onChange={(e) => openBuiltin(e.target.value)} data-testid="scenario-picker">
          <option value={OWN}>Your script</option>
          {builtinId === LINK && <option value={LINK}>Shared link</option>}
          {builtinScenarios.map((s) => (
            <option key={s.id} value={s.id} title={s.description}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Lesson{' '}
        <select
          value={lesson?.id ?? ''}
          onChange={(e) => (e.target.value ? openLessonStep(e.target.value, 0) : undefined)}
          data-testid="lesson-picker"
        >
          <option value="">—</option>
          {lessons.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
      </label>
      <button onClick={() => void copyShareLink()} data-testid="copy-link">
        Copy link
      </button>
      {notice && (
        <span className="notice" role="status" data-testid="notice">
          {notice}
        </span>
      )}
    </header>
  );
}

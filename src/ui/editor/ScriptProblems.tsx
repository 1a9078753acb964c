// Under the editor: the script's errors at line:col (click to jump), skipped shell lines, engine problems.
import { useAppStore } from '../store/index.ts';

export function ScriptProblems() {
  const result = useAppStore((s) => s.load.result);
  const status = useAppStore((s) => s.load.status);
  const loadError = useAppStore((s) => s.load.error);
  const errors = result?.errors ?? [];
  const skipped = result?.skipped ?? [];
  const problems = result?.problems ?? [];
  return (
    <div className="script-problems" data-testid="script-problems" data-status={status} aria-live="polite">
      {status === 'loading' && <p className="muted">Running the script…</p>}
      {loadError && <p className="error">The engine failed: {loadError}</p>}
      {errors.map((e, i) => (
        <button
          key={i}
          className="problem error"
          onClick={() => void import('./ScriptEditor.tsx').then((m) => m.focusEditorAt(e.line, e.column))}
          data-testid="script-error"
        >
          {e.line}:{e.column}: {e.message}
        </button>
      ))}
      {problems.map((p, i) => (
        <p key={i} className="problem warning" data-testid="engine-problem">
          {p}
        </p>
      ))}
      {skipped.length > 0 && (
        <details className="skipped">
          <summary>{skipped.length} shell line(s) skipped</summary>
          {skipped.map((s) => (
            <div key={s.line} className="muted">
              {s.line}: {s.text}
            </div>
          ))}
        </details>
      )}
      {status === 'ready' && errors.length === 0 && problems.length === 0 && <p className="ok">Script OK.</p>}
    </div>
  );
}

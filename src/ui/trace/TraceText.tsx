// ovn-trace's own text for the latest trace, in its detailed, summary and minimal forms.
import type { TraceForm } from '../../worker/api.ts';
import { useAppStore } from '../store/index.ts';

const forms: TraceForm[] = ['detailed', 'summary', 'minimal'];

export function TraceText() {
  const result = useAppStore((s) => s.trace.result);
  const form = useAppStore((s) => s.traceForm);
  const setForm = useAppStore((s) => s.setTraceForm);
  const setNotice = useAppStore((s) => s.setNotice);
  if (!result) return <p className="muted pad">No trace yet.</p>;
  if (!result.ok) return <p className="error pad">{result.error}</p>;
  return (
    <div className="trace-text">
      <div className="subtabs" role="tablist" aria-label="ovn-trace form">
        {forms.map((f) => (
          <button
            key={f}
            role="tab"
            aria-selected={f === form}
            className={f === form ? 'active' : ''}
            onClick={() => setForm(f)}
          >
            --{f}
          </button>
        ))}
      </div>
      <button
        className="copy-text"
        data-testid="copy-trace"
        onClick={() =>
          void navigator.clipboard.writeText(`$ ${result.commands[form]}\n${result.text[form]}`).then(
            () => setNotice('ovn-trace text copied to the clipboard.'),
            () => setNotice('The clipboard is not available here.'),
          )
        }
      >
        Copy text
      </button>
      <code className="trace-command" title="The same question, asked of real ovn-trace">
        $ {result.commands[form]}
      </code>
      <pre data-testid="trace-text">{result.text[form]}</pre>
    </div>
  );
}

// Says why the script in the editor has not run: it was running when the app last went away (the
// page crashed, was reloaded, or the engine was stopped), so opening the app does not run it again.
import { loadScript } from './engine-actions.ts';
import { useAppStore } from './store/index.ts';

export function HeldScriptBanner() {
  const held = useAppStore((s) => s.held);
  if (!held) return null;
  return (
    <div className="link-error" role="alert" data-testid="held-script">
      This script was still running when the page last closed or crashed, so it was not run again.
      <button onClick={() => void loadScript()} data-testid="run-held-script">
        Run it
      </button>
    </div>
  );
}

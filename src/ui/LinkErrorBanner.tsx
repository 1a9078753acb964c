// Says why a shared link could not be opened (the app then shows the last or a built-in scenario).
import { useAppStore } from './store/index.ts';

export function LinkErrorBanner() {
  const error = useAppStore((s) => s.linkError);
  const dismiss = useAppStore((s) => s.setLinkError);
  if (!error) return null;
  return (
    <div className="link-error" role="alert" data-testid="link-error">
      This link could not be opened: {error}. Showing your last scenario instead.
      <button onClick={() => dismiss(undefined)} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

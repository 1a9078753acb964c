// localStorage, used so that a person's script is never lost: the current scene, and the last script
// they typed themselves (kept when they open a built-in or a link afterwards). Failures are ignored.
export const SCENE_KEY = 'ovnviz.scene';
export const OWN_SCRIPT_KEY = 'ovnviz.own-script';

export function readStored(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled (private mode): the script stays in the editor.
  }
}

/** Drops a shared link from the address bar once the scene no longer matches it, so that a reload
 * shows the person's own (autosaved) work rather than the old link. */
export function forgetSceneLink() {
  if (location.hash.startsWith('#s=')) history.replaceState(null, '', location.pathname + location.search);
}

/** The script the engine is running, kept until it answers: still there on the next visit means
 * the page was closed, reloaded or crashed during that run (or the watchdog stopped it). */
export const RUNNING_KEY = 'ovnviz.running';

export function markRunning(script: string) {
  writeStored(RUNNING_KEY, script);
}

/** The run of `script` ended with an answer from the engine (success or script errors alike). */
export function markFinished(script: string) {
  if (readStored(RUNNING_KEY) === script) forgetStored(RUNNING_KEY);
}

/** True when `script` was running when the app last went away: it is shown but not run again. */
export function wasRunningWhenLost(script: string): boolean {
  return readStored(RUNNING_KEY) === script;
}

function forgetStored(key: string) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept either.
  }
}

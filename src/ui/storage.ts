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

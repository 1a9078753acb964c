// Where the scene comes from and goes to: a shared link (#s=…), the autosaved script in localStorage,
// or a built-in scenario; and the "Copy link" button that writes the link.
import { builtinScenarios, defaultScenario } from '../engine/scenario/builtins.ts';
import { decodeScene, encodeScene, isSceneHash } from '../engine/scenario/url.ts';
import { loadScript } from './engine-actions.ts';
import { packetFormFields, packetFormFrom } from './packet/microflow.ts';
import {
  forgetSceneLink,
  OWN_SCRIPT_KEY,
  readStored as read,
  SCENE_KEY,
  wasRunningWhenLost,
  writeStored as store,
} from './storage.ts';
import { useAppStore } from './store/index.ts';

/** Picker values besides the built-ins: the person's own script, and a scene opened from a link. */
export const OWN = 'own';
export const LINK = 'link';

interface SavedScene {
  script: string;
  builtinId?: string;
  packet?: Record<string, string>;
}

export function startScene() {
  openFromLocation();
  window.addEventListener('hashchange', () => {
    if (isSceneHash(location.hash)) openFromLocation();
  });
  useAppStore.subscribe((state, previous) => {
    if (state.script === previous.script && state.packet === previous.packet && state.builtinId === previous.builtinId)
      return;
    const saved: SavedScene = {
      script: state.script,
      builtinId: state.builtinId,
      packet: packetFormFields(state.packet),
    };
    store(SCENE_KEY, JSON.stringify(saved));
  });
}

function openFromLocation() {
  const app = useAppStore.getState();
  if (isSceneHash(location.hash)) {
    const decoded = decodeScene(location.hash);
    if (decoded.ok) {
      app.setLinkError(undefined);
      app.setScript(decoded.scene.script, LINK);
      app.resetPacket(packetFormFrom(decoded.scene.packet));
      app.clearTrace();
      runUnlessLost(decoded.scene.script);
      return;
    }
    app.setLinkError(decoded.error);
  }
  const saved = readSaved();
  if (saved) {
    app.setScript(saved.script, saved.builtinId);
    app.resetPacket(packetFormFrom(saved.packet));
  } else {
    app.setScript(defaultScenario.script, defaultScenario.id);
    app.resetPacket(packetFormFrom(defaultScenario.packet));
  }
  runUnlessLost(useAppStore.getState().script);
}

/** Runs the script on opening, unless it was running when the app last went away (a crash, a
 * reload, the watchdog): then it is shown, and runs only when the person asks. */
function runUnlessLost(script: string) {
  if (wasRunningWhenLost(script)) {
    useAppStore.getState().setHeld(true);
    return;
  }
  void loadScript();
}

export function openBuiltin(id: string) {
  const scenario = builtinScenarios.find((s) => s.id === id);
  const app = useAppStore.getState();
  if (id !== LINK) forgetSceneLink();
  if (scenario) {
    app.setScript(scenario.script, scenario.id);
    app.resetPacket(packetFormFrom(scenario.packet));
  } else if (id === OWN) {
    app.setScript(read(OWN_SCRIPT_KEY) ?? '');
  }
  app.clearTrace();
  void loadScript();
}

export async function copyShareLink() {
  const app = useAppStore.getState();
  const hash = encodeScene({ script: app.script, packet: packetFormFields(app.packet) });
  const url = `${location.origin}${location.pathname}${hash}`;
  history.replaceState(null, '', hash);
  try {
    await navigator.clipboard.writeText(url);
    app.setNotice('Link copied to the clipboard.');
  } catch {
    app.setNotice('Link is in the address bar (the clipboard is not available here).');
  }
  setTimeout(() => useAppStore.getState().setNotice(undefined), NOTICE_MS);
}

const NOTICE_MS = 6000;

function readSaved(): SavedScene | undefined {
  const text = read(SCENE_KEY);
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    if (typeof record.script !== 'string') return undefined;
    const builtinId =
      typeof record.builtinId === 'string' && builtinScenarios.some((s) => s.id === record.builtinId)
        ? record.builtinId
        : undefined;
    const packet =
      typeof record.packet === 'object' && record.packet !== null ? stringFields(record.packet) : undefined;
    return { script: record.script, builtinId, packet };
  } catch {
    return undefined;
  }
}

function stringFields(value: object): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, field] of Object.entries(value)) if (typeof field === 'string') fields[key] = field;
  return fields;
}

// Where the scene comes from and goes to: a shared link (#s=…), the autosaved script in localStorage,
// or a built-in scenario; and the "Copy link" button that writes the link.
import { builtinScenarios, defaultScenario } from '../engine/scenario/builtins.ts';
import { decodeScene, encodeScene, isSceneHash } from '../engine/scenario/url.ts';
import { loadScript } from './engine-actions.ts';
import { packetFormFields, packetFormFrom } from './packet/microflow.ts';
import { useAppStore } from './store/index.ts';

const SCENE_KEY = 'ovnviz.scene';
/** The last script the person wrote themselves, kept even when they open a built-in afterwards. */
export const OWN_SCRIPT_KEY = 'ovnviz.own-script';

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
    if (!state.builtinId && state.script !== previous.script) store(OWN_SCRIPT_KEY, state.script);
  });
}

function openFromLocation() {
  const app = useAppStore.getState();
  if (isSceneHash(location.hash)) {
    const decoded = decodeScene(location.hash);
    if (decoded.ok) {
      app.setLinkError(undefined);
      app.setScript(decoded.scene.script);
      app.resetPacket(packetFormFrom(decoded.scene.packet));
      app.clearTrace();
      void loadScript();
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
  void loadScript();
}

export function openBuiltin(id: string) {
  const scenario = builtinScenarios.find((s) => s.id === id);
  const app = useAppStore.getState();
  if (scenario) {
    app.setScript(scenario.script, scenario.id);
    app.resetPacket(packetFormFrom(scenario.packet));
  } else if (id === 'own') {
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
}

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

function read(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function store(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled (private mode): the script stays in the editor.
  }
}

// Where the scene comes from and goes to: a shared link (#s=…), the autosaved script in localStorage,
// or a built-in scenario; and the "Copy link" button that writes the link.
import { builtinScenarios, defaultScenario } from '../engine/scenario/builtins.ts';
import {
  decodeScene,
  encodeScene,
  isSceneHash,
  parseSceneFile,
  sceneFileText,
  type SharedScene,
} from '../engine/scenario/url.ts';
import { fillPacket, loadScript, runTrace } from './engine-actions.ts';
import { lessons } from '../engine/scenario/lessons.ts';
import { packetFormFields, packetFormFrom } from '../engine/packet/form.ts';
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
  // A file dropped anywhere on the page opens as the scene (it is not pasted into the editor).
  window.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  window.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void openSceneFile(file);
  });
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
      openScene(decoded.scene);
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

/** Opens a shared scene (a link or a file): its script, packet, panel, and the trace event shown. */
function openScene(scene: SharedScene) {
  const app = useAppStore.getState();
  app.setScript(scene.script, LINK);
  app.resetPacket(packetFormFrom(scene.packet));
  app.clearTrace();
  const view = scene.view;
  if (view?.tab === 'stages' || view?.tab === 'text' || view?.tab === 'lflows' || view?.tab === 'console')
    app.setBottomTab(view.tab);
  if (view?.form === 'detailed' || view?.form === 'summary' || view?.form === 'minimal') app.setTraceForm(view.form);
  const event = view?.event;
  // a scene that was running when the app went away is shown, not run (see runUnlessLost)
  if (wasRunningWhenLost(scene.script)) {
    app.setHeld(true);
    return;
  }
  void loadScript().then(() => (event === undefined ? undefined : runTrace(event)));
}

/** Opens a file dropped on the page: a scene file as a link would be, or a plain script. */
export async function openSceneFile(file: File) {
  const app = useAppStore.getState();
  if (file.size > MAX_FILE_BYTES) {
    app.setLinkError(`${file.name}: too large to open (over ${MAX_FILE_BYTES >> 20} MB)`);
    return;
  }
  const parsed = parseSceneFile(await file.text());
  if (!parsed.ok) {
    app.setLinkError(`${file.name}: ${parsed.error}`);
    return;
  }
  app.setLinkError(undefined);
  forgetSceneLink();
  openScene(parsed.scene);
}

const MAX_FILE_BYTES = 2 << 20;

/** What the person is looking at, as a link carries it. */
function currentScene(): SharedScene {
  const app = useAppStore.getState();
  const traced = app.trace.status === 'ready' && app.trace.result?.ok;
  return {
    script: app.script,
    packet: packetFormFields(app.packet),
    view: { tab: app.bottomTab, form: app.traceForm, ...(traced ? { event: app.step } : {}) },
  };
}

/** Opens one step of a lesson: its scenario (loaded again only when it changes) and its packet. */
export function openLessonStep(id: string, index: number) {
  const lesson = lessons.find((l) => l.id === id);
  const step = lesson?.steps[index];
  if (!lesson || !step) return;
  const app = useAppStore.getState();
  forgetSceneLink();
  app.setLesson({ id, step: index });
  const script = step.script ?? lesson.script;
  const changed = script !== app.script;
  app.setScript(script, LINK);
  app.resetPacket(packetFormFrom(step.packet));
  app.clearTrace();
  app.setBottomTab('stages');
  if (changed) void loadScript();
  else void fillPacket();
}

export function openBuiltin(id: string) {
  const scenario = builtinScenarios.find((s) => s.id === id);
  const app = useAppStore.getState();
  if (id !== LINK) forgetSceneLink();
  app.setLesson(undefined);
  if (scenario) {
    app.setScript(scenario.script, scenario.id);
    app.resetPacket(packetFormFrom(scenario.packet));
  } else if (id === OWN) {
    app.setScript(read(OWN_SCRIPT_KEY) ?? '');
  }
  app.clearTrace();
  void loadScript();
}

/** Links longer than this are refused by some browsers and chat tools: such a scene is saved as a file. */
const MAX_LINK_CHARS = 32_000;

export async function copyShareLink() {
  const app = useAppStore.getState();
  const scene = currentScene();
  const hash = encodeScene(scene);
  const url = `${location.origin}${location.pathname}${hash}`;
  if (url.length > MAX_LINK_CHARS) {
    download('scene.ovnviz.json', new Blob([sceneFileText(scene)], { type: 'application/json' }));
    app.setNotice('This scene is too large for a link: it was saved as a file. Drop the file on the page to open it.');
    setTimeout(() => useAppStore.getState().setNotice(undefined), NOTICE_MS);
    return;
  }
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

/** Saves a blob as a file through a temporary link. */
export function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// The script editor (CodeMirror 6): edits the scenario script, marks the lines the engine rejected.
import { useEffect, useRef } from 'react';
import { Annotation, EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { useAppStore } from '../store/index.ts';
import { commentHighlight, errorLines, setErrorLines } from './decorations.ts';

/** Marks changes that come from the store (a built-in or a link), not from the person typing. */
const fromStore = Annotation.define<boolean>();

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '12.5px' },
  '.cm-scroller': { fontFamily: '"JetBrains Mono", "DejaVu Sans Mono", ui-monospace, monospace', lineHeight: '1.5' },
  '.cm-gutters': { background: '#f8fafc', borderRight: '1px solid #e2e8f0', color: '#94a3b8' },
});

export function ScriptEditor({ onChange }: { onChange: (text: string) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const script = useAppStore((s) => s.script);
  const errors = useAppStore((s) => s.load.result?.errors);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const extensions: Extension[] = [
      lineNumbers(),
      history(),
      drawSelection(),
      highlightActiveLine(),
      // Ctrl/Cmd+Enter traces the packet (a window listener does it); the editor must not eat it.
      Prec.high(keymap.of([{ key: 'Mod-Enter', run: () => true }])),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      EditorView.lineWrapping,
      commentHighlight,
      errorLines,
      theme,
      EditorView.contentAttributes.of({ 'aria-label': 'Scenario script', 'data-testid': 'script-editor' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !update.transactions.some((t) => t.annotation(fromStore)))
          onChangeRef.current(update.state.doc.toString());
      }),
    ];
    view.current = new EditorView({
      parent: host.current,
      state: EditorState.create({ doc: useAppStore.getState().script, extensions }),
    });
    return () => {
      view.current?.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === script) return;
    editor.dispatch({
      changes: { from: 0, to: editor.state.doc.length, insert: script },
      annotations: fromStore.of(true),
    });
  }, [script]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch({ effects: setErrorLines.of((errors ?? []).map((e) => e.line)) });
  }, [errors]);

  return <div ref={host} className="script-editor" />;
}

/** Moves the editor's cursor to a line and column (1-based), e.g. from the error list. */
export function focusEditorAt(line: number, column: number) {
  const element = document.querySelector('.script-editor .cm-editor');
  const editor = element ? EditorView.findFromDOM(element as HTMLElement) : null;
  if (!editor) return;
  const doc = editor.state.doc;
  const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
  const pos = Math.min(target.from + Math.max(column - 1, 0), target.to);
  editor.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  editor.focus();
}

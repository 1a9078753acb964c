// Editor decorations: `#` comments in grey, and the lines the engine reported errors on in red.
import { RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';

const commentMark = Decoration.mark({ class: 'cm-script-comment' });
const commentMatcher = new MatchDecorator({ regexp: /(^|\s)#.*$/gm, decoration: () => commentMark });

export const commentHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = commentMatcher.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = commentMatcher.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

export const setErrorLines = StateEffect.define<number[]>();
const errorLine = Decoration.line({ class: 'cm-script-error-line' });

export const errorLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setErrorLines)) continue;
      const builder = new RangeSetBuilder<Decoration>();
      const doc = transaction.state.doc;
      for (const line of [...new Set(effect.value)].sort((a, b) => a - b))
        if (line >= 1 && line <= doc.lines) builder.add(doc.line(line).from, doc.line(line).from, errorLine);
      next = builder.finish();
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

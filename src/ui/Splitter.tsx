// A handle that resizes a pane: drag it, or focus it and use the arrow keys. It writes a CSS custom
// property on the app element (e.g. --editor-w), which the grid reads.
import type { KeyboardEvent, PointerEvent } from 'react';

interface Props {
  /** The CSS property set, in px. */
  property: '--editor-w' | '--bottom-h';
  orientation: 'vertical' | 'horizontal';
  label: string;
  min: number;
  /** From the pointer position to the pane size. */
  sizeAt: (event: { clientX: number; clientY: number }, app: HTMLElement) => number;
}

function appOf(el: Element): HTMLElement | null {
  return el.closest('.app');
}

export function Splitter({ property, orientation, label, min, sizeAt }: Props) {
  const set = (app: HTMLElement, size: number) => {
    const max = (orientation === 'vertical' ? app.clientWidth : app.clientHeight) - 200;
    app.style.setProperty(property, `${Math.round(Math.max(min, Math.min(size, max)))}px`);
  };
  const current = (app: HTMLElement) => parseFloat(getComputedStyle(app).getPropertyValue(property)) || 0;
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const app = appOf(event.currentTarget);
    if (!app) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => set(app, sizeAt(e, app));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const app = appOf(event.currentTarget);
    if (!app) return;
    const grow = orientation === 'vertical' ? 'ArrowRight' : 'ArrowUp';
    const shrink = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowDown';
    if (event.key !== grow && event.key !== shrink) return;
    event.preventDefault();
    const pane = event.currentTarget.parentElement;
    const size = current(app) || (orientation === 'vertical' ? pane?.clientWidth : pane?.clientHeight) || min;
    set(app, size + (event.key === grow ? 24 : -24));
  };
  return (
    <div
      className={`splitter ${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}

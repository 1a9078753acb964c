// Draws one step of the simulation on the canvas: the lit path, a token per copy of the packet, the
// token of the event shown moving along the nodes it passes; delivered ports turn green, a drop is a
// red star labelled with its stage.
import type { Core, NodeSingular } from 'cytoscape';
import type { CanvasScene, Token } from './trace-path.ts';

export function clearPlayback(cy: Core) {
  cy.nodes('.token').remove();
  // Only the elements that carry a class: restyling every element of a big scene per event is costly.
  cy.$('.on-path, .delivered, .dropped-at').removeClass('on-path delivered dropped-at');
}

/** Shows the scene; the moving token walks its nodes in `moveMs`. Returns a function that stops it. */
export function showScene(cy: Core, scene: CanvasScene, moveMs: number, onMoved: () => void): () => void {
  cy.batch(() => {
    clearPlayback(cy);
    for (const id of scene.nodes) cy.getElementById(id).addClass('on-path');
    for (const [a, b] of scene.edges) cy.getElementById(a).edgesWith(cy.getElementById(b)).addClass('on-path');
  });
  let stopped = false;
  let moving = 0;
  const settled = () => {
    moving -= 1;
    if (moving === 0 && !stopped) onMoved();
  };
  scene.tokens.forEach((token) => {
    const path = token.moving && moveMs > 0 ? token.moving : [token.node];
    const start = cy.getElementById(path[0]);
    if (start.empty()) return;
    const node = cy.add({
      group: 'nodes',
      data: { id: `token-${token.copy}`, label: '' },
      classes: 'token',
      position: { ...(start as NodeSingular).position() },
    });
    moving += 1;
    const stepMs = moveMs / Math.max(1, path.length - 1);
    const advance = (i: number) => {
      if (stopped) return;
      if (i >= path.length) {
        arrive(cy, node, token);
        settled();
        return;
      }
      const target = cy.getElementById(path[i]) as NodeSingular;
      node.animate(
        { position: { ...target.position() } },
        { duration: stepMs, easing: 'ease-in-out-sine', complete: () => advance(i + 1) },
      );
    };
    if (path.length > 1) advance(1);
    else {
      arrive(cy, node, token);
      settled();
    }
  });
  if (moving === 0) onMoved();
  return () => {
    stopped = true;
    cy.nodes('.token').stop(true, false);
  };
}

function arrive(cy: Core, token: NodeSingular, what: Token) {
  const last = cy.getElementById(what.node) as NodeSingular;
  if (last.empty()) return;
  const at = last.position();
  if (!what.end) {
    token.position({ ...at });
    return;
  }
  // An ended copy rests beside its node, not on it, so that the node's own label stays readable.
  token.position({ x: at.x + last.width() / 2 + 16, y: at.y });
  if (what.end === 'dropped') {
    token.addClass('dropped').data('label', `✕ dropped: ${what.label ?? ''}`);
    last.addClass('dropped-at');
  } else if (what.end === 'delivered') {
    token.addClass('arrived');
    last.addClass('delivered');
  } else {
    token.addClass('dropped').data('label', `→ ovn-controller: ${what.label ?? ''}`);
  }
}

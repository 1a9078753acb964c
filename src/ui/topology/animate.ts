// Plays a trace on the canvas: one token per route, moving node to node; the path lights up, the
// port a packet leaves by turns green, and a dropped packet ends as a red star labelled with the stage.
import type { Core, NodeSingular } from 'cytoscape';
import type { TokenRoute } from './trace-path.ts';

const STEP_MS = 320;
/** Long routes (several datapaths) move faster, so that no trace takes much longer than this. */
const LONGEST_PLAY_MS = 4000;
const FASTEST_STEP_MS = 120;

export function clearPlayback(cy: Core) {
  cy.nodes('.token').remove();
  cy.elements().removeClass('on-path delivered dropped-at');
}

/** Starts the animation; returns a function that stops it early. `onHop` says which hop of the trace
 * each token has entered, so that the stage list can follow along. */
export function playRoutes(
  cy: Core,
  routes: readonly TokenRoute[],
  onDone: () => void,
  onHop: (token: number, hop: number) => void = () => undefined,
): () => void {
  clearPlayback(cy);
  const longest = Math.max(1, ...routes.map((r) => r.nodes.length - 1));
  const stepMs = Math.max(FASTEST_STEP_MS, Math.min(STEP_MS, LONGEST_PLAY_MS / longest));
  let stopped = false;
  let pending = routes.length;
  const finishOne = () => {
    pending -= 1;
    if (pending === 0 && !stopped) onDone();
  };
  routes.forEach((route, index) => {
    const first = route.nodes.length > 0 ? cy.getElementById(route.nodes[0]) : undefined;
    if (!first || first.empty()) {
      finishOne();
      return;
    }
    const token = cy.add({
      group: 'nodes',
      data: { id: `token-${index}`, label: '' },
      classes: 'token',
      position: { ...(first as NodeSingular).position() },
    });
    first.addClass('on-path');
    onHop(index, route.hops[0]);
    const advance = (step: number) => {
      if (stopped) return;
      if (step >= route.nodes.length) {
        arrive(cy, token, route);
        finishOne();
        return;
      }
      const target = cy.getElementById(route.nodes[step]);
      const previous = cy.getElementById(route.nodes[step - 1]);
      previous.edgesWith(target).addClass('on-path');
      target.addClass('on-path');
      onHop(index, route.hops[step]);
      token.animate(
        { position: { ...(target as NodeSingular).position() } },
        { duration: stepMs, easing: 'ease-in-out-sine', complete: () => advance(step + 1) },
      );
    };
    advance(1);
  });
  if (routes.length === 0) onDone();
  return () => {
    stopped = true;
    cy.nodes('.token').stop(true, true);
  };
}

function arrive(cy: Core, token: NodeSingular, route: TokenRoute) {
  const last = cy.getElementById(route.nodes[route.nodes.length - 1]) as NodeSingular;
  // The token ends beside the node, not on it, so that the node's own label stays readable.
  const at = last.position();
  token.position({ x: at.x + last.width() / 2 + 16, y: at.y });
  if (route.end === 'drop') {
    token.addClass('dropped').data('label', `✕ dropped: ${route.label}`);
    last.addClass('dropped-at');
  } else if (route.end === 'output') {
    token.addClass('arrived');
    last.addClass('delivered');
  }
}

// Every OpenFlow flow of a chassis links back to the row it came from, and every logical flow of a local
// datapath to flows in the OpenFlow table its pipeline and table number say.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeChassisFlows, hypervisorFromSb } from '../src/engine/physical/index.ts';
import { cookieOwners, flowsOfLflow } from '../src/engine/physical/links.ts';
import { loadScenarioText, southboundFor } from '../src/engine/scenario/compile.ts';

const file = 'test/golden-physical/lr-two-hv/script.nbctl';
const text = readFileSync(file, 'utf8');
const sb = southboundFor(loadScenarioText(text, file));
const hv1 = computeChassisFlows(sb, hypervisorFromSb(sb, 'hv1'));

describe('cookie ↔ logical flow links', () => {
  it('links every flow with a cookie to exactly the rows with that UUID prefix', () => {
    expect(hv1).toBeDefined();
    const flows = hv1?.flows ?? [];
    const withCookie = flows.filter((f) => f.cookie !== 0n);
    expect(withCookie.length).toBeGreaterThan(400);
    for (const f of withCookie) expect(cookieOwners(sb, f.cookie).length).toBeGreaterThan(0);
  });

  it("puts an lflow's flows in table 8 + table_id (ingress) or 42 + table_id (egress)", () => {
    const flows = hv1?.flows ?? [];
    let linked = 0;
    for (const lflow of sb.tables.Logical_Flow.values()) {
      const mine = flowsOfLflow(flows, lflow._uuid).filter((f) => f.table < 64);
      const table = (lflow.pipeline === 'ingress' ? 8 : 42) + lflow.table_id;
      for (const f of mine) expect(f.table).toBe(table);
      if (mine.length) linked++;
    }
    expect(linked).toBeGreaterThan(200);
  });
});

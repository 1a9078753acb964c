import { describe, expect, it } from 'vitest';
import { emptyNbDatabase } from './database.ts';
import { NbTxn } from './txn.ts';

describe('NbTxn', () => {
  it('collects unreferenced non-root rows and drops weak references to deleted rows', () => {
    const db = emptyNbDatabase();
    const t = new NbTxn(db);
    const ls = t.insert('Logical_Switch', { name: 'a' });
    const p1 = t.insert('Logical_Switch_Port', { name: 'p1' });
    t.insert('Logical_Switch_Port', { name: 'orphan' });
    t.update('Logical_Switch', ls._uuid, { ports: [p1._uuid] });
    t.insert('Port_Group', { name: 'pg', ports: [p1._uuid] });
    expect(t.commit()).toBeUndefined();
    expect([...db.tables.Logical_Switch_Port.values()].map((p) => p.name)).toEqual(['p1']);
    const t2 = new NbTxn(db);
    t2.update('Logical_Switch', ls._uuid, { ports: [] });
    expect(t2.commit()).toBeUndefined();
    expect(db.tables.Logical_Switch_Port.size).toBe(0);
    expect([...db.tables.Port_Group.values()][0].ports).toEqual([]);
  });

  it('refuses dangling strong references and duplicate index values, and rolls back', () => {
    const db = emptyNbDatabase();
    const t = new NbTxn(db);
    t.insert('Logical_Switch', { name: 'a', ports: ['00000000-0000-4000-8000-000000000099'] });
    expect(t.commit()).toMatch(/^referential integrity violation: /);
    t.rollback();
    expect(db.tables.Logical_Switch.size).toBe(0);
    const t2 = new NbTxn(db);
    t2.insert('Port_Group', { name: 'x' });
    t2.insert('Port_Group', { name: 'x' });
    expect(t2.commit()).toMatch(/^constraint violation: Transaction causes multiple rows in "Port_Group" table/);
  });

  it('gives deterministic uuids in creation order', () => {
    const a = new NbTxn(emptyNbDatabase());
    const b = new NbTxn(emptyNbDatabase());
    const ua = [a.insert('Logical_Switch')._uuid, a.insert('Logical_Switch')._uuid];
    const ub = [b.insert('Logical_Switch')._uuid, b.insert('Logical_Switch')._uuid];
    expect(ua).toEqual(ub);
    expect(ua[0] < ua[1]).toBe(true);
    expect(ua[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

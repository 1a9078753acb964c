// ovn_extend_table for groups: each distinct group description gets an id, lowest free first, as
// ovn-controller's group table hands them out (ids are masked when compared with real runs).

export class GroupTable {
  private readonly ids = new Map<string, number>();

  assign(spec: string): number {
    const known = this.ids.get(spec);
    if (known !== undefined) return known;
    const id = this.ids.size + 1;
    this.ids.set(spec, id);
    return id;
  }

  /** [id, "type=select,…"] in id order: `ovs-ofctl add-group` text without the group_id. */
  entries(): [number, string][] {
    return [...this.ids.entries()].map(([spec, id]): [number, string] => [id, spec]).sort((a, b) => a[0] - b[0]);
  }
}

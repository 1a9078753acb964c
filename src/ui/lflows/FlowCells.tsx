// The cells every flow row shows (table, stage, priority, match, actions), in the flow table and the trace.
interface FlowCellsProps {
  /** Empty for the second and later flows of a stage in the flow table. */
  table: number | '';
  stage: string;
  source: string;
  priority: number;
  match: string;
  actions: string;
}

export function FlowCells({ table, stage, source, priority, match, actions }: FlowCellsProps) {
  return (
    <>
      <td className="num">{table}</td>
      <td className="stage" title={source}>
        {stage}
      </td>
      <td className="num">{priority}</td>
      <td className="match">
        <code>{match}</code>
      </td>
      <td>
        <code>{actions}</code>
      </td>
    </>
  );
}

// A small key to the canvas's shapes and colours, folded away so that it never hides a node.
export function TopologyLegend() {
  return (
    <details className="legend">
      <summary>Key</summary>
      <ul>
        <li>
          <i className="sw" />
          logical switch
        </li>
        <li>
          <i className="lr" />
          logical router
        </li>
        <li>
          <i className="port" />
          port
        </li>
        <li>
          <i className="port secured" />
          port with port security
        </li>
        <li>
          <i className="vm" />
          VM (VIF)
        </li>
        <li>
          <i className="ch" />
          chassis
        </li>
      </ul>
    </details>
  );
}

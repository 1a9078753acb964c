// A small key to the canvas's shapes and colours.
export function TopologyLegend() {
  return (
    <ul className="legend" aria-hidden="true">
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
  );
}

// A console that runs one more command after the script (e.g. `ovn-nbctl show`) and prints its output.
import { useState } from 'react';
import { runConsoleCommand } from '../engine-actions.ts';

export function Console() {
  const [line, setLine] = useState('ovn-nbctl show');
  const [log, setLog] = useState<{ command: string; output: string }[]>([]);
  return (
    <div className="console">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const command = line.trim();
          if (!command) return;
          const output = await runConsoleCommand(command);
          setLog((entries) => [...entries, { command, output }]);
        }}
      >
        <span className="prompt">$</span>
        <input value={line} onChange={(e) => setLine(e.target.value)} aria-label="Command" spellCheck={false} />
        <button type="submit">Run</button>
      </form>
      <pre data-testid="console-output">
        {log.map((entry, i) => (
          <span key={i}>
            <b>$ {entry.command}</b>
            {'\n'}
            {entry.output}
          </span>
        ))}
      </pre>
    </div>
  );
}

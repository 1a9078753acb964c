// The ovn-trace command line shown beside the trace text.
import { describe, expect, it } from 'vitest';
import { ovnTraceCommand, shellQuote } from './command-line.ts';

describe('ovnTraceCommand', () => {
  it('writes options, datapath and the quoted microflow', () => {
    expect(
      ovnTraceCommand(
        { datapath: 'ls1', microflow: 'inport == "a" && ip4', ct: ['new'], lbDst: '10.0.0.1:80' },
        'summary',
      ),
    ).toBe(`ovn-trace --summary --ct=new --lb-dst=10.0.0.1:80 ls1 'inport == "a" && ip4'`);
  });
  it('leaves out an empty datapath and escapes single quotes', () => {
    expect(ovnTraceCommand({ datapath: '', microflow: "x'y" }, 'minimal')).toBe(`ovn-trace --minimal 'x'\\''y'`);
    expect(shellQuote('ls1')).toBe('ls1');
  });
});

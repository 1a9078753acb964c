// The router-heavy benchmark scene: R gateway routers' worth of distributed routers, each with a
// switch of VMs, a gateway port on a shared external switch (gateway chassis hv1), an SNAT rule and
// a load balancer; pasted one ovn-nbctl command a line, or as one ovn-nbctl argument list.
const hex2 = (n: number): string => n.toString(16).padStart(2, '0');

function commands(routers: number, vms: number): string[][] {
  const out: string[][] = [['ls-add', 'ext']];
  for (let i = 0; i < routers; i++) {
    const [a, b] = [Math.floor(i / 256), i % 256];
    const ls = `ls${i}`;
    const lr = `lr${i}`;
    out.push(['ls-add', ls], ['lr-add', lr]);
    out.push(['lrp-add', lr, `${lr}-${ls}`, `0a:01:${hex2(a)}:${hex2(b)}:00:01`, `10.${a}.${b}.1/24`]);
    out.push(['lsp-add', ls, `${ls}-${lr}`], ['lsp-set-type', `${ls}-${lr}`, 'router']);
    out.push(
      ['lsp-set-addresses', `${ls}-${lr}`, 'router'],
      ['lsp-set-options', `${ls}-${lr}`, `router-port=${lr}-${ls}`],
    );
    const ext = `172.16.${Math.floor(i / 250)}.${(i % 250) + 2}`;
    out.push(['lrp-add', lr, `${lr}-ext`, `0a:02:${hex2(a)}:${hex2(b)}:00:01`, `${ext}/16`]);
    out.push(['lrp-set-gateway-chassis', `${lr}-ext`, 'hv1', '10']);
    out.push(['lsp-add', 'ext', `ext-${lr}`], ['lsp-set-type', `ext-${lr}`, 'router']);
    out.push(['lsp-set-addresses', `ext-${lr}`, 'router'], ['lsp-set-options', `ext-${lr}`, `router-port=${lr}-ext`]);
    out.push(['lr-nat-add', lr, 'snat', ext, `10.${a}.${b}.0/24`]);
    out.push(['lb-add', `lb${i}`, `${ext}:80`, `10.${a}.${b}.10:80,10.${a}.${b}.11:80`, 'tcp']);
    out.push(['lr-lb-add', lr, `lb${i}`]);
    for (let j = 0; j < vms; j++) {
      const port = `${ls}-vm${j}`;
      out.push(
        ['lsp-add', ls, port],
        ['lsp-set-addresses', port, `0a:03:${hex2(a)}:${hex2(b)}:00:${hex2(j + 10)} 10.${a}.${b}.${j + 10}`],
      );
    }
  }
  return out;
}

const quote = (a: string): string => (/^[A-Za-z0-9_./:=,-]+$/.test(a) ? a : `"${a}"`);

export function routerScript(routers: number, vms: number): string {
  return commands(routers, vms)
    .map((c) => `ovn-nbctl ${c.map(quote).join(' ')}\n`)
    .join('');
}

export function routerNbctlArgs(routers: number, vms: number): string[] {
  return commands(routers, vms).flatMap((c, i) => (i ? ['--', ...c] : c));
}

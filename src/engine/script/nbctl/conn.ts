// ovn-nbctl connection and SSL commands (set-connection … del-ssl): NB_Global's remotes, as 23.03 sets them.
import type { AnyRow } from '../../nb/txn.ts';
import { hasOpt, print, type CmdContext } from './context.ts';
import type { CommandSpec } from './spec.ts';

const nbGlobal = (ctx: CmdContext): AnyRow => [...ctx.txn.rows('NB_Global').values()][0];

function getConnection(ctx: CmdContext): void {
  const targets = [...new Set([...ctx.txn.rows('Connection').values()].map((c) => String(c.target)))].sort();
  for (const t of targets) print(ctx, `${t}\n`);
}

function deleteConnections(ctx: CmdContext): void {
  for (const u of [...ctx.txn.rows('Connection').keys()]) ctx.txn.delete('Connection', u);
  ctx.txn.update('NB_Global', nbGlobal(ctx)._uuid, { connections: [] });
}

function setConnection(ctx: CmdContext): void {
  deleteConnections(ctx);
  const probe = ctx.options.get('--inactivity-probe');
  const rows = ctx.argv.slice(1).map((target) => {
    const values: Record<string, unknown> = { target };
    if (probe !== undefined) values.inactivity_probe = parseInt(probe, 10) || 0;
    return ctx.txn.insert('Connection', values)._uuid;
  });
  ctx.txn.update('NB_Global', nbGlobal(ctx)._uuid, { connections: [...rows].sort() });
}

function getSsl(ctx: CmdContext): void {
  const ssl = [...ctx.txn.rows('SSL').values()][0];
  if (!ssl) return;
  print(
    ctx,
    `Private key: ${String(ssl.private_key)}\nCertificate: ${String(ssl.certificate)}\nCA Certificate: ${String(ssl.ca_cert)}\nBootstrap: ${ssl.bootstrap_ca_cert ? 'true' : 'false'}\n`,
  );
}

function delSsl(ctx: CmdContext): void {
  const ssl = [...ctx.txn.rows('SSL').values()][0];
  if (!ssl) return;
  ctx.txn.delete('SSL', ssl._uuid);
  ctx.txn.update('NB_Global', nbGlobal(ctx)._uuid, { ssl: undefined });
}

function setSsl(ctx: CmdContext): void {
  const old = [...ctx.txn.rows('SSL').values()][0];
  if (old) ctx.txn.delete('SSL', old._uuid);
  const values: Record<string, unknown> = {
    private_key: ctx.argv[1],
    certificate: ctx.argv[2],
    ca_cert: ctx.argv[3],
    bootstrap_ca_cert: hasOpt(ctx, '--bootstrap'),
  };
  if (ctx.argv.length >= 5) values.ssl_protocols = ctx.argv[4];
  if (ctx.argv.length === 6) values.ssl_ciphers = ctx.argv[5];
  const ssl = ctx.txn.insert('SSL', values);
  ctx.txn.update('NB_Global', nbGlobal(ctx)._uuid, { ssl: ssl._uuid });
}

export const connCommands: CommandSpec[] = [
  { name: 'get-connection', min: 0, max: 0, options: '', run: getConnection },
  { name: 'del-connection', min: 0, max: 0, options: '', run: deleteConnections },
  { name: 'set-connection', min: 1, max: Infinity, options: '--inactivity-probe=', run: setConnection },
  { name: 'get-ssl', min: 0, max: 0, options: '', run: getSsl },
  { name: 'del-ssl', min: 0, max: 0, options: '', run: delSsl },
  { name: 'set-ssl', min: 3, max: 5, options: '--bootstrap', run: setSsl },
];

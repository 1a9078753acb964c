// printf's "%-W.Ps" / "%W.Ps" for the column layouts ovn-nbctl prints.
export function cfmt(s: string, width: number, precision = Infinity, left = true): string {
  const t = s.length > precision ? s.slice(0, precision) : s;
  return left ? t.padEnd(width) : t.padStart(width);
}

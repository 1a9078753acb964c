// JSON as OVS's json_to_string prints it with JSSF_PRETTY (ovn-nbctl --pretty -f json): one member
// or element per line, two spaces per level, closing brackets on the last element's line.
export function prettyJson(value: unknown, depth = 0): string {
  const indent = (d: number): string => '\n' + '  '.repeat(d);
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return '[' + value.map((v) => indent(depth + 1) + prettyJson(v, depth + 1)).join(',') + ']';
  }
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${prettyJson(v, depth + 1)}`);
    return '{' + indent(depth + 1) + members.join(',' + indent(depth + 1)) + '}';
  }
  return JSON.stringify(value);
}

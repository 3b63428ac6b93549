/** Rows gathered under a key, each mapped to what the group holds; groups keep the rows' order. */
export function groupBy<R, K, T>(rows: Iterable<R>, split: (row: R) => [K, T]): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const [key, value] = split(row);
    const members = groups.get(key);
    if (members) members.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

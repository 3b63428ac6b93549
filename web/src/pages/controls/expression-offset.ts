/** The character offset of a 1-based line and column, for putting the caret on an expression error. */
export function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  const lineIndex = Math.min(Math.max(line, 1), lines.length) - 1;
  const before = lines.slice(0, lineIndex).reduce((total, current) => total + current.length + 1, 0);
  return before + Math.min(Math.max(column - 1, 0), lines[lineIndex]!.length);
}

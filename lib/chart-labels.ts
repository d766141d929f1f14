/**
 * A bar's label in lines of at most `maxChars` characters, broken between words, one part of
 * "group, place" per line at least: a long label wraps instead of being cut off at the canvas's
 * edge on a phone. A single word longer than the limit keeps its own line whole.
 */
export function barLabelLines(label: string, maxChars: number): string[] {
  const parts = label.split(', ').filter((part) => part.trim());
  if (!parts.length) return [label];
  return parts.flatMap((part) => {
    const lines: string[] = [];
    let line = '';
    // Broken at spaces only: a no-break space keeps its words together, as it asks.
    for (const word of part.split(/[ \t\n]+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > maxChars) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    return line ? [...lines, line] : lines.length ? lines : [part];
  });
}

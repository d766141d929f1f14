/**
 * A bar's label in lines of at most `maxChars` characters, broken between words, one part of
 * "group, place" per line at least: a long label wraps instead of being cut off at the canvas's
 * edge on a phone. A single word longer than the limit keeps its own line whole.
 */
export function barLabelLines(label: string, maxChars: number): string[] {
  return label.split(', ').flatMap((part) => {
    const lines: string[] = [];
    let line = '';
    for (const word of part.split(/\s+/).filter(Boolean)) {
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

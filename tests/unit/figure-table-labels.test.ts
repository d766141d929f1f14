import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '@/app/ui/figure-table';

describe("All reports on a narrow screen", () => {
  it('labels each cell with its column, in the table’s order (the labels live in the stylesheet)', () => {
    const css = fs.readFileSync(path.resolve('app/globals.css'), 'utf8');
    const labels = [...css.matchAll(/table\.reflow td:nth-child\((\d+)\)::before \{ content: "([^"]*): "; content: "\2: " \/ ""; \}/g)]
      .map(([, n, label]) => [Number(n), label]);
    expect(labels).toEqual(COLUMNS.map((c, i) => [i + 1, c]));
  });
});

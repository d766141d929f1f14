import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '@/app/ui/figure-table';
import { SERIES_COLUMNS } from '@/app/ui/series-reports';
import { SOURCE_FIGURE_COLUMNS } from '@/app/ui/source-figures';

describe('report tables on a narrow screen', () => {
  const css = fs.readFileSync(path.resolve('app/globals.css'), 'utf8');
  const labelsOf = (table: string) =>
    [...css.matchAll(/table\.reflow\.([a-z-]+) td:nth-child\((\d+)\)::before \{ content: "([^"]*): "; content: "\3: " \/ ""; \}/g)]
      .filter(([, name]) => name === table)
      .map(([, , n, label]) => [Number(n), label]);

  it('label each cell with its column, in the table’s order (the labels live in the stylesheet)', () => {
    expect(labelsOf('reports')).toEqual(COLUMNS.map((c, i) => [i + 1, c]));
    expect(labelsOf('series-reports')).toEqual(SERIES_COLUMNS.map((c, i) => [i + 1, c]));
    expect(labelsOf('source-figures')).toEqual(SOURCE_FIGURE_COLUMNS.map((c, i) => [i + 1, c]));
  });
});

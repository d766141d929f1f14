import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import AboutPage from '@/app/(public)/about/page';
import { closeDb } from '@/db/index';
import { createSeededTestDb, createTestDb } from '../helpers/db';
import { restoreEnv } from '../helpers/env';

const original = process.env.DATABASE_PATH;
let cleanup = () => {};
afterEach(() => {
  closeDb();
  restoreEnv('DATABASE_PATH', original);
  cleanup();
});

const render = (make: typeof createTestDb) => {
  const made = make();
  cleanup = made.cleanup;
  process.env.DATABASE_PATH = made.file;
  return renderToStaticMarkup(AboutPage());
};

describe('the data guide', () => {
  it('takes its metrics and its examples’ event and metric from the database', () => {
    const html = render(createSeededTestDb);
    expect(html).toContain('<code>deaths</code>');
    expect(html).toContain('<code>#affected+killed</code>');
    expect(html).toContain('href="/api/figures.csv?event=kazakhstan-2022-unrest&amp;status=all"');
    expect(html).toContain('(an event’s figures, retracted');
    expect(html).toContain('href="/api/figures?metric=deaths&amp;limit=20"');
    expect(html).toContain('(the first 20 figures of a metric)');
  });

  it('still reads on an empty database: no metrics yet, and examples without an event or metric', () => {
    const html = render(createTestDb);
    expect(html).toContain('No metrics have been defined yet.');
    expect(html).not.toContain('<code>deaths</code>');
    expect(html).toContain('href="/api/figures.csv?status=all"');
    expect(html).toContain('(every figure, retracted');
    expect(html).toContain('href="/api/figures?limit=20"');
    expect(html).toContain('(the first 20 figures)');
  });
});

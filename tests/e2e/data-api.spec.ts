import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { EventPage } from './event-page';
import { expect, test } from './fixtures';

const parse = (text: string) => {
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, delimiter: ',' });
  expect(result.errors).toEqual([]);
  return result.data;
};
// What the seed holds, read independently of the application.
const seed = parse(fs.readFileSync(path.resolve('seed/kazakhstan-2022-reports.csv'), 'utf8'));
const today = () => new Date().toISOString().slice(0, 10);

test('the dashboard’s CSV link downloads the event’s figures with their name and type', async ({ page }) => {
  const url = '/api/figures.csv?event=kazakhstan-2022-unrest';
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.headers()['content-disposition']).toBe(`attachment; filename="kazakhstan-2022-unrest-figures-${today()}.csv"`);

  // The link a reader clicks on the event page.
  await page.goto('/events/kazakhstan-2022-unrest');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download all figures, retracted ones included and marked (CSV)' }).click();
  const download = await downloading;
  // "All figures": retracted ones too, and the name says so.
  expect(download.suggestedFilename()).toBe(`kazakhstan-2022-unrest-with-retracted-figures-${today()}.csv`);
  const rows = parse(fs.readFileSync((await download.path())!, 'utf8'));
  // Every seeded report is there as the seed file has it (other tests may add more).
  const key = (r: Record<string, string>) => [r.metric, r.group, r.location, r.value_best, r.reported_on].join('|');
  const downloaded = new Set(rows.map(key));
  expect(seed.filter((r) => !downloaded.has(key(r)))).toEqual([]);

  // A row with no web address still leads to its source: source_id is its page on the site,
  // which holds the full text of the address to parliament.
  const address = rows.find((r) => r.reporting_body?.includes('address to parliament'))!;
  expect(address.source_url).toBe('');
  await page.goto(`/sources/${address.source_id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(address.source_title!);
  await expect(page.locator('#full-text')).toBeVisible();

  // Each row says where it stands in its count, as the figure's own page does: the official toll's
  // one latest report, and the reports it replaced (164, 225) superseded.
  const toll = rows.filter((r) => r.metric === 'deaths' && r.group === 'all' && r.location === 'Kazakhstan');
  expect(toll.filter((r) => r.standing === 'latest')).toHaveLength(1);
  expect(toll.filter((r) => ['164', '225'].includes(r.value_best!)).map((r) => r.standing)).toEqual(['superseded', 'superseded']);
  for (const r of toll) {
    await page.goto(`/figures/${r.figure_id}`);
    const heading = page.getByRole('heading', { level: 1 });
    if (r.standing === 'latest') await expect(heading).not.toContainText(/\((superseded|retracted)\)/);
    else await expect(heading).toContainText(`(${r.standing})`);
  }
});

test('a chart’s CSV is named for what it holds, apart from the whole event’s', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto('kazakhstan-2022-unrest');
  const names: string[] = [];
  for (const title of ['Deaths by group and place', 'Deaths as reported over time']) {
    // The chart draws after the page hydrates and pushes the link down: clicked once it is drawn.
    await expect(event.panel(title).locator('canvas')).toBeVisible();
    const downloading = page.waitForEvent('download');
    await event.panel(title).getByRole('link', { name: 'Download CSV' }).click();
    const download = await downloading;
    names.push(download.suggestedFilename());
    const rows = parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(new Set(rows.map((r) => r.metric))).toEqual(new Set(['deaths']));
  }
  expect(names).toEqual([`kazakhstan-2022-unrest-deaths-figures-${today()}.csv`, `kazakhstan-2022-unrest-deaths-with-retracted-figures-${today()}.csv`]);
});

test('every page’s footer downloads every figure of every event, retracted ones marked', async ({ page }) => {
  await page.goto('/');
  const downloading = page.waitForEvent('download');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Download every figure (CSV)' }).click();
  const rows = parse(fs.readFileSync((await (await downloading).path())!, 'utf8'));
  const key = (r: Record<string, string>) => [r.metric, r.group, r.location, r.value_best, r.reported_on].join('|');
  const downloaded = new Set(rows.map(key));
  expect(seed.filter((r) => !downloaded.has(key(r)))).toEqual([]);
  expect(new Set(rows.map((r) => r.status))).toContain('published');
  expect(rows.every((r) => r.status === 'published' || (r.status === 'retracted' && r.retraction_reason !== ''))).toBe(true);
});

test('a filtered download holds only the figures asked for', async ({ page }) => {
  const res = await page.request.get('/api/figures.csv?event=kazakhstan-2022-unrest&metric=deaths');
  expect(res.status()).toBe(200);
  const rows = parse(await res.text());
  const deaths = seed.filter((r) => r.metric === 'deaths');
  expect(deaths.length).toBeGreaterThan(3);
  expect(rows).toHaveLength(deaths.length);
  expect(new Set(rows.map((r) => r.metric))).toEqual(new Set(['deaths']));
  expect(rows.map((r) => r.value_best)).toEqual(deaths.map((r) => r.value_best));
});

test('the JSON API walks all 35 figures a few at a time', async ({ page }) => {
  const ids = new Set<number>();
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await page.request.get(`/api/figures?event=kazakhstan-2022-unrest&limit=6${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { data: Array<{ id: number; event: { slug: string }; source: { reportingBody: string } }>; nextCursor: string | null };
    expect(body.data.length).toBeLessThanOrEqual(6);
    for (const f of body.data) {
      expect(f.event.slug).toBe('kazakhstan-2022-unrest');
      expect(f.source.reportingBody).not.toBe('');
      ids.add(f.id);
    }
    cursor = body.nextCursor;
    pages++;
  } while (cursor);
  expect(ids.size).toBe(35);
  expect(pages).toBe(6);

  // A cursor continues its own listing only: with another filter it would skip that listing's
  // figures before its id, so it is refused.
  const first = (await (await page.request.get('/api/figures?event=kazakhstan-2022-unrest&limit=6')).json()) as { nextCursor: string };
  const reused = await page.request.get(`/api/figures?event=kazakhstan-2022-unrest&metric=deaths&limit=6&cursor=${first.nextCursor}`);
  expect(reused.status()).toBe(400);
  expect((await reused.json()).error).toMatch(/^cursor: this cursor continues a listing with other filters/);
});

test('a bad filter is answered 400 with a message naming it', async ({ page }) => {
  const csv = await page.request.get('/api/figures.csv?event=kazakhstan-2022-unrest&from=2022-13-01');
  expect(csv.status()).toBe(400);
  expect(await csv.json()).toMatchObject({ error: 'from: "2022-13-01" is not a date; use YYYY-MM-DD, like 2022-01-11.' });
  const json = await page.request.get('/api/figures?limit=9999');
  expect(json.status()).toBe(400);
  expect(await json.json()).toMatchObject({ error: 'limit: use a whole number from 1 to 500.' });
  // Every problem in one answer, an unknown parameter's among them.
  const several = await page.request.get('/api/figures?limit=0&foo=1');
  expect((await several.json()).errors.map((e: { parameter: string }) => e.parameter)).toEqual(['foo', 'limit']);
  const unknown = await page.request.get('/api/figures.csv?event=atlantis-2020');
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: 'event: there is no event with the slug "atlantis-2020".' });
  // A metric key mistyped: the answer names the keys there are.
  const metric = await page.request.get('/api/figures?metric=death');
  expect(metric.status()).toBe(404);
  expect((await metric.json()).error).toMatch(/^metric: there is no metric with the key "death"; known metrics: deaths, injured, detained, /);
});

test('a place or group typed in another letter case finds the same figures, in the CSV and the JSON', async ({ page }) => {
  const ids = async (query: string) => ((await (await page.request.get(`/api/figures?${query}&status=all&limit=500`)).json()) as { data: Array<{ id: number; location: string; group: string }> }).data;
  const almaty = await ids('location=Almaty');
  // The seed's reports from Almaty at least (a test before may have added some).
  expect(almaty.length).toBeGreaterThanOrEqual(seed.filter((r) => r.location === 'Almaty').length);
  expect(almaty.length).toBeGreaterThan(0);
  for (const location of ['almaty', 'ALMATY']) {
    expect(await ids(`location=${location}`)).toEqual(almaty);
    const csv = await page.request.get(`/api/figures.csv?location=${location}&status=all`);
    expect(parse(await csv.text()).map((r) => Number(r.figure_id))).toEqual(almaty.map((f) => f.id));
  }
  const lawEnforcement = await ids('group=law%20enforcement');
  expect(lawEnforcement.length).toBeGreaterThan(0);
  expect(await ids('group=Law%20Enforcement')).toEqual(lawEnforcement);
  // Misspelt, a place is answered 404 with a message naming it, not with an empty list or file.
  for (const route of ['/api/figures', '/api/figures.csv']) {
    const res = await page.request.get(`${route}?location=Almaty%20region`);
    expect(res.status()).toBe(404);
    // It names the places there are, so the right spelling is at hand.
    const error = (await res.json()).error as string;
    expect(error).toMatch(/^location: no figure is for the place "Almaty region" \(in any letter case\); the places: /);
    expect(error).toContain('"Almaty"');
    expect(error).toContain('"Kazakhstan"');
  }
});

test('a page on another website can read the data API from the browser, errors and the CSV’s name included', async ({ browser, baseURL }) => {
  // A page of another origin (localhost, where the tests use 127.0.0.1), its own script calling
  // the API as a notebook's would (its CSP, which allows only its own origin, bypassed for that).
  const context = await browser.newContext({ bypassCSP: true });
  const other = await context.newPage();
  await other.goto(`${baseURL!.replace('127.0.0.1', 'localhost')}/about`);
  const read = (url: string) =>
    other.evaluate(async (u) => {
      const res = await fetch(u);
      return { status: res.status, body: await res.text(), name: res.headers.get('content-disposition') };
    }, `${baseURL}${url}`);
  const json = await read('/api/figures?event=kazakhstan-2022-unrest&metric=deaths&limit=2');
  expect(json.status).toBe(200);
  expect(JSON.parse(json.body).data).toHaveLength(2);
  const bad = await read('/api/figures?limit=0');
  expect(bad.status).toBe(400);
  expect(JSON.parse(bad.body).errors[0].parameter).toBe('limit');
  const csv = await read('/api/figures.csv?event=kazakhstan-2022-unrest');
  expect(csv.body.startsWith('event_slug,event_name,')).toBe(true);
  expect(csv.name).toBe(`attachment; filename="kazakhstan-2022-unrest-figures-${today()}.csv"`);
  // The admin is not readable from another site.
  await expect(other.evaluate((u) => fetch(u).then((r) => r.status), `${baseURL}/admin/login`)).rejects.toThrow(/Failed to fetch/);
  await context.close();
});

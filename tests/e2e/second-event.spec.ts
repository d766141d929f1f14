import { openDatabase } from '@/db/index';
import { ensureEvent } from '@/db/queries/catalog';
import { importCsvText } from '@/lib/import/run';
import { EventPage } from './event-page';
import { expect, test } from './fixtures';

const SLUG = 'bishkek-test-unrest';
const HEADER =
  'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,publisher,source_title,source_url,quote,note,status,retraction_reason';
const PAPER = '"Газета ""Вечерний Бишкек""",Погибшие в Бишкеке,https://example.org/статья';

test.beforeAll(() => {
  // Made through the data layer, as an editor's import would: nothing here is Kazakhstan's.
  const db = openDatabase(process.env.E2E_DATABASE_PATH);
  try {
    const actor = { userId: null, label: 'e2e: second event' };
    ensureEvent(db, { slug: SLUG, name: 'Беспорядки в Бишкеке', country: 'Кыргызстан', startDate: '2020-10-05', endDate: '2020-10-15', description: 'Тестовое событие.' }, actor);
    const csv = [
      HEADER,
      `${SLUG},deaths,all,Кыргызстан,about,225,230,238,people,2020-10-07,Министерство здравоохранения,${PAPER},,,,`,
      `${SLUG},deaths,all,Кыргызстан,exact,,1,,people,2020-10-06,Министерство здравоохранения,24.kg,Первые данные,https://example.org/first,,первое сообщение,,`,
      `${SLUG},deaths,all,Кыргызстан,exact,,400,,people,2020-10-08,Неизвестный канал,Telegram,,https://example.org/rumour,,,retracted,не подтверждено`,
      `${SLUG},injured,гражданские лица,Бишкек,more_than,,1200,,people,2020-10-07,Министерство здравоохранения,${PAPER},"Более 1200 человек получили ранения.",,,`,
      `${SLUG},detained,all,Кыргызстан,unknown,,,,people,2020-10-08,МВД,24.kg,,https://example.org/detained,,,,`,
      `${SLUG},businesses_affected,all,Бишкек,about,10,,20,businesses,2020-10-08,МВД,24.kg,,https://example.org/detained,,,,`,
    ].join('\n');
    expect(importCsvText(db, csv, actor).errors).toEqual([]);
  } finally {
    db.$client.close();
  }
});

test('a second event with Cyrillic names, a range and a retraction renders with nothing of the first dataset', async ({ page }) => {
  const event = new EventPage(page);
  await event.goto(SLUG);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Беспорядки в Бишкеке');
  // Six reports, one of them retracted, from four sources: the count says which.
  await expect(page.locator('.summary')).toContainText('6 reports (1 retracted) from 4 sources.');
  const deaths = event.card('Deaths', 'Кыргызстан');
  await expect(deaths.locator('.card-value')).toHaveText('about 225–238');
  // The range's best estimate follows its unit: the timeline places the report at it.
  await expect(deaths.locator('.card-unit')).toHaveText(' people (best estimate 230)');
  // The retracted report is not in the spread, and the card says so.
  await expect(deaths).toContainText('2 reports from 2 sources, ranging from 1 to about 238; 1 retracted report not counted; the figure above is the latest.');
  await expect(event.card('Injured', 'гражданские лица, Бишкек').locator('.card-value')).toHaveText('more than 1,200');
  await expect(event.card('Detained', 'Кыргызстан').locator('.card-value')).toHaveText('being determined');
  // A range given with no best number is the range alone.
  const businesses = event.card('Businesses affected', 'Бишкек');
  await expect(businesses.locator('.card-value')).toHaveText('about 10–20');
  await expect(businesses.locator('.card-unit')).toHaveText(' businesses');

  const citation = deaths.getByRole('link', { name: /^source \d+$/ });
  await citation.click();
  const source = page.locator((await citation.getAttribute('href'))!);
  await expect(source).toContainText('Газета "Вечерний Бишкек": Погибшие в Бишкеке');
  await expect(source.getByRole('link', { name: /Погибшие в Бишкеке/ })).toHaveAttribute('href', 'https://example.org/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F');

  // The later report was retracted: it is shown, marked, and never the headline.
  const timeline = event.panel('Deaths as reported over time');
  await expect(timeline.getByRole('img')).toHaveAttribute(
    'aria-label',
    /Кыргызстан: 1 on 6 October 2020 \(superseded\), then about 225–238 \(best estimate 230\) on 7 October 2020, then 400 on 8 October 2020 \(retracted\)\./,
  );
  await timeline.getByRole('link', { name: 'Table' }).click();
  await expect(page).toHaveURL(/timeline_view=table/);
  expect((await event.tableRows(timeline)).map((r) => [r[1], r[2]])).toEqual([
    ['1 people', 'superseded'],
    ['about 225–238 people (best estimate 230)', 'latest'],
    ['400 people', 'retracted'],
  ]);
  await expect(page.getByRole('region', { name: /All reports/ })).toContainText('retracted: не подтверждено');

  const text = await page.locator('main').innerText();
  for (const foreign of ['Kazakhstan', 'Tokayev', 'KZT', 'Almaty']) expect(text).not.toContain(foreign);
  await page.goto('/');
  await expect(page.getByRole('listitem').filter({ hasText: 'Беспорядки в Бишкеке' })).toContainText('Deaths: about 225–238');

  // The report's own page gives the number in full.
  await event.goto(SLUG);
  await event.card('Deaths', 'Кыргызстан').locator('.card-value').click();
  await expect(page.locator('dt', { hasText: 'Number as reported' }).locator('+ dd')).toHaveText('about 225–238 people (best estimate 230)');
  // Its heading gives the range, as a heading says it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deaths, Кыргызстан: about 225–238 people');
});

import fs from 'node:fs';
import { EventPage } from './event-page';
import { expect, test } from './fixtures';

const KZ = 'kazakhstan-2022-unrest';

/** What the page's clipboard holds now. */
const clipboard = (page: import('@playwright/test').Page) => page.evaluate(() => navigator.clipboard.readText());

test('a page’s citation copies with one press, as text, as a BibTeX entry and as an RIS record', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await new EventPage(page).goto(KZ);
  const cite = page.getByRole('region', { name: 'Cite this page' });
  const text = (await cite.getByLabel('Citation', { exact: true }).textContent())!;
  expect(text).toMatch(/^“January 2022 unrest in Kazakhstan\.” Casualty and damage statistics\. /);

  // By keyboard: the button takes the focus and Enter copies.
  await cite.getByRole('button', { name: 'Copy the citation' }).focus();
  await page.keyboard.press('Enter');
  await expect(cite.getByRole('status').first()).toHaveText('Copied.');
  expect(await clipboard(page)).toBe(text);
  // The word goes after a few seconds, so a copy made later is announced again.
  await expect(cite.getByRole('status').first()).toHaveText('', { timeout: 8000 });

  // The BibTeX entry is folded away until asked for, then copied whole.
  const entry = cite.getByLabel('BibTeX entry', { exact: true });
  await expect(entry).toBeHidden();
  await cite.getByText('BibTeX entry', { exact: true }).click();
  await expect(entry).toBeVisible();
  const bibtex = (await entry.textContent())!;
  expect(bibtex).toMatch(new RegExp(`^@misc\\{cds-events-${KZ},\\n  author = \\{\\{Casualty and damage statistics\\}\\},\\n  title = \\{\\{January 2022 unrest in Kazakhstan\\}\\},\\n  year = \\{20\\d\\d\\},\\n  url = \\{${baseURL!.replace(/[.]/g, '\\.')}/events/${KZ}\\},\\n  urldate = \\{\\d{4}-\\d\\d-\\d\\d\\},\\n  note = \\{Data last updated \\d{1,2} \\w+ 20\\d\\d\\. Accessed \\d{1,2} \\w+ 20\\d\\d\\.\\}\\n\\}$`));
  await cite.getByRole('button', { name: 'Copy the BibTeX entry' }).click();
  await expect(cite.getByRole('status').nth(1)).toHaveText('Copied.');
  expect(await clipboard(page)).toBe(bibtex);

  // The RIS record, copied as it is meant to be read: CRLF lines.
  await cite.getByText('RIS record (EndNote, Zotero, Mendeley)').click();
  const record = cite.getByLabel('RIS record', { exact: true });
  await expect(record).toBeVisible();
  const ris = (await record.textContent())!;
  expect(ris).toMatch(new RegExp(`^TY  - ELEC\nAU  - Casualty and damage statistics,\nTI  - January 2022 unrest in Kazakhstan\nT2  - Casualty and damage statistics\nPY  - 20\\d\\d\nDA  - 20\\d\\d/\\d\\d/\\d\\d\nY2  - 20\\d\\d/\\d\\d/\\d\\d\nUR  - ${baseURL!.replace(/[.]/g, '\\.')}/events/${KZ}\nN1  - Data last updated .+\\. Accessed .+\\.\nER  - \n$`));
  await cite.getByRole('button', { name: 'Copy the RIS record' }).click();
  await expect(cite.getByRole('status').nth(2)).toHaveText('Copied.');
  expect(await clipboard(page)).toBe(ris.replace(/\n/g, '\r\n'));
});

test('without JavaScript a figure’s page offers every citation to select and the RIS file to download, and no button that cannot work', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await new EventPage(page).goto(KZ);
  await new EventPage(page).card('Deaths', 'Kazakhstan').getByRole('link', { name: '230', exact: true }).click();
  const id = new URL(page.url()).pathname.split('/').at(-1);
  const cite = page.getByRole('region', { name: 'Cite this page' });
  await expect(cite.getByLabel('Citation', { exact: true })).toContainText(`Casualty and damage statistics, figure ${id}, revision 1.`);
  await expect(cite.getByRole('button')).toHaveCount(0);
  await cite.getByText('BibTeX entry', { exact: true }).click();
  const entry = cite.getByLabel('BibTeX entry', { exact: true });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(`@misc{cds-figures-${id},`);
  await expect(entry).toContainText('title = {{Deaths, Kazakhstan: 230 people, reported by Prosecutor General Berik Asylov (Mazhilis plenary) on 14 March 2022; January 2022 unrest in Kazakhstan}},');
  await expect(entry).toContainText(`note = {figure ${id}, revision 1. Data last updated`);

  // The RIS file downloads from the page itself, no script needed, named after the figure.
  await cite.getByText('RIS record (EndNote, Zotero, Mendeley)').click();
  const [download] = await Promise.all([page.waitForEvent('download'), cite.getByRole('link', { name: 'Download the RIS file' }).click()]);
  expect(download.suggestedFilename()).toBe(`cds-figures-${id}.ris`);
  const bytes = fs.readFileSync((await download.path())!);
  // UTF-8 with a byte-order mark, for EndNote on Windows.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const file = bytes.subarray(3).toString('utf8');
  expect(file).toMatch(/^TY  - ELEC\r\nAU  - Casualty and damage statistics,\r\nTI  - Deaths, Kazakhstan: 230 people, reported by Prosecutor General Berik Asylov \(Mazhilis plenary\) on 14 March 2022; January 2022 unrest in Kazakhstan\r\n/);
  expect(file).toContain(`\r\nUR  - ${new URL(page.url()).origin}/figures/${id}\r\nN1  - figure ${id}, revision 1. Data last updated `);
  expect(file.endsWith('\r\nER  - \r\n')).toBe(true);
  expect(file.replace(/\r\n/g, '\n')).toBe(await cite.getByLabel('RIS record', { exact: true }).textContent());
  await context.close();
});

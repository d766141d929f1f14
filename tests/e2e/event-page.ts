import type { Locator, Page } from '@playwright/test';

/** The event dashboard, seen the way a reader finds things on it: by roles and names. */
export class EventPage {
  constructor(readonly page: Page) {}

  async goto(slug: string, query = '') {
    const res = await this.page.goto(`/events/${slug}${query}`);
    return res;
  }

  /** The headline card of a metric for a group and place, by its heading text. */
  card(metricLabel: string, scope: string): Locator {
    return this.page.getByRole('article').filter({ has: this.page.getByRole('heading', { level: 4, name: `${metricLabel} ${scope}`, exact: true }) });
  }

  panel(title: RegExp | string): Locator {
    return this.page.getByRole('region', { name: title });
  }

  sources(): Locator {
    return this.page.getByRole('region', { name: 'Sources' });
  }

  /** The rows of a panel's table as [label, figure, ...] cell texts. */
  async tableRows(panel: Locator): Promise<string[][]> {
    return panel.locator('table tbody tr').evaluateAll((rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
    );
  }
}

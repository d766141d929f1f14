import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SelectField } from '@/app/admin/ui/fields';

const options = [{ value: 1, label: 'Reuters, 5 January 2022' }, { value: 2, label: 'TASS, 10 January 2022' }];
const render = (state: Parameters<typeof SelectField>[0]['state']) =>
  renderToStaticMarkup(createElement(SelectField, { name: 'sourceId', label: 'Existing source', state, options, blank: 'Choose…' }));

describe('a select of the admin forms', () => {
  it('offers a choice an answer needs that the page’s list lacks (the other editor’s new source), selected', () => {
    const html = render({ status: 'error', values: { sourceId: '9' }, choices: { sourceId: { value: '9', label: 'A body added meanwhile, 20 January 2022' } } });
    expect(html).toContain('<option value="9" selected="">A body added meanwhile, 20 January 2022</option>');
    expect(html.match(/<option/g)).toHaveLength(4);
  });

  it('does not repeat a choice the list has', () => {
    const html = render({ status: 'error', values: { sourceId: '2' }, choices: { sourceId: { value: '2', label: 'TASS, 10 January 2022' } } });
    expect(html.match(/<option/g)).toHaveLength(3);
    expect(html).toContain('<option value="2" selected="">TASS, 10 January 2022</option>');
  });
});

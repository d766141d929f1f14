import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Html, escapeHtml, html } from '@/lib/html';
import { hostileString, propertyRuns } from '../helpers/hostile';

/** What a browser reads back from escaped text: the entities escapeHtml writes, and no others. */
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'" })[e]!);

describe('html, the markup template', () => {
  it('escapes text between tags and in attributes as React does', () => {
    expect(html`<p title="${'a "b" & <c>'}">${"<script>alert('x')</script>"}</p>`.toString()).toBe(
      '<p title="a &quot;b&quot; &amp; &lt;c&gt;">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</p>',
    );
  });

  it('keeps markup made by html as it is, in lists too, and writes nothing for null, undefined and false', () => {
    const item = (s: string) => html`<li>${s}</li>`;
    expect(html`<ul>${['a', '<b>'].map(item)}${null}${undefined}${false}</ul>`.toString()).toBe('<ul><li>a</li><li>&lt;b&gt;</li></ul>');
    expect(html`${[[html`<i>${1}</i>`], 2.5, 0]}`.toString()).toBe('<i>1</i>2.50');
  });

  it('refuses what it cannot write faithfully: a number that is not finite, an object, markup not made by html', () => {
    expect(() => html`${Number.NaN}`).toThrow(/not a number/);
    expect(() => html`${Infinity}`).toThrow(/not a number/);
    expect(() => html`${{ toString: () => '<b>' } as unknown as string}`).toThrow(/cannot write a object/);
    expect(() => html`${true as unknown as string}`).toThrow(/cannot write a boolean/);
    expect(() => new Html(Symbol('html'), '<script>')).toThrow(/html template only/);
    // Called as a plain function, or given an object dressed as markup, it refuses rather than trusts.
    expect(() => html(['<img src=x onerror=alert(1)>'] as unknown as TemplateStringsArray)).toThrow(/a tag for template literals/);
    const dressed = Object.assign(Object.create(Html.prototype) as object, { toString: () => '<img src=x onerror=alert(1)>' });
    expect(() => html`<p>${dressed as Html}</p>`).toThrow(/cannot write a object/);
  });

  it('writes any text so that it reads back the same and cannot open a tag, end an attribute or start an entity of its own', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const escaped = escapeHtml(s);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(/&(amp|lt|gt|quot|#x27);/g, '')).not.toContain('&');
        expect(unescape(escaped)).toBe(s);
        expect(html`<a title="${s}">${s}</a>`.toString()).toBe(`<a title="${escaped}">${escaped}</a>`);
      }),
      propertyRuns(500),
    );
  });
});

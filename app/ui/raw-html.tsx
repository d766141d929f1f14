import type { Html } from '@/lib/html';

/**
 * An element whose content is markup made by `html` (lib/html.ts, which escaped every value in
 * it): the one place the site hands React markup as a string. React serializes it as one string
 * rather than element by element, and leaves it as it is when the page hydrates.
 */
export function RawHtml({ html, as: Tag = 'div', className }: { html: Html; as?: 'div' | 'span' | 'ol'; className?: string }) {
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html.toString() }} />;
}

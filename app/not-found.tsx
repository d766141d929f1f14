import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. What it showed may have been renamed, or the link mistyped.</p>
      <p>
        <Link href="/">See all events</Link>
      </p>
    </>
  );
}

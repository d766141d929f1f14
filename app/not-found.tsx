import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. The event may have been renamed, or the link mistyped.</p>
      <p>
        <Link href="/">See all events</Link>
      </p>
    </>
  );
}

import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Casualty and damage statistics', template: '%s · Casualty and damage statistics' },
  description: 'How many people were killed, injured and detained in a crisis, and how much was destroyed: every number with the source that published it.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, colorScheme: 'light dark' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so each gets its own CSP nonce
  // (Next puts it on its scripts); a prerendered page's scripts would carry none and be blocked.
  await headers();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <Link href="/" className="site-name">Casualty and damage statistics</Link>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>
            Every figure cites the source that published it. <a href="/api/figures.csv?status=all">Download every figure (CSV)</a>, retracted
            ones included, marked as such. <a href="/about">About the data</a>: how figures are sourced, worded and revised, and the
            data API.
          </p>
        </footer>
      </body>
    </html>
  );
}

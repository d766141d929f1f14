import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Casualty and damage statistics', template: '%s · Casualty and damage statistics' },
  description: 'How many people were killed, injured and detained in a crisis, and how much was destroyed: every number with the source that published it.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, colorScheme: 'light dark' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <Link href="/" className="site-name">Casualty and damage statistics</Link>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>Every figure cites the source that published it. Data can be downloaded as CSV.</p>
        </footer>
      </body>
    </html>
  );
}

import Link from 'next/link';
import type { ChartView } from '@/lib/url-state';

/** Chart or table: two links, so the choice lives in the URL and works without JavaScript. */
export function ViewSwitch({ label, current, chartHref, tableHref }: { label: string; current: ChartView; chartHref: string; tableHref: string }) {
  return (
    <nav className="view-switch" aria-label={`${label}: view`}>
      <Link href={chartHref} scroll={false} aria-current={current === 'chart' ? 'true' : undefined}>Chart</Link>
      <Link href={tableHref} scroll={false} aria-current={current === 'table' ? 'true' : undefined}>Table</Link>
    </nav>
  );
}

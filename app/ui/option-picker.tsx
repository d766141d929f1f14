import Link from 'next/link';

/** What a chart shows (a metric, a unit): links, so the choice is in the URL and needs no script. */
export function OptionPicker({ label, options, current, hrefFor }: { label: string; options: Array<{ key: string; label: string }>; current: string; hrefFor: (key: string) => string }) {
  return (
    <nav className="option-picker" aria-label={label}>
      <ul>
        {options.map((o) => (
          <li key={o.key}>
            <Link href={hrefFor(o.key)} scroll={false} aria-current={o.key === current ? 'true' : undefined}>
              {o.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

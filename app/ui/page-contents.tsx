/**
 * The event page's sections, linked at its top: a keyboard user reaches the charts or All reports
 * in one Tab and Enter, not past every card's links (some forty Tabs on the Kazakhstan page).
 * Each link goes to its section's heading; the browser then goes on from there.
 */
export function PageContents({ hasCharts }: { hasCharts: boolean }) {
  const sections = [
    ['#headlines-title', 'Headline figures'],
    ...(hasCharts ? [['#charts-title', 'Charts']] : []),
    ['#all-reports', 'All reports'],
    ['#sources-title', 'Sources'],
    ['#cite-title', 'Cite this page'],
  ];
  return (
    <nav aria-label="On this page" className="page-contents">
      <ul>
        {sections.map(([href, text]) => (
          <li key={href}>
            <a href={href}>{text}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

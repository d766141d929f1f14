/**
 * Sentences a reader should see before what follows (what a link asked for that the page could
 * not show, and what it shows instead), one paragraph each; nothing at all when there are none.
 */
export function NoticeList({ notices }: { notices: readonly string[] }) {
  if (!notices.length) return null;
  return (
    <div className="notice" role="note">
      {notices.map((n) => <p key={n}>{n}</p>)}
    </div>
  );
}

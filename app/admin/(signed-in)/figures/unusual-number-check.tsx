import type { UnusualNumber } from '@/lib/plausibility';

/**
 * After a save stopped to ask about a number far from its series' neighbours (FormState.unusual):
 * why, and the box that confirms it. Drawn unticked with each answer, so a confirmation is always
 * of the warning on screen; it sends the warning's key, which the next save compares.
 */
export function UnusualNumberCheck({ unusual }: { unusual?: UnusualNumber }) {
  if (!unusual) return null;
  return (
    <div className="unusual-number" role="group" aria-labelledby="unusual-number-title">
      <p id="unusual-number-title"><strong>Check this number</strong></p>
      <ul id="unusual-number-reasons">
        {/* The report compared with opens in a new tab: this one keeps the form as typed. */}
        {unusual.reasons.map((r) => (
          <li key={r.figureId}>
            {r.text} (<a href={`/admin/figures/${r.figureId}`} target="_blank" rel="noopener">figure #{r.figureId}<span className="visually-hidden"> (opens in a new tab)</span></a>).
          </li>
        ))}
      </ul>
      <label>
        {/* The answer's focus (FormStatus; autoFocus without JavaScript), described by the reasons. */}
        <input type="checkbox" name="confirmUnusual" value={unusual.key} data-answer-focus autoFocus aria-describedby="unusual-number-reasons" /> The number is right: save it anyway
      </label>
    </div>
  );
}

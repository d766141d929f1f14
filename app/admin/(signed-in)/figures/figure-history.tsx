import { getDb } from '@/db/index';
import { listAuditForEntity } from '@/db/queries/audit-read';
import type { Figure } from '@/db/schema';
import type { FormState } from '@/lib/admin-action';
import { AuditEntryView } from '../../ui/audit-entry-view';
import { restoreFigureAction } from './actions';
import { RestoreForm } from './restore-form';

/** A figure's own history, newest first; any earlier version can be brought back. */
export function FigureHistory({ figure, names, restoring }: { figure: Figure; names: Partial<Record<string, Map<number, string>>>; restoring?: FormState }) {
  const entries = listAuditForEntity(getDb(), 'figure', figure.id);
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History ({entries.length})</h2>
      {entries.map((entry) => {
        const after = entry.after as Partial<Figure> | null;
        const earlier = after && after.revision !== undefined && after.revision !== figure.revision;
        return (
          <AuditEntryView key={entry.id} entry={entry} names={names}>
            {earlier ? (
              <RestoreForm action={restoreFigureAction} figureId={figure.id} revision={figure.revision} auditEntryId={entry.id} label={`Restore revision ${after.revision}`} reasonLabel={`Why restore revision ${after.revision}`} initial={restoring} />
            ) : null}
          </AuditEntryView>
        );
      })}
    </section>
  );
}

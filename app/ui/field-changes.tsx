import { EMPTY, type FieldChange } from '@/lib/audit-diff';

/** A change's fields as a table: each field's value before (struck out) and after. */
export function FieldChanges({ changes, caption, created }: { changes: FieldChange[]; caption: string; created: boolean }) {
  return (
    <table className="diff">
      <caption className="visually-hidden">{caption}</caption>
      <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{c.label}</th>
            <td>{created ? <span className="muted">—</span> : c.before === EMPTY ? <span className="muted">{EMPTY}</span> : <del>{c.before}</del>}</td>
            <td><ins>{c.after}</ins></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

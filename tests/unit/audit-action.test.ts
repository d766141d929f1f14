import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AuditEntryView } from '@/app/admin/ui/audit-entry-view';
import { AUDIT_ACTIONS, type AuditEntry } from '@/db/schema';
import { auditActionWord, isRemoval } from '@/lib/audit-action';
import { diffSnapshots } from '@/lib/audit-diff';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 9, at: '2026-11-26T10:00:00.000Z', userId: 1, actor: 'editor@example.org', action: 'create', entityType: 'source', entityId: 7, before: null, after: null, reason: null, confirmedWarning: null, ...over,
});
const removal = { before: { id: 7, reportingBody: 'Typo Ministry', publisher: '', publishedOn: '2022-01-02' }, after: { removed: true, reason: 'entered twice' } };

describe('audit actions in words', () => {
  it('word every action the database accepts', () => {
    expect(AUDIT_ACTIONS.map((action) => auditActionWord({ action, entityType: 'figure' }))).toEqual(['created', 'edited', 'retracted', 'restored', 'removed']);
  });

  it('read a source\'s `retract`, as removals were written before `remove` existed, as a removal; a figure\'s retraction stays one', () => {
    expect(isRemoval({ action: 'remove', entityType: 'source' })).toBe(true);
    expect(isRemoval({ action: 'retract', entityType: 'source' })).toBe(true);
    expect(auditActionWord({ action: 'retract', entityType: 'source' })).toBe('removed');
    expect(isRemoval({ action: 'retract', entityType: 'figure' })).toBe(false);
    expect(auditActionWord({ action: 'retract', entityType: 'figure' })).toBe('retracted');
  });

  it('show a removal as the record\'s last state struck out and the reason, without the bookkeeping marker', () => {
    expect(diffSnapshots(removal.before, removal.after)).toEqual([
      { field: 'reportingBody', label: 'Reported by', before: 'Typo Ministry', after: '(empty)' },
      { field: 'publishedOn', label: 'Published on', before: '2022-01-02', after: '(empty)' },
      { field: 'reason', label: 'Reason', before: '(empty)', after: 'entered twice' },
    ]);
  });

  it.each([['remove'], ['retract']] as const)('the history entry of a source removal recorded as %j says "removed"', (action) => {
    const html = renderToStaticMarkup(createElement(AuditEntryView, { entry: entry({ action, ...removal }), title: 'Source #7' }));
    expect(html).toContain('Source #7 removed by editor@example.org');
    expect(html).toContain('<del>Typo Ministry</del>');
    expect(html).toContain('<th scope="row">Reason</th>');
    expect(html).not.toContain('removed</th>');
  });
});

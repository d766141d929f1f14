import { describe, expect, it } from 'vitest';
import { answerFitsShown } from '@/app/admin/ui/use-admin-form';

describe('answerFitsShown (which admin form answers stay on screen)', () => {
  it('keeps an answer for the version the page shows', () => {
    expect(answerFitsShown(3, 3)).toBe(true);
    expect(answerFitsShown(undefined, undefined)).toBe(true);
    expect(answerFitsShown('2026-11-27T10:00:00.000Z', '2026-11-27T10:00:00.000Z')).toBe(true);
  });

  it('keeps a refused save’s answer, which names the revision now stored, while the page still shows the one before', () => {
    expect(answerFitsShown(4, 3)).toBe(true);
    // An event's or a source's version is its updatedAt, which sorts as time does.
    expect(answerFitsShown('2026-11-27T10:00:01.000Z', '2026-11-27T10:00:00.000Z')).toBe(true);
  });

  it('drops an answer once the record has moved past it (another form on the page saved)', () => {
    expect(answerFitsShown(3, 4)).toBe(false);
    expect(answerFitsShown('a', 'b')).toBe(false);
    expect(answerFitsShown('2026-11-27T10:00:00.000Z', '2026-11-27T10:00:01.000Z')).toBe(false);
    expect(answerFitsShown('2026-11-27T10:00:00.000Z', 3)).toBe(false);
    expect(answerFitsShown(3, undefined)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { answer, nextKey } from '@/lib/admin-action';
import { IDLE_STATE } from '@/app/admin/ui/idle';

/**
 * The key an admin form is drawn with (FormState.key) is counted on the server, since the form
 * hands the server action itself to useActionState so that it posts without JavaScript.
 */
describe('nextKey', () => {
  it('is the previous answer\'s key plus one, starting from the idle state\'s 0', () => {
    expect(IDLE_STATE.key).toBe(0);
    expect(nextKey(IDLE_STATE)).toBe(1);
    expect(nextKey({ status: 'error', key: 1 })).toBe(2);
    expect(nextKey({ status: 'error', key: 41 })).toBe(42);
  });

  it('starts again at 1 when the previous state has no usable key (an old page, a hostile client)', () => {
    for (const previous of [undefined, null, 'x', 7, {}, { status: 'idle' }, { key: '3' }, { key: -1 }, { key: 1.5 }, { key: Number.NaN }, { key: Infinity }, { key: Number.MAX_SAFE_INTEGER }, { key: 2 ** 60 }]) {
      expect(nextKey(previous)).toBe(1);
    }
  });
});

describe('answer', () => {
  it('keeps everything the action answered and sets the next key, replacing any key the answer had', () => {
    const state = { status: 'error' as const, message: 'No.', errors: { location: ['Required.'] }, values: { location: '' }, key: 99 };
    expect(answer({ status: 'idle', key: 4 }, state)).toEqual({ ...state, key: 5 });
  });
});

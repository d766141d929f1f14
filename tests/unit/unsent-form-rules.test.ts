import { describe, expect, it } from 'vitest';
import { restoredAnswer, UNSENT_RESTORED, unsentFields } from '@/lib/unsent-form-rules';

describe('a kept form’s stored fields', () => {
  it('are read back as the form’s text fields', () => {
    expect(unsentFields('{"note":"typed","valueBest":"43","quote":"«Алматы»"}')).toEqual({ note: 'typed', valueBest: '43', quote: '«Алматы»' });
    expect(unsentFields('{}')).toEqual({});
  });
  it.each(['not json', '[]', 'null', '"text"', '{"note":7}', '{"note":null}', '{"note":{"a":"b"}}'])('are refused whole when they are %s', (json) => {
    expect(unsentFields(json)).toBeNull();
  });
  it('make the answer a form starts with: a refusal saying why, before any answer of the page (key 0)', () => {
    expect(restoredAnswer({ note: 'x' })).toEqual({ status: 'error', message: UNSENT_RESTORED, values: { note: 'x' }, key: 0 });
  });
});

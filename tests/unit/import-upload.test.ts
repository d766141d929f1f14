import { describe, expect, it } from 'vitest';
import { importUploadSchema } from '@/lib/validation/import-upload';
import { MAX_UPLOAD_BYTES } from '@/lib/validation/upload-limit';

const messages = (input: unknown) => {
  const r = importUploadSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('the import upload', () => {
  it('takes a CSV file, and a dry-run box', () => {
    const file = new File(['a,b\n1,2\n'], 'figures.csv', { type: 'text/csv' });
    expect(importUploadSchema.parse({ file, dryRun: 'on' })).toMatchObject({ file, dryRun: true });
    expect(importUploadSchema.parse({ file })).toMatchObject({ dryRun: false });
  });
  it('takes an optional reason, one line of at most 500 characters, as an edit does', () => {
    const file = new File(['a,b\n1,2\n'], 'figures.csv', { type: 'text/csv' });
    expect(importUploadSchema.parse({ file }).reason).toBe('');
    expect(importUploadSchema.parse({ file, reason: ' weekly update ' }).reason).toBe('weekly update');
    expect(messages({ file, reason: 'x'.repeat(501) })).toEqual(['Use at most 500 characters (this has 501).']);
    expect(messages({ file, reason: 'two\nlines' })).toEqual(['Remove the control characters and line breaks.']);
  });
  it('refuses no file, an empty file, a file of another kind and one over the limit', () => {
    expect(messages({ file: null })).toEqual(['Choose a CSV file to import.']);
    expect(messages({ file: 'figures.csv' })).toEqual(['Choose a CSV file to import.']);
    expect(messages({ file: new File([], 'figures.csv') })).toEqual(['Choose a CSV file to import; this one is empty.']);
    expect(messages({ file: new File(['x'], 'figures.xlsx', { type: 'application/vnd.ms-excel' }) })).toEqual(['Choose a .csv file.']);
    const big = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], 'big.csv');
    expect(messages({ file: big })).toEqual(['The file is larger than 20 MB; import it with npm run import instead.']);
  });
});

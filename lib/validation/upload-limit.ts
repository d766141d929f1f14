/**
 * How large a request may be: the admin CSV upload's file limit and what it says when a file is
 * over it, and the limit for every other form (the largest field, a source's full text, is
 * 200,000 characters). Shared by the upload's schema, its form (checked before sending) and
 * proxy.ts (which turns larger bodies away before they are read). No dependencies: the form's
 * bundle and the proxy load it.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const UPLOAD_TOO_LARGE = `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; import it with npm run import instead.`;
/** Whether a file of `bytes` is over the upload's limit (the schema's rule, checked by the form before sending). */
export const isTooLarge = (bytes: number) => bytes > MAX_UPLOAD_BYTES;
/** The upload page's address, whose POSTs carry a file. */
export const IMPORT_PATH = '/admin/import';
/** A multipart body holds the file and a few fields: room for them on top of the file. */
export const IMPORT_BODY_LIMIT = MAX_UPLOAD_BYTES + 1024 * 1024;
export const FORM_BODY_LIMIT = 2 * 1024 * 1024;

/** The largest body a POST to `pathname` may send. */
export function bodyLimitFor(pathname: string): number {
  return pathname === IMPORT_PATH ? IMPORT_BODY_LIMIT : FORM_BODY_LIMIT;
}

import 'server-only';
import { headers } from 'next/headers';

/**
 * Whether this page is drawn as the answer to a form sent without JavaScript (a POST to the
 * page's own address, whose `?saved=…` is the earlier save's): its flash would then stand beside
 * the new answer, which may be a refusal. A page request has no body, so no Content-Type.
 */
export async function answeringAForm(): Promise<boolean> {
  const type = (await headers()).get('content-type') ?? '';
  return type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded');
}

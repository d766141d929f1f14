import 'server-only';
import { headers } from 'next/headers';
import { sentWithScript } from '@/lib/auth/session';

/**
 * Whether this page is drawn as the answer to a form sent without JavaScript (a POST to the
 * page's own address, whose `?saved=…` is the earlier save's): its flash would then stand beside
 * the new answer, a refusal (a save redirects, and the browser asks for the new page). A page
 * request has no body, so no Content-Type. A form sent with JavaScript asks for React's data
 * (Accept: text/x-component), and a save's redirect is drawn in that same request, flash and all
 * (Next drops its Next-Action header for that drawing).
 */
export async function answeringAForm(): Promise<boolean> {
  const type = (await headers()).get('content-type') ?? '';
  return !(await sentWithScript()) && (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded'));
}

import 'server-only';
import { cookies, headers } from 'next/headers';
import { getDb } from '@/db/index';
import { findUnsentForms, forgetUnsentForms, keepUnsentForm } from '@/db/queries/unsent-forms';
import type { SessionUser } from '@/db/queries/sessions';
import { ADMIN_PATH_HEADER } from './auth/return-path';
import { hashSessionToken, SESSION_COOKIE, SESSION_TTL_MS } from './auth/session-token';
import { isDatabaseBusy } from './database-busy';
import { restoredAnswer, unsentFields, UNSENT_FORM_MAX_BYTES, type FormState } from './unsent-form-rules';

/**
 * A form sent without JavaScript after its session ended cannot be answered on its page (the page
 * needs a session) and is sent to sign in: what was typed would be lost. It is kept instead, for
 * the editor whose session the browser still names, and put back into the same form when that
 * editor is next on the page, signed in. Kept for as long as a session lasts.
 */

/** The admin page this request is for, without its query (`?saved=…` changes nothing about the form). */
async function adminPage(): Promise<string | null> {
  const asked = (await headers()).get(ADMIN_PATH_HEADER);
  return asked ? new URL(asked, 'http://this.site').pathname : null;
}

/** Keeps what a form sent; false when it could not be (no session ever named, too large, the database busy). */
export async function keepUnsent(form: string, values: Record<string, string>, now: Date = new Date()): Promise<boolean> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const path = await adminPage();
  const fields = JSON.stringify(values);
  if (!token || !path || Buffer.byteLength(fields) > UNSENT_FORM_MAX_BYTES) return false;
  try {
    return keepUnsentForm(getDb(), {
      tokenHash: hashSessionToken(token),
      path,
      form,
      fields,
      sentAt: now.toISOString(),
      forgetBefore: new Date(now.getTime() - SESSION_TTL_MS).toISOString(),
    });
  } catch (err) {
    if (isDatabaseBusy(err)) return false;
    throw err;
  }
}

/**
 * The answers to put into this page's forms, by form name: what `user` sent from it while signed
 * out, in the last SESSION_TTL_MS. Read once: they are forgotten as they are given.
 */
export async function takeUnsent(user: SessionUser, now: Date = new Date()): Promise<Record<string, FormState>> {
  const path = await adminPage();
  if (!path) return {};
  const db = getDb();
  const found = findUnsentForms(db, user.userId, path);
  if (found.length === 0) return {};
  try {
    forgetUnsentForms(db, found.map((f) => f.id));
  } catch (err) {
    // Given again at the next view, then forgotten.
    if (!isDatabaseBusy(err)) throw err;
  }
  const since = new Date(now.getTime() - SESSION_TTL_MS).toISOString();
  const answers: Record<string, FormState> = {};
  for (const f of found) {
    const values = f.sentAt > since ? unsentFields(f.fields) : null;
    if (values) answers[f.form] = restoredAnswer(values);
  }
  return answers;
}

import { describe, expect, it } from 'vitest';
import { sessionTokenFromCookieHeader } from '@/lib/auth/session-token';
import { bodyRefusal } from '@/lib/body-limit';

const MB = 1024 * 1024;
const post = (url: string, length: number | undefined, more: Record<string, string> = {}) => ({
  method: 'POST',
  url,
  headers: { ...(length === undefined ? {} : { 'content-length': String(length) }), ...more },
});

describe('bodyRefusal', () => {
  const signedIn = () => true;
  const anonymous = () => false;

  it('lets every form of up to 2 MB through, and pages (GET) whatever they declare', () => {
    expect(bodyRefusal(post('/admin/login', 2 * MB), anonymous)).toBeNull();
    expect(bodyRefusal(post('/admin/figures/new?x=1', 1000), anonymous)).toBeNull();
    expect(bodyRefusal({ method: 'GET', url: '/', headers: { 'content-length': String(50 * MB) } }, anonymous)).toBeNull();
  });

  it('refuses more than 2 MB anywhere but the upload, and a length it cannot read', () => {
    expect(bodyRefusal(post('/admin/login', 2 * MB + 1), signedIn)).toEqual({ status: 413, message: 'The request is too large.\n' });
    expect(bodyRefusal(post('/events/x', 3 * MB), signedIn)).toMatchObject({ status: 413 });
    expect(bodyRefusal(post('/admin/login', Number.NaN), signedIn)).toMatchObject({ status: 413 });
    // A body that does not say its length: no form of this site sends one.
    expect(bodyRefusal(post('/admin/login', undefined, { 'transfer-encoding': 'chunked' }), signedIn)).toMatchObject({ status: 411 });
  });

  it('takes an upload of up to 21 MB from a signed-in editor only, and sends a larger one back to its page', () => {
    let asked = 0;
    const counting = () => (asked++, true);
    expect(bodyRefusal(post('/admin/import', 21 * MB), counting)).toBeNull();
    expect(bodyRefusal(post('/admin/import', 1 * MB), counting)).toBeNull();
    // The session is looked up only for a body over the forms' 2 MB.
    expect(asked).toBe(1);
    expect(bodyRefusal(post('/admin/import', 5 * MB), anonymous)).toEqual({ status: 303, location: '/admin/login?next=%2Fadmin%2Fimport' });
    expect(bodyRefusal(post('/admin/import?x', 21 * MB + 1), signedIn)).toEqual({ status: 303, location: '/admin/import?too-large=1' });
    // The allowance is the upload page's address, not a look-alike.
    expect(bodyRefusal(post('/admin/import/', 5 * MB), signedIn)).toMatchObject({ status: 413 });
  });
});

describe('sessionTokenFromCookieHeader', () => {
  it('finds the session cookie among others, and nothing when it is missing or empty', () => {
    expect(sessionTokenFromCookieHeader('a=1; admin_session=abc%2Ddef; b=2')).toBe('abc-def');
    expect(sessionTokenFromCookieHeader('xadmin_session=abc')).toBeUndefined();
    expect(sessionTokenFromCookieHeader('admin_session=')).toBeUndefined();
    expect(sessionTokenFromCookieHeader('admin_session=%E0%A4%A')).toBeUndefined();
    expect(sessionTokenFromCookieHeader(undefined)).toBeUndefined();
  });
});

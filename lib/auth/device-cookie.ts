/**
 * The device cookie's name and attributes (OWASP, "Slow Down Online Guessing Attacks with Device
 * Cookies"). It is sent only to the sign-in page, whose form posts its server action there, and
 * only from this site's own pages (SameSite=Strict); scripts cannot read it (http-only).
 */
export const DEVICE_COOKIE = 'admin_device';
export const DEVICE_COOKIE_PATH = '/admin/login';

export type DeviceCookieOptions = { httpOnly: true; sameSite: 'strict'; secure: boolean; path: string; expires: Date };

/** The attributes the device cookie is set with: Secure when the request came over HTTPS, as the session cookie. */
export function deviceCookieOptions(expiresAt: Date, secure: boolean): DeviceCookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: DEVICE_COOKIE_PATH, expires: expiresAt };
}

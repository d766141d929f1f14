import { describe, expect, it } from 'vitest';
import { adminReturnPath, signInPathFor } from '@/lib/auth/return-path';

describe('the admin page sign-in comes back to', () => {
  it('is a path under /admin of this site, with its query', () => {
    expect(adminReturnPath('/admin/figures/12')).toBe('/admin/figures/12');
    expect(adminReturnPath('/admin/sources?page=2#x')).toBe('/admin/sources?page=2');
    expect(adminReturnPath('/admin/figures/%D0%90')).toBe('/admin/figures/%D0%90');
  });

  it('is never another site, the sign-in page itself, a public page or anything a browser would read as elsewhere', () => {
    for (const raw of [
      '//evil.example/admin/', '/\\evil.example/admin/', 'https://evil.example/admin/', 'http:/admin/x', '/admin/../events', '/admin/%2e%2e/x',
      '/admin/login', '/admin/login?next=/admin/x', '/admin', '/events/x', '', 'admin/figures', '/admin/x\n', '/admin/\u0000', '\t/admin/x',
      '/admin/' + 'a'.repeat(2000), undefined, null, 7, ['/admin/x'],
    ]) {
      expect(adminReturnPath(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it('is carried in the sign-in address only when it is not the default page', () => {
    expect(signInPathFor('/admin/figures/12')).toBe('/admin/login?next=%2Fadmin%2Ffigures%2F12');
    expect(signInPathFor('/admin/figures')).toBe('/admin/login');
    expect(signInPathFor('/admin')).toBe('/admin/login');
    expect(signInPathFor('//evil.example')).toBe('/admin/login');
  });
});

import { describe, expect, it } from 'vitest';
import { transportSecurity } from '@/lib/security-headers';

describe('transportSecurity (HSTS)', () => {
  it('is sent only for a site whose address is https', () => {
    expect(transportSecurity('https://data.example.org')).toBe('max-age=31536000');
    expect(transportSecurity(' HTTPS://data.example.org/ ')).toBe('max-age=31536000');
    // Without SITE_URL, or over plain HTTP (a laptop, a test server), a browser must not be told to
    // refuse the host's other ports and services without HTTPS for a year.
    expect(transportSecurity('http://localhost:3000')).toBeNull();
    expect(transportSecurity(undefined)).toBeNull();
    expect(transportSecurity('')).toBeNull();
  });
});

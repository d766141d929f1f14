import { describe, expect, it } from 'vitest';
import { chromiumCheck } from '@/scripts/chromium-check.mjs';

describe('npm test without Chromium', () => {
  it('runs the end-to-end tests when Chromium is there', () => {
    expect(chromiumCheck({ path: '/usr/bin/chromium', exists: true, ci: 'true' })).toEqual({ runE2e: true, exitCode: 0, banner: null });
  });
  it('says so loudly, with the install command, and fails under CI', () => {
    const r = chromiumCheck({ path: '/nowhere/chromium', exists: false, ci: 'true' });
    expect(r).toMatchObject({ runE2e: false, exitCode: 1 });
    expect(r.banner).toContain('Chromium was not found at /nowhere/chromium: the END-TO-END TESTS DID NOT RUN.');
    expect(r.banner).toContain('sudo apt-get install -y chromium');
  });
  it('outside CI, reports the missing end-to-end tests without failing the unit results', () => {
    expect(chromiumCheck({ path: '/nowhere/chromium', exists: false, ci: undefined })).toMatchObject({ runE2e: false, exitCode: 0 });
  });
});

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { busyTimeoutMs } from '@/db/index';
import { isDatabaseBusy } from '@/lib/database-busy';
import { restoreEnv } from '../helpers/env';

const original = process.env.DATABASE_BUSY_TIMEOUT_MS;
afterEach(() => restoreEnv('DATABASE_BUSY_TIMEOUT_MS', original));

describe('isDatabaseBusy', () => {
  it.each(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_LOCKED', 'SQLITE_LOCKED_SHAREDCACHE'])('%s is a lock another connection holds', (code) => {
    expect(isDatabaseBusy(new Database.SqliteError('database is locked', code))).toBe(true);
  });

  it.each(['SQLITE_CONSTRAINT_CHECK', 'SQLITE_BUSYNESS', 'SQLITE_CORRUPT', 'SQLITE_READONLY'])('%s is not', (code) => {
    expect(isDatabaseBusy(new Database.SqliteError('other', code))).toBe(false);
  });

  it('nor is an error without a code, or something that is not an error', () => {
    expect(isDatabaseBusy(new Error('database is locked'))).toBe(false);
    expect(isDatabaseBusy({ code: 'SQLITE_BUSY' })).toBe(false);
    expect(isDatabaseBusy('SQLITE_BUSY')).toBe(false);
  });
});

describe('DATABASE_BUSY_TIMEOUT_MS', () => {
  it('defaults to 5 seconds and takes a whole number of milliseconds', () => {
    delete process.env.DATABASE_BUSY_TIMEOUT_MS;
    expect(busyTimeoutMs()).toBe(5000);
    process.env.DATABASE_BUSY_TIMEOUT_MS = ' 250 ';
    expect(busyTimeoutMs()).toBe(250);
    process.env.DATABASE_BUSY_TIMEOUT_MS = '0';
    expect(busyTimeoutMs()).toBe(0);
  });

  it.each(['-1', '1.5', '5s', '1e4', '99999999'])('refuses %s with a message naming the variable', (value) => {
    process.env.DATABASE_BUSY_TIMEOUT_MS = value;
    expect(() => busyTimeoutMs()).toThrow(`DATABASE_BUSY_TIMEOUT_MS must be a whole number of milliseconds (0 to 9999999), not "${value}".`);
  });
});

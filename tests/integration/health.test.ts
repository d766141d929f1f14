import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { closeDb } from '@/db/index';
import { prepareDatabase } from '@/lib/prepare-database';
import { restoreEnv } from '../helpers/env';

const original = process.env.DATABASE_PATH;
const dirs: string[] = [];
afterEach(() => {
  closeDb();
  restoreEnv('DATABASE_PATH', original);
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-health-'));
  dirs.push(dir);
  return dir;
};

describe('GET /api/health', () => {
  it('answers 200 with the database status and counts', async () => {
    const file = path.join(tempDir(), 'ok.db');
    prepareDatabase(file);
    process.env.DATABASE_PATH = file;
    const res = GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: { status: 'ok', events: 1, figures: 35 } });
  });

  it('answers 503 when the database has no schema', async () => {
    process.env.DATABASE_PATH = path.join(tempDir(), 'empty.db');
    const res = GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'error', database: { status: 'error' } });
  });

  it('answers 503 when the database file cannot be opened', async () => {
    const file = path.join(tempDir(), 'corrupt.db');
    fs.writeFileSync(file, 'this is not a database'.repeat(100));
    process.env.DATABASE_PATH = file;
    expect(GET().status).toBe(503);
  });
});

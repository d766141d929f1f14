import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/figures.csv/route';
import { closeDb, openDatabase } from '@/db/index';
import { migrateDatabase } from '@/db/migrate';
import { formatImportError } from '@/lib/import/errors';
import { importCsv, importCsvText } from '@/lib/import/run';
import { seedDatabase } from '@/lib/seed';
import { dumpTables } from '../helpers/db';
import { AWKWARD_FIGURES_CSV } from '../helpers/data';
import { restoreEnv } from '../helpers/env';

/** The command-line tools, run as a person runs them, on a seeded database of their own. */
const original = process.env.DATABASE_PATH;
let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-cli-'));
  file = path.join(dir, 'cli.db');
  const db = openDatabase(file);
  migrateDatabase(db);
  seedDatabase(db);
  importCsvText(db, AWKWARD_FIGURES_CSV, { userId: null, label: 'import: awkward.csv' });
  db.$client.close();
});
afterEach(() => {
  closeDb();
  restoreEnv('DATABASE_PATH', original);
  fs.rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ ...process.env, DATABASE_PATH: file, NEXT_TELEMETRY_DISABLED: '1' });
const npmRun = (script: string, args: string[]) => spawnSync('npm', ['run', '-s', script, '--', ...args], { env: env(), encoding: 'utf8' });
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const snapshot = () => {
  const db = openDatabase(file);
  try {
    return dumpTables(db);
  } finally {
    db.$client.close();
  }
};

describe('npm run export', () => {
  it('prints the same bytes as the route for the same filters', async () => {
    const cli = npmRun('export', ['--event', 'kazakhstan-2022-unrest', '--metric', 'deaths', '--status', 'all', '--hxl']);
    expect(cli.stderr).not.toMatch(/error|fail/i);
    expect(cli.status).toBe(0);
    process.env.DATABASE_PATH = file;
    const route = await GET(new Request('http://localhost/api/figures.csv?event=kazakhstan-2022-unrest&metric=deaths&status=all&hxl=1')).text();
    expect(cli.stdout).toBe(route);
    expect(route.split('\r\n').length).toBeGreaterThan(5);
  });

  it('writes to a file with --out', async () => {
    const out = path.join(dir, 'all.csv');
    const cli = npmRun('export', ['--out', out]);
    expect(cli.status).toBe(0);
    process.env.DATABASE_PATH = file;
    expect(fs.readFileSync(out, 'utf8')).toBe(await GET(new Request('http://localhost/api/figures.csv')).text());
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('refuses to replace a file that is there already, leaving it byte for byte, unless --force is given', async () => {
    const out = path.join(dir, 'kept.csv');
    const before = Buffer.concat([Buffer.from('an editor’s own notes, not an export\r\n'), crypto.randomBytes(4096)]);
    fs.writeFileSync(out, before);
    const files = fs.readdirSync(dir).sort();
    const refused = npmRun('export', ['--status', 'all', '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`${out} exists already; nothing was written. Add --force to replace it, or choose another file.\n`);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(files);

    const forced = npmRun('export', ['--status', 'all', '--out', out, '--force']);
    expect(forced.status).toBe(0);
    expect(forced.stderr).toBe(`Wrote ${out}.\n`);
    process.env.DATABASE_PATH = file;
    expect(fs.readFileSync(out, 'utf8')).toBe(await GET(new Request('http://localhost/api/figures.csv?status=all')).text());
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('says where --force belongs, and that a folder is not a file', () => {
    const alone = npmRun('export', ['--force']);
    expect(alone.status).toBe(2);
    expect(alone.stdout).toBe('');
    expect(alone.stderr).toContain('--force only goes with --out FILE: it lets the export replace FILE.');
    const folder = npmRun('export', ['--out', dir, '--force']);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe(`${dir} is a folder; give the name of a file to write. Nothing was written.\n`);
  });

  it('refuses bad filters with the API’s messages, and an unknown event', () => {
    const bad = npmRun('export', ['--from', '2022-13-01', '--status', 'gone']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--from: "2022-13-01" is not a date; use YYYY-MM-DD, like 2022-01-11.\n--status: use one of: published, retracted, all.');
    const unknown = npmRun('export', ['--event', 'atlantis-2020']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('--event: there is no event with the slug "atlantis-2020".');
  });
});

describe('npm run import', () => {
  const ERRORS = [
    'line 2, column value_best: "12abc" is not a whole number of 0 or more; enter one like 1300.',
    'line 3, column reported_on: "2022-02-30" is not a date; use YYYY-MM-DD, like 2022-01-11.',
    'line 4, column reported_on: 2999-01-01 is in the future; enter the date it was reported.',
    'line 5, column source_url: Enter a web address starting with http:// or https://.',
    'line 6, column qualifier: Choose one of: exact, about, at_least, more_than, at_most, unknown.',
    'line 7, column metric: unknown metric "deathz"; known metrics: deaths, injured, detained, businesses_affected, vehicles_burned, malls_banks_looted, economic_damage.',
    'line 8, column event_slug: unknown event "atlantis-2020"; create the event first.',
    'line 9, column value_low: Low must not be greater than high.',
    'line 10, column value_best: Leave the number empty when the qualifier is "unknown", or choose another qualifier.',
    'line 11, column status: Use published or retracted.',
    'line 12, column retraction_reason: Give the reason a retracted figure was retracted.',
    'line 13: expected 18 cells as in the header, found 10.',
    'line 14, column location: Enter the place the figure covers.',
    'line 15, column event_slug: Use 1–100 lower-case letters, digits and single hyphens, like kazakhstan-2022-unrest.',
    'line 16, column reporting_body: Enter who announced the figure.',
    'line 17, column source_url: Enter a web address starting with http:// or https://.',
    'line 18, column retraction_reason: Only a retracted figure has a retraction reason.',
  ];
  const fixture = path.resolve('tests/fixtures/import-with-errors.csv');

  it('reports every problem of a bad file by line and column, exits 1 and leaves the database byte for byte', () => {
    const before = sha(file);
    const cli = npmRun('import', [fixture]);
    expect(cli.status).toBe(1);
    expect(cli.stderr.split('\n').filter((l) => l.startsWith('line '))).toEqual(ERRORS);
    expect(cli.stdout).toBe('import-with-errors.csv: 17 rows read, 0 created, 0 updated, 0 unchanged, 17 rejected. 17 problems: nothing was written.\n');
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
  });

  it('gives an uploaded file (a web stream) and a text the same report as the command line', async () => {
    const db = openDatabase(file);
    try {
      const actor = { userId: null, label: 'import: import-with-errors.csv' };
      const upload = new File([fs.readFileSync(fixture)], 'import-with-errors.csv', { type: 'text/csv' });
      const fromUpload = await importCsv(db, upload.stream(), actor);
      expect(fromUpload.errors.map(formatImportError)).toEqual(ERRORS);
      expect(fromUpload).toMatchObject({ rowsRead: 17, rejected: 17, created: 0 });
      expect(await importCsv(db, fs.readFileSync(fixture, 'utf8'), actor)).toEqual(fromUpload);
    } finally {
      db.$client.close();
    }
  });

  it('imports a file, audits each figure with the file’s name, and a second run changes nothing', () => {
    const csv = path.join(dir, 'partner-2022.csv');
    fs.writeFileSync(
      csv,
      'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body\n' +
        'kazakhstan-2022-unrest,detained,all,Taraz,exact,,40,,people,2022-01-15,Regional police\n' +
        'kazakhstan-2022-unrest,detained,all,Aktobe,about,,25,,people,2022-01-15,Regional police\n',
    );
    const first = npmRun('import', [csv]);
    expect(first.status).toBe(0);
    // "Regional police" of 15 January was a new source: named, so a typo would be seen.
    expect(first.stdout).toBe('partner-2022.csv: 2 rows read, 2 created, 0 updated, 0 unchanged, 0 rejected; 1 new source created: Regional police, 15 January 2022.\n');
    expect(first.stderr).toContain('writing 2 rows in one transaction');
    const db = openDatabase(file);
    try {
      expect(
        db.$client
          .prepare("SELECT a.actor, a.action FROM audit_entries a JOIN figures f ON f.id = a.entity_id AND a.entity_type = 'figure' WHERE f.location IN ('Taraz', 'Aktobe') ORDER BY a.id")
          .all(),
      ).toEqual([
        { actor: 'import: partner-2022.csv', action: 'create' },
        { actor: 'import: partner-2022.csv', action: 'create' },
      ]);
    } finally {
      db.$client.close();
    }
    const before = snapshot();
    const second = npmRun('import', [csv]);
    expect(second.stdout).toBe('partner-2022.csv: 2 rows read, 0 created, 0 updated, 2 unchanged, 0 rejected.\n');
    expect(snapshot()).toEqual(before);
  });

  it('with --dry-run counts what it would do and writes nothing', () => {
    const csv = path.join(dir, 'new.csv');
    fs.writeFileSync(
      csv,
      'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body\n' +
        'kazakhstan-2022-unrest,detained,all,Taraz,exact,,40,,people,2022-01-15,Regional police\n',
    );
    const before = sha(file);
    const cli = npmRun('import', [csv, '--dry-run']);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toBe('new.csv: 1 row read, 1 would be created, 0 would be updated, 0 unchanged, 0 rejected; 1 new source would be created: Regional police, 15 January 2022. Dry run: nothing was written.\n');
    // Its progress says what it does: the writes are tried and rolled back.
    expect(cli.stderr).toContain('trying 1 row in one transaction, to be rolled back (dry run)');
    expect(cli.stderr).not.toMatch(/^writing/m);
    expect(sha(file)).toBe(before);
  });

  it('keeps the reason given with --reason with every change, and refuses one the forms would refuse', () => {
    const csv = path.join(dir, 'weekly.csv');
    const header = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body\n';
    fs.writeFileSync(csv, `${header}kazakhstan-2022-unrest,detained,all,Taraz,exact,,40,,people,2022-01-15,Regional police\n`);
    const before = sha(file);
    const refused = npmRun('import', [csv, '--reason', 'x'.repeat(501)]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--reason: Use at most 500 characters (this has 501).');
    expect(sha(file)).toBe(before);
    expect(npmRun('import', [csv, '--reason', 'Weekly police update']).status).toBe(0);
    fs.writeFileSync(csv, `${header}kazakhstan-2022-unrest,detained,all,Taraz,exact,,41,,people,2022-01-15,Regional police\n`);
    expect(npmRun('import', [csv, '--reason', 'Corrected by the police']).stdout).toContain('1 updated');
    const db = openDatabase(file);
    try {
      expect(
        db.$client
          .prepare("SELECT a.entity_type AS type, a.action, a.reason FROM audit_entries a WHERE a.actor = 'import: weekly.csv' ORDER BY a.id")
          .all(),
      ).toEqual([
        { type: 'source', action: 'create', reason: 'Weekly police update' },
        { type: 'figure', action: 'create', reason: 'Weekly police update' },
        { type: 'figure', action: 'update', reason: 'Corrected by the police' },
      ]);
    } finally {
      db.$client.close();
    }
  });

  it('explains how to call it', () => {
    const cli = npmRun('import', []);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('usage: npm run import -- FILE.csv [--dry-run] [--reason TEXT]');
    expect(npmRun('import', [path.join(dir, 'missing.csv')]).stderr).toContain('missing.csv: no such file.');
  });

  it('killed in the middle of a large import, leaves the database as it was', async () => {
    const big = path.join(dir, 'big.csv');
    const lines = ['event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,note'];
    for (let i = 0; i < 200_000; i++) lines.push(`kazakhstan-2022-unrest,detained,all,Place ${i},exact,,${i},,people,2022-02-01,Synthetic ministry,row ${i}`);
    fs.writeFileSync(big, `${lines.join('\n')}\n`);
    const before = snapshot();

    // node --import tsx runs the script in this one process (npx tsx would spawn a child that
    // a SIGKILL of its parent leaves running), so the kill lands on the process that writes.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', big], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    const written = await new Promise<number>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const m = /writing: ([\d,]+) of 200,000 rows/.exec(stderr);
        if (m && Number(m[1]!.replaceAll(',', '')) > 0) {
          child.kill('SIGKILL');
          resolve(Number(m[1]!.replaceAll(',', '')));
        }
      });
      void exited.then(() => reject(new Error(`the import ended before it could be killed:\n${stderr}`)));
    });
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(200_000);
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });

    const db = openDatabase(file);
    try {
      expect(db.$client.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(db.$client.prepare("SELECT count(*) AS n FROM figures WHERE location LIKE 'Place %'").get()).toEqual({ n: 0 });
    } finally {
      db.$client.close();
    }
    expect(snapshot()).toEqual(before);
  }, 180_000);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/index';
import { migrateDatabase, migrationsFolder } from '@/db/migrate';
import { FIGURE_NUMBER_CHANGED } from '@/db/schema';
import { seedDatabase } from '@/lib/seed';

type Journal = { entries: Array<{ idx: number; when: number; tag: string }> };
const journal = (): Journal => JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-migrations-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A database migrated only up to (and including) the migration tagged `lastTag`, as an older version left it. */
function databaseAsOf(lastTag: string): Db {
  const folder = tempDir();
  const entries = journal().entries;
  const upTo = entries.slice(0, entries.findIndex((e) => e.tag === lastTag) + 1);
  fs.mkdirSync(path.join(folder, 'meta'));
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal(), entries: upTo }));
  for (const e of upTo) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  const db = openDatabase(path.join(tempDir(), 'old.db'));
  migrate(db, { migrationsFolder: folder });
  return db;
}

/**
 * One event, one metric and two sources, then `figures` (VALUES rows of event_id, metric_id,
 * group_name, location, qualifier, value_best, unit, reported_on, source_id).
 */
const catalogWithFigures = (metric: string, figures: string) => `
  INSERT INTO events (slug, name, country, start_date) VALUES ('e', 'E', 'Testland', '2022-01-01');
  INSERT INTO metrics (key, label, unit, hxl_tag, sort_order) VALUES ${metric};
  INSERT INTO sources (reporting_body, published_on) VALUES ('Ministry', '2022-01-02'), ('Agency', '2022-01-03');
  INSERT INTO figures (event_id, metric_id, group_name, location, qualifier, value_best, unit, reported_on, source_id) VALUES ${figures};`;

const columns = (db: Db, table: string) => (db.$client.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as Array<{ name: string }>).map((c) => c.name);

describe('the committed migrations', () => {
  it('are applied in the order they were made: drizzle applies only those newer than the last one applied', () => {
    // A migration whose `when` is older than one already applied is silently skipped, so after a
    // merge every entry must be newer than the one before it, and named by its position.
    const entries = journal().entries;
    for (const [i, e] of entries.entries()) {
      expect(e.tag.slice(0, 4), e.tag).toBe(String(e.idx).padStart(4, '0'));
      expect(fs.existsSync(path.join(migrationsFolder, `${e.tag}.sql`)), `${e.tag}.sql`).toBe(true);
      expect(fs.existsSync(path.join(migrationsFolder, 'meta', `${e.tag.slice(0, 4)}_snapshot.json`)), `${e.tag} snapshot`).toBe(true);
      if (i > 0) {
        expect(e.idx, e.tag).toBeGreaterThan(entries[i - 1]!.idx);
        expect(e.when, `${e.tag} must be newer than ${entries[i - 1]!.tag}`).toBeGreaterThan(entries[i - 1]!.when);
      }
    }
  });

  it('0005 lets audit_entries record `remove`, keeping every entry as it was written, ids included', () => {
    const db = databaseAsOf('0003_login_attempts');
    const sqlite = db.$client;
    sqlite.exec(`
      INSERT INTO audit_entries (actor, action, entity_type, entity_id, before, after) VALUES
        ('seed', 'create', 'figure', 1, NULL, '{"valueBest":5}'),
        ('editor@example.org', 'retract', 'source', 7, '{"id":7,"reportingBody":"Typo Ministry"}', '{"removed":true,"reason":"typo"}'),
        ('editor@example.org', 'update', 'event', 1, '{"name":"A"}', '{"name":"B"}');
      DELETE FROM audit_entries WHERE id = 3;
    `);
    expect(() => sqlite.prepare("INSERT INTO audit_entries (actor, action, entity_type, entity_id) VALUES ('x', 'remove', 'source', 1)").run()).toThrow(/audit_action_known/);
    const entries = sqlite.prepare('SELECT * FROM audit_entries ORDER BY id').all();
    migrateDatabase(db);
    // (0007 adds each entry's reason and 0016 its confirmed warning, none for the entries before them.)
    expect(sqlite.prepare('SELECT * FROM audit_entries ORDER BY id').all()).toEqual((entries as object[]).map((e) => ({ ...e, reason: null, confirmed_warning: null })));
    // A new entry never takes the id of one deleted before the rebuild (AUTOINCREMENT's promise).
    const added = sqlite.prepare("INSERT INTO audit_entries (actor, action, entity_type, entity_id) VALUES ('x', 'remove', 'source', 1)").run();
    expect(added.lastInsertRowid).toBe(4);
    expect(() => sqlite.prepare("INSERT INTO audit_entries (actor, action, entity_type, entity_id) VALUES ('x', 'delete', 'source', 1)").run()).toThrow(/CHECK constraint failed: audit_action_known/);
    expect(() => sqlite.prepare("INSERT INTO audit_entries (actor, action, entity_type, entity_id) VALUES ('x', 'remove', 'user', 1)").run()).toThrow(/CHECK constraint failed: audit_entity_known/);
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'audit_entries' AND type = 'index' ORDER BY name").pluck().all()).toEqual(['audit_at_idx', 'audit_entity_idx', 'audit_figure_number_changes']); // (the last from 0009)
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%__new_audit_entries%'").pluck().get()).toBe(0);
    // The foreign key to admin_users still holds: removing an account keeps its entries, unnamed.
    sqlite.exec("INSERT INTO admin_users (email, password_hash) VALUES ('gone@example.org', 'x')");
    sqlite.prepare("INSERT INTO audit_entries (user_id, actor, action, entity_type, entity_id) VALUES (1, 'gone@example.org', 'create', 'event', 1)").run();
    sqlite.exec('DELETE FROM admin_users WHERE id = 1');
    expect(sqlite.prepare("SELECT user_id FROM audit_entries WHERE actor = 'gone@example.org'").pluck().get()).toBeNull();
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.close();
  });

  it('0009 indexes the changes of number already in an upgraded trail, and nothing else', () => {
    const db = databaseAsOf('0008_audit_entries_bump_versions');
    const sqlite = db.$client;
    const snapshot = (valueBest: number, note: string) => JSON.stringify({ qualifier: 'exact', valueLow: null, valueBest, valueHigh: null, unit: 'people', note });
    const entry = sqlite.prepare("INSERT INTO audit_entries (actor, action, entity_type, entity_id, before, after) VALUES ('x', ?, ?, 1, ?, ?)");
    entry.run('create', 'figure', null, snapshot(5, 'a'));
    entry.run('update', 'figure', snapshot(5, 'a'), snapshot(5, 'b'));
    entry.run('update', 'figure', snapshot(5, 'b'), snapshot(6, 'b'));
    entry.run('update', 'source', snapshot(5, 'a'), snapshot(6, 'a'));
    entry.run('retract', 'figure', snapshot(6, 'b'), JSON.stringify({ status: 'retracted' }));
    // Typed by hand in the sqlite3 shell: not JSON. It neither stops the migration nor counts.
    entry.run('update', 'figure', 'valueBest was 6', snapshot(7, 'b'));
    migrateDatabase(db);
    const indexed = () => sqlite.prepare(`SELECT id FROM audit_entries INDEXED BY audit_figure_number_changes WHERE entity_id = 1 AND ${FIGURE_NUMBER_CHANGED} ORDER BY id`).pluck().all();
    expect(indexed()).toEqual([3, 5]);
    // Nor does fixing or breaking such an entry later fail.
    sqlite.prepare('UPDATE audit_entries SET before = ? WHERE id = 6').run(snapshot(6, 'b'));
    expect(indexed()).toEqual([3, 5, 6]);
    sqlite.prepare("UPDATE audit_entries SET after = '{broken' WHERE id = 3").run();
    expect(indexed()).toEqual([5, 6]);
    sqlite.close();
  });

  it('0011 words the spread of every stored series: each is computed again, with its ends\' qualifiers and its retracted reports', () => {
    const db = databaseAsOf('0010_series_summaries_headline_idx');
    db.$client.exec(`${catalogWithFigures("('vehicles', 'Vehicles', 'vehicles', '#meta+vehicles', 1)", `
        (1, 1, 'all', 'Testland', 'more_than', 400, 'vehicles', '2022-01-02', 1),
        (1, 1, 'all', 'Testland', 'about', 500, 'vehicles', '2022-01-03', 2)`)}
      -- As an earlier version of the app stored it (its write paths refresh before they commit).
      DELETE FROM series_stale;
      INSERT INTO series_summaries (event_id, metric_id, group_name, location, report_count, headline_id, headline_size, numeric_reports, low, high, numeric_sources, last_updated_at, rev)
        VALUES (1, 1, 'all', 'Testland', 2, 2, 500, 2, 400, 500, 2, '2022-01-03T00:00:00.000Z', 1);
    `);
    migrateDatabase(db);
    expect(db.$client.prepare('SELECT low, low_qualifier, high, high_qualifier, headline_id, retracted_reports FROM series_summaries').all()).toEqual([
      { low: 400, low_qualifier: 'more_than', high: 500, high_qualifier: 'about', headline_id: 2, retracted_reports: 0 },
    ]);
    expect(db.$client.prepare('SELECT count(*) FROM series_stale').pluck().get()).toBe(0);
  });

  it('0012 dates the seeded Kursiv article by its publication, so that seeding again adds nothing', () => {
    const db = databaseAsOf('0011_series_summaries_words');
    // The seed as it was before: no source_published_on column, so Kursiv was dated 5 January.
    const oldSeed = tempDir();
    fs.cpSync(path.resolve('seed'), oldSeed, { recursive: true });
    const csv = path.join(oldSeed, 'kazakhstan-2022-reports.csv');
    fs.writeFileSync(csv, fs.readFileSync(csv, 'utf8').replace(/,[^,\n]*$/gm, ''));
    // Today's code writes the audit columns of today's schema: the one 0016 adds is lent for the seed.
    db.$client.exec('ALTER TABLE audit_entries ADD confirmed_warning text');
    expect(seedDatabase(db, oldSeed).imports[0]).toMatchObject({ created: 35, errors: [] });
    db.$client.exec('ALTER TABLE audit_entries DROP COLUMN confirmed_warning');
    const kursiv = "SELECT id, published_on FROM sources WHERE publisher = 'Kursiv'";
    expect(db.$client.prepare(kursiv).all()).toEqual([{ id: expect.any(Number), published_on: '2022-01-05' }]);

    migrateDatabase(db);
    const [source] = db.$client.prepare(kursiv).all() as Array<{ id: number; published_on: string }>;
    expect(source!.published_on).toBe('2022-01-11');
    const entry = db.$client.prepare("SELECT actor, action, before ->> '$.publishedOn' AS was, after ->> '$.publishedOn' AS now, reason FROM audit_entries WHERE entity_type = 'source' AND entity_id = ? AND action = 'update'").get(source!.id);
    expect(entry).toMatchObject({ actor: 'migration: seed correction', was: '2022-01-05', now: '2022-01-11', reason: expect.stringContaining('11 January 2022') });
    // Seeding again with today's seed finds every figure and source: nothing added, nothing changed.
    expect(seedDatabase(db).imports[0]).toMatchObject({ created: 0, updated: 0, unchanged: 35, errors: [] });
    expect(db.$client.prepare("SELECT count(*) FROM sources WHERE publisher = 'Kursiv'").pluck().get()).toBe(1);
    db.$client.close();
  });

  it('0013 gives every open session its last use: its start, so one begun over 30 minutes ago has ended', () => {
    const db = databaseAsOf('0012_seed_kursiv_date');
    db.$client.prepare("INSERT INTO admin_users (email, password_hash) VALUES ('old@example.org', 'scrypt$x')").run();
    const insert = db.$client.prepare("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, 1, ?, '2999-01-01T00:00:00.000Z')");
    insert.run('a', '2024-05-01T12:00:00.000Z');
    insert.run('b', '2024-05-01T13:00:00.000Z');
    expect(columns(db, 'sessions')).not.toContain('last_seen_at');
    migrateDatabase(db);
    expect(db.$client.prepare('SELECT token_hash, last_seen_at FROM sessions ORDER BY id').all()).toEqual([
      { token_hash: 'a', last_seen_at: '2024-05-01T12:00:00.000Z' },
      { token_hash: 'b', last_seen_at: '2024-05-01T13:00:00.000Z' },
    ]);
    db.$client.close();
  });

  it('0015 adds device_cookies to an upgraded database: one per token hash, each gone with its account, the accounts kept', () => {
    const db = databaseAsOf('0014_unsent_forms');
    const sqlite = db.$client;
    sqlite.exec("INSERT INTO admin_users (email, password_hash) VALUES ('old@example.org', 'scrypt$x'), ('other@example.org', 'scrypt$y')");
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'device_cookies'").pluck().get()).toBe(0);
    migrateDatabase(db);
    expect(columns(db, 'device_cookies')).toEqual(['id', 'user_id', 'token_hash', 'created_at', 'expires_at', 'failures', 'last_failed_at']);
    expect(sqlite.prepare('SELECT email FROM admin_users ORDER BY id').pluck().all()).toEqual(['old@example.org', 'other@example.org']);
    const insert = sqlite.prepare("INSERT INTO device_cookies (user_id, token_hash, expires_at) VALUES (?, ?, '2999-01-01T00:00:00.000Z')");
    insert.run(1, 'a');
    insert.run(2, 'b');
    expect(() => insert.run(2, 'a')).toThrow(/UNIQUE constraint failed: device_cookies.token_hash/);
    expect(() => insert.run(9, 'c')).toThrow(/FOREIGN KEY constraint failed/);
    expect(sqlite.prepare('SELECT failures, last_failed_at AS lastFailedAt FROM device_cookies WHERE id = 1').get()).toEqual({ failures: 0, lastFailedAt: null });
    expect(sqlite.prepare("SELECT created_at FROM device_cookies WHERE id = 1").pluck().get()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    sqlite.exec('DELETE FROM admin_users WHERE id = 1');
    expect(sqlite.prepare('SELECT token_hash FROM device_cookies').pluck().all()).toEqual(['b']);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });

  it('0016 adds confirmed_warning to the audit entries, none for an entry made before it', () => {
    const db = databaseAsOf('0015_device_cookies');
    const sqlite = db.$client;
    sqlite.exec("INSERT INTO audit_entries (actor, action, entity_type, entity_id, reason) VALUES ('old@example.org', 'update', 'figure', 1, 'a typing error')");
    expect(columns(db, 'audit_entries')).not.toContain('confirmed_warning');
    migrateDatabase(db);
    expect(columns(db, 'audit_entries')).toContain('confirmed_warning');
    expect(sqlite.prepare('SELECT actor, reason, confirmed_warning AS confirmedWarning FROM audit_entries').all()).toEqual([
      { actor: 'old@example.org', reason: 'a typing error', confirmedWarning: null },
    ]);
    sqlite.close();
  });

  it('0005 drops the unused lock-out columns of admin_users, keeping every account', () => {
    const db = databaseAsOf('0003_login_attempts');
    db.$client.prepare("INSERT INTO admin_users (email, password_hash, failed_attempts, locked_until) VALUES ('old@example.org', 'scrypt$x', 4, '2030-01-01T00:00:00.000Z')").run();
    expect(columns(db, 'admin_users')).toContain('locked_until');
    migrateDatabase(db);
    expect(columns(db, 'admin_users')).toEqual(['id', 'email', 'password_hash', 'created_at', 'updated_at']);
    expect(db.$client.prepare('SELECT email, password_hash AS hash FROM admin_users').all()).toEqual([{ email: 'old@example.org', hash: 'scrypt$x' }]);
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
    db.$client.close();
  });

  it('0004 gives a database of figures its series summaries and event sources when it is upgraded', () => {
    const db = databaseAsOf('0003_login_attempts');
    db.$client.exec(catalogWithFigures("('deaths', 'Deaths', 'people', '#affected+killed', 1)", `
        (1, 1, 'all', 'Testland', 'exact', 10, 'people', '2022-01-02', 1),
        (1, 1, 'all', 'Testland', 'exact', 12, 'people', '2022-01-03', 2),
        (1, 1, 'all', 'North', 'about', 3, 'people', '2022-01-03', 2)`));
    migrateDatabase(db);
    expect(db.$client.prepare('SELECT count(*) AS n FROM series_stale').get()).toEqual({ n: 0 });
    expect(db.$client.prepare('SELECT location, report_count, headline_id, headline_size FROM series_summaries ORDER BY location').all()).toEqual([
      { location: 'North', report_count: 1, headline_id: 3, headline_size: 3 },
      { location: 'Testland', report_count: 2, headline_id: 2, headline_size: 12 },
    ]);
    expect(db.$client.prepare('SELECT source_id, first_reported_on, first_figure_id FROM event_sources ORDER BY source_id').all()).toEqual([
      { source_id: 1, first_reported_on: '2022-01-02', first_figure_id: 1 },
      { source_id: 2, first_reported_on: '2022-01-03', first_figure_id: 2 },
    ]);
    db.$client.close();
  });

  it('0006 gives every event of an upgraded database its revision, at the data version it was upgraded at', () => {
    const db = databaseAsOf('0005_audit_remove_drop_lockout_columns');
    db.$client.exec(`
      INSERT INTO events (slug, name, country, start_date) VALUES ('e', 'E', 'Testland', '2022-01-01'), ('f', 'F', 'Testland', '2022-01-01');
    `);
    const version = db.$client.prepare('SELECT version FROM data_version WHERE id = 1').pluck().get();
    migrateDatabase(db);
    expect(db.$client.prepare('SELECT event_id, rev FROM event_revisions ORDER BY event_id').all()).toEqual([
      { event_id: 1, rev: version },
      { event_id: 2, rev: version },
    ]);
    expect(db.$client.prepare('SELECT id, version FROM catalog_version').all()).toEqual([{ id: 1, version: 0 }]);
    db.$client.close();
  });

  it('leave every trigger the app relies on in place (a generated migration that rebuilds a table would drop them)', () => {
    const db = openDatabase(path.join(tempDir(), 'new.db'));
    migrateDatabase(db);
    const triggers = (db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    for (const table of ['events', 'metrics', 'sources', 'figures']) {
      for (const op of ['insert', 'update', 'delete']) expect(triggers, `${table} ${op}`).toContain(`${table}_${op}_bumps_data_version`);
    }
    for (const op of ['insert', 'update', 'delete']) expect(triggers).toContain(`figures_${op}_marks_series`);
    for (const table of ['events', 'metrics', 'sources']) {
      for (const op of table === 'metrics' ? ['insert', 'update', 'delete'] : ['update', 'delete']) expect(triggers, `${table} ${op}`).toContain(`${table}_${op}_bumps_catalog_version`);
    }
    // What REPLACE deletes without firing DELETE triggers (tests/integration/page-versions.test.ts).
    for (const name of ['events_replace_bumps_catalog_version', 'sources_replace_bumps_catalog_version', 'figures_replace_marks_series', 'figures_replace_id_marks_series']) {
      expect(triggers).toContain(name);
    }
    // A figure's history edited, deleted or replaced from another process (migration 0008).
    for (const name of ['update', 'delete', 'replace_id']) expect(triggers).toContain(`audit_entries_${name}_bumps_versions`);
    // None on insert: the app inserts an entry with every change, and an import 100,000 of them.
    expect(triggers.filter((t) => t.startsWith('audit_entries_') && t.includes('insert'))).toEqual([]);
    db.$client.close();
  });

  it('leave those triggers doing what the app relies on: one data version per row written, the catalog version per catalog row, and every series a figure leaves or joins marked stale', () => {
    const db = openDatabase(path.join(tempDir(), 'new.db'));
    migrateDatabase(db);
    const sqlite = db.$client;
    const version = () => sqlite.prepare('SELECT version FROM data_version WHERE id = 1').pluck().get() as number;
    const catalog = () => sqlite.prepare('SELECT version FROM catalog_version WHERE id = 1').pluck().get() as number;
    const stale = () => sqlite.prepare("SELECT event_id || '/' || metric_id || '/' || group_name || '/' || location FROM series_stale ORDER BY 1").pluck().all();
    const writes: Record<string, string[]> = {
      events: [
        "INSERT INTO events (slug, name, country, start_date) VALUES ('e', 'E', 'Testland', '2022-01-01'), ('f', 'F', 'Testland', '2022-01-01')",
        "UPDATE events SET name = 'E2' WHERE slug = 'e'",
      ],
      metrics: ["INSERT INTO metrics (key, label, unit, hxl_tag, sort_order) VALUES ('deaths', 'Deaths', 'people', '#affected+killed', 1), ('unused', 'Unused', 'people', '#affected', 2)", "UPDATE metrics SET label = 'Killed'"],
      sources: ["INSERT INTO sources (reporting_body, published_on) VALUES ('Ministry', '2022-01-02'), ('Agency', '2022-01-03')", "UPDATE sources SET publisher = 'Wire' WHERE id = 2"],
    };
    for (const [table, statements] of Object.entries(writes)) {
      for (const statement of statements) {
        const [before, catalogBefore] = [version(), catalog()];
        const { changes } = sqlite.prepare(statement).run();
        expect(version() - before, `${table}: ${statement}`).toBe(changes);
        // A new event or source is on no page yet: only the catalog's other writes count.
        expect(catalog() - catalogBefore, `${table}: ${statement}`).toBe(/^INSERT INTO (events|sources)/.test(statement) ? 0 : changes);
      }
    }
    const figure = (location: string, source: number) =>
      `INSERT INTO figures (event_id, metric_id, group_name, location, qualifier, value_best, unit, reported_on, source_id) VALUES (1, 1, 'all', '${location}', 'exact', 10, 'people', '2022-01-02', ${source})`;
    const step = (statement: string, versions: number, marked: string[]) => {
      sqlite.exec('DELETE FROM series_stale');
      const [before, catalogBefore] = [version(), catalog()];
      sqlite.exec(statement);
      expect(version() - before, statement).toBe(versions);
      // The catalog's version counts events, metrics and sources, not figures.
      expect(catalog() - catalogBefore, statement).toBe(statement.includes('figures') ? 0 : versions);
      expect(stale(), statement).toEqual(marked);
    };
    step(`${figure('North', 1)}; ${figure('North', 2)}`, 2, ['1/1/all/North']);
    step("UPDATE figures SET location = 'South' WHERE id = 2", 1, ['1/1/all/North', '1/1/all/South']);
    step("UPDATE figures SET event_id = 2, group_name = 'women' WHERE id = 1", 1, ['1/1/all/North', '2/1/women/North']);
    step('DELETE FROM figures WHERE id = 2', 1, ['1/1/all/South']);
    step('DELETE FROM sources WHERE id = 2', 1, []);
    step("DELETE FROM metrics WHERE key = 'unused'", 1, []);
    step('DELETE FROM events WHERE id = 1', 1, []);
    sqlite.close();
  });
});


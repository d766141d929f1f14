import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The whole domain in one schema. CHECK constraints repeat the rules of the zod schemas in
 * lib/validation so that no writer (form, import, API, a stray script) can store a figure the
 * page could not word: the database is the last line of defence, not the first.
 */

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const isoDate = (column: string) =>
  sql.raw(`${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`);

export const QUALIFIERS = ['exact', 'about', 'at_least', 'more_than', 'at_most', 'unknown'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
export const FIGURE_STATUSES = ['published', 'retracted'] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];
/**
 * `remove`: a record deleted for good (only a source nothing cites can be), its last state in
 * `before`. Before migration 0005 a source's removal was recorded as `retract`; those entries are
 * kept as written (lib/audit-action.ts reads them as removals).
 */
export const AUDIT_ACTIONS = ['create', 'update', 'retract', 'restore', 'remove'] as const;
export const AUDIT_ENTITIES = ['figure', 'source', 'event', 'metric'] as const;

export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    country: text('country').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    description: text('description').notNull().default(''),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('events_slug_unique').on(t.slug),
    check('events_slug_format', sql`${t.slug} <> '' AND ${t.slug} NOT GLOB '*[^a-z0-9-]*'`),
    check('events_start_date_format', isoDate('start_date')),
    check('events_end_date_format', sql`end_date IS NULL OR (${isoDate('end_date')} AND end_date >= start_date)`),
  ],
);

export const metrics = sqliteTable(
  'metrics',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    label: text('label').notNull(),
    unit: text('unit').notNull(),
    hxlTag: text('hxl_tag').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('metrics_key_unique').on(t.key),
    check('metrics_key_format', sql`${t.key} <> '' AND ${t.key} NOT GLOB '*[^a-z0-9_]*'`),
    check('metrics_hxl_format', sql`${t.hxlTag} GLOB '#[a-z]*'`),
  ],
);

export const sources = sqliteTable(
  'sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportingBody: text('reporting_body').notNull(),
    publisher: text('publisher').notNull().default(''),
    title: text('title').notNull().default(''),
    url: text('url').notNull().default(''),
    publishedOn: text('published_on').notNull(),
    fullText: text('full_text'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    // A source is what one body said in one publication on one day.
    uniqueIndex('sources_identity_unique').on(t.reportingBody, t.publisher, t.title, t.url, t.publishedOn),
    check('sources_url_scheme', sql`${t.url} = '' OR ${t.url} LIKE 'http://_%' OR ${t.url} LIKE 'https://_%'`),
    check('sources_published_on_format', isoDate('published_on')),
    check('sources_named', sql`${t.reportingBody} <> ''`),
  ],
);

export const figures = sqliteTable(
  'figures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id').notNull().references(() => events.id, { onDelete: 'restrict' }),
    metricId: integer('metric_id').notNull().references(() => metrics.id, { onDelete: 'restrict' }),
    group: text('group_name').notNull().default('all'),
    location: text('location').notNull(),
    qualifier: text('qualifier', { enum: QUALIFIERS }).notNull(),
    valueLow: integer('value_low'),
    valueBest: integer('value_best'),
    valueHigh: integer('value_high'),
    unit: text('unit').notNull(),
    reportedOn: text('reported_on').notNull(),
    sourceId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'restrict' }),
    quote: text('quote'),
    note: text('note').notNull().default(''),
    status: text('status', { enum: FIGURE_STATUSES }).notNull().default('published'),
    retractionReason: text('retraction_reason'),
    revision: integer('revision').notNull().default(1),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    // The natural identity of a report: import uses it to stay idempotent. Its column order also
    // serves the event page: an event's series (headline, timeline, refreshing a summary), its
    // reports in reading order, and its sources with their earliest report, all from the index.
    uniqueIndex('figures_identity_unique').on(
      t.eventId, t.metricId, t.group, t.location, t.reportedOn, t.sourceId,
    ),
    // The event page's verbatim quotes; only the reports that carry one are in it.
    index('figures_event_quotes_idx')
      .on(t.eventId, t.sourceId, t.quote, t.reportedOn)
      .where(sql`${t.quote} IS NOT NULL AND ${t.quote} <> ''`),
    index('figures_source_idx').on(t.sourceId),
    index('figures_reported_on_idx').on(t.reportedOn),
    check('figures_qualifier_known', sql`${t.qualifier} IN ('exact','about','at_least','more_than','at_most','unknown')`),
    check('figures_status_known', sql`${t.status} IN ('published','retracted')`),
    check(
      'figures_values_non_negative',
      sql`coalesce(${t.valueLow}, 0) >= 0 AND coalesce(${t.valueBest}, 0) >= 0 AND coalesce(${t.valueHigh}, 0) >= 0`,
    ),
    check(
      'figures_values_integers',
      sql`(${t.valueLow} IS NULL OR typeof(${t.valueLow}) = 'integer') AND (${t.valueBest} IS NULL OR typeof(${t.valueBest}) = 'integer') AND (${t.valueHigh} IS NULL OR typeof(${t.valueHigh}) = 'integer')`,
    ),
    check('figures_range_pair', sql`(${t.valueLow} IS NULL) = (${t.valueHigh} IS NULL)`),
    check(
      'figures_range_order',
      sql`${t.valueLow} IS NULL OR (${t.valueLow} <= ${t.valueHigh} AND (${t.valueBest} IS NULL OR (${t.valueLow} <= ${t.valueBest} AND ${t.valueBest} <= ${t.valueHigh})))`,
    ),
    check(
      'figures_unknown_has_no_number',
      sql`(${t.qualifier} = 'unknown') = (${t.valueBest} IS NULL AND ${t.valueLow} IS NULL)`,
    ),
    check('figures_reported_on_format', isoDate('reported_on')),
    check(
      'figures_retraction_reason',
      sql`(${t.status} = 'retracted') = (${t.retractionReason} IS NOT NULL AND ${t.retractionReason} <> '')`,
    ),
    check('figures_revision_positive', sql`${t.revision} >= 1`),
    check('figures_location_named', sql`${t.location} <> '' AND ${t.group} <> ''`),
  ],
);

/** Editors' accounts. Failed sign-ins and lock-outs are counted in login_attempts, not here. */
export const adminUsers = sqliteTable(
  'admin_users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('admin_users_email_unique').on(t.email)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Only a hash of the cookie's token is stored: a copy of the database signs nobody in.
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id').notNull().references(() => adminUsers.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull().default(now),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    // When the session was last used (to the minute: lib/auth/session.ts writes it at most once a
    // minute); a session unused for SESSION_IDLE_MS has ended. Set at sign-in; migration 0013 set
    // the sessions open before it to their start.
    lastSeenAt: text('last_seen_at'),
  },
  (t) => [uniqueIndex('sessions_token_hash_unique').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/**
 * Browsers an editor has signed in with (OWASP's device cookies): only a hash of each cookie's
 * token, with the account it was issued for. A sign-in that presents one of the account typed
 * answers to the device's own failure count instead of the account's (lib/auth/throttle.ts), so
 * strangers who lock the account do not lock its editor out. Each sign-in replaces the one it
 * presented; a password reset deletes all of the account's.
 */
export const deviceCookies = sqliteTable(
  'device_cookies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => adminUsers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: text('created_at').notNull().default(now),
    expiresAt: text('expires_at').notNull(),
    // Failed sign-ins from this device (its own count); no failure yet: 0 and null.
    failures: integer('failures').notNull().default(0),
    lastFailedAt: text('last_failed_at'),
  },
  (t) => [uniqueIndex('device_cookies_token_hash_unique').on(t.tokenHash), index('device_cookies_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Failed sign-ins, counted per account (by e-mail, known or not, so that a lockout says nothing
 * about which accounts exist) and per client address. lib/auth/throttle.ts decides from these
 * how long the next attempt must wait.
 */
export const LOGIN_ATTEMPT_SCOPES = ['account', 'address'] as const;
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scope: text('scope', { enum: LOGIN_ATTEMPT_SCOPES }).notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailedAt: text('last_failed_at').notNull(),
  },
  (t) => [
    uniqueIndex('login_attempts_scope_key_unique').on(t.scope, t.key),
    check('login_attempts_scope_known', sql`${t.scope} IN ('account','address')`),
  ],
);

/** The fields of a figure's number, as its audit snapshots hold them. */
export const FIGURE_NUMBER_KEYS = ['qualifier', 'valueLow', 'valueBest', 'valueHigh', 'unit'] as const;

/**
 * An audit entry that changed a figure's number (an update, retraction or restoration whose
 * before and after differ in the qualifier, a value or the unit). The partial index
 * `audit_figure_number_changes` holds exactly these; a query may use it only when its WHERE has
 * the same terms (SQLite compares their expressions), so both are built from here, and the query
 * names the index (INDEXED BY). An entry whose before or after is not JSON (typed by hand in the
 * sqlite3 shell) is not a change of number: `->>` would otherwise fail, and with it the migration
 * and every later write of such an entry.
 */
export const FIGURE_NUMBER_CHANGED = `entity_type = 'figure' AND action IN ('update', 'retract', 'restore') AND CASE WHEN json_valid(before) AND json_valid(after) THEN (${FIGURE_NUMBER_KEYS.map(
  (k) => `before ->> '$.${k}' IS NOT after ->> '$.${k}'`,
).join(' OR ')}) ELSE 0 END`;

export const auditEntries = sqliteTable(
  'audit_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(now),
    userId: integer('user_id').references(() => adminUsers.id, { onDelete: 'set null' }),
    // Who did it in words, kept even if the account goes: an e-mail, "seed" or "import: file.csv".
    actor: text('actor').notNull(),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    entityType: text('entity_type', { enum: AUDIT_ENTITIES }).notNull(),
    entityId: integer('entity_id').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    // Why an editor made the change, in their words, when they gave a reason (an edit's is
    // optional; a retraction's reason is the figure's own). Public: the figure's page shows it.
    reason: text('reason'),
    // The warning about an unusual number (lib/plausibility.ts) the editor read and confirmed
    // before this save, in its words; null for a save that was not asked (migration 0016).
    confirmedWarning: text('confirmed_warning'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_at_idx').on(t.at),
    // The event page's "was" reads, per figure, its newest change of number: without this index
    // that walked back over every note-only edit (87 ms for 35 figures with 2,000 each; 0.35 ms with it).
    index('audit_figure_number_changes').on(t.entityType, t.entityId, t.id).where(sql.raw(FIGURE_NUMBER_CHANGED)),
    check('audit_action_known', sql`${t.action} IN ('create','update','retract','restore','remove')`),
    check('audit_entity_known', sql`${t.entityType} IN ('figure','source','event','metric')`),
  ],
);

/**
 * One row counting every change to what the public pages show. Triggers (migration
 * 0002_data_version_triggers) bump it on any write to events, metrics, sources or figures, from
 * any process — the server, an import on the command line, a script — so a cache keyed by it is
 * never stale, even across processes.
 */
export const dataVersion = sqliteTable(
  'data_version',
  {
    id: integer('id').primaryKey(),
    version: integer('version').notNull().default(0),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [check('data_version_single_row', sql`${t.id} = 1`)],
);

/**
 * One row counting every change to the catalog: events, metrics and sources, which any event
 * page may show. Triggers (migration 0006_page_versions) bump it on any write to them from any
 * process, except a new event or source: no figure cites those yet, so no event page shows them. With an event's revision (eventRevisions) it says when that event's page changed, so
 * a save to one event leaves the cached pages of the others as they are (lib/page-cache).
 */
export const catalogVersion = sqliteTable(
  'catalog_version',
  {
    id: integer('id').primaryKey(),
    version: integer('version').notNull().default(0),
  },
  (t) => [check('catalog_version_single_row', sql`${t.id} = 1`)],
);

/**
 * Per event, the data version of the last write to its figures: set for every event a write
 * touched when its series summaries are recomputed (db/queries/series-summaries.ts), in the
 * same transaction. While a series of the event is still stale (a write outside this project's
 * write paths), its page goes by the data version instead.
 */
export const eventRevisions = sqliteTable('event_revisions', {
  eventId: integer('event_id').primaryKey(),
  rev: integer('rev').notNull(),
});

/**
 * One row per series of an event (metric × group × place): what the event page shows of it,
 * kept up to date in the same transaction as every write to figures, so the page reads a few
 * thousand precomputed rows instead of aggregating every report. The rules are those of
 * lib/dashboard.ts (selectHeadline, reportedRange); db/queries/series-summaries.ts computes them.
 */
export const seriesSummaries = sqliteTable(
  'series_summaries',
  {
    eventId: integer('event_id').notNull(),
    metricId: integer('metric_id').notNull(),
    group: text('group_name').notNull(),
    location: text('location').notNull(),
    reportCount: integer('report_count').notNull(),
    headlineId: integer('headline_id'),
    headlineSize: integer('headline_size').notNull(),
    numericReports: integer('numeric_reports').notNull(),
    low: integer('low'),
    high: integer('high'),
    numericSources: integer('numeric_sources').notNull(),
    lastUpdatedAt: text('last_updated_at').notNull(),
    /** How a report that gave `low`, and one that gave `high`, qualified its number (migration 0011). */
    lowQualifier: text('low_qualifier', { enum: QUALIFIERS }),
    highQualifier: text('high_qualifier', { enum: QUALIFIERS }),
    /** How many of its reports are retracted (migration 0011): the event page says so beside its count. */
    retractedReports: integer('retracted_reports').notNull().default(0),
    /** The data version of the write that last recomputed it: a reader holding the summaries of
     * an earlier version reads only the rows changed since (lib/event-dashboard.ts). */
    rev: integer('rev').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.metricId, t.group, t.location] }),
    // By metric: the event list shows each event's primary figure of one metric.
    index('series_summaries_metric_idx').on(t.metricId),
    index('series_summaries_event_rev_idx').on(t.eventId, t.rev),
    // By headline: the export's `standing` asks, for each figure, whether it is its count's latest.
    index('series_summaries_headline_idx').on(t.headlineId),
  ],
);

/**
 * The sources each event's figures cite, with the date of the earliest report and its first
 * figure (the page numbers its sources by them): recomputed with the series summaries for every
 * event a write touched (db/queries/series-summaries.ts), read instead of grouping the event's
 * reports on every render.
 */
export const eventSources = sqliteTable(
  'event_sources',
  {
    eventId: integer('event_id').notNull(),
    sourceId: integer('source_id').notNull(),
    firstReportedOn: text('first_reported_on').notNull(),
    firstFigureId: integer('first_figure_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.sourceId] })],
);

/**
 * The series whose summary a write has made stale. Triggers on figures (migration
 * 0004_series_summaries) add them, from any process and any statement; every write path of this
 * project refreshes them before it commits (refreshStaleSeries), and a reader that finds one
 * left (a hand-made change with the sqlite3 shell) computes that series live. So a summary is
 * never trusted when it may be stale.
 */
export const seriesStale = sqliteTable(
  'series_stale',
  {
    eventId: integer('event_id').notNull(),
    metricId: integer('metric_id').notNull(),
    group: text('group_name').notNull(),
    location: text('location').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.metricId, t.group, t.location] })],
);

/**
 * A form an editor sent without JavaScript after their session had ended: kept for that editor
 * only (the account of the session the browser still named), one per page and form, until they
 * are back on that page signed in, which puts what they typed back into the form
 * (lib/auth/unsent-form.ts). `fields` is a JSON object of the form's text fields.
 */
export const unsentForms = sqliteTable(
  'unsent_forms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => adminUsers.id, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    form: text('form').notNull(),
    fields: text('fields').notNull(),
    sentAt: text('sent_at').notNull(),
  },
  (t) => [uniqueIndex('unsent_forms_user_path_form_unique').on(t.userId, t.path, t.form)],
);

export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
export type Metric = typeof metrics.$inferSelect;
export type NewMetric = typeof metrics.$inferInsert;
export type Source = typeof sources.$inferSelect;
export type NewSource = typeof sources.$inferInsert;
export type Figure = typeof figures.$inferSelect;
export type NewFigure = typeof figures.$inferInsert;
export type AuditEntry = typeof auditEntries.$inferSelect;
export type AdminUser = typeof adminUsers.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type LoginAttempt = typeof loginAttempts.$inferSelect;
export type DeviceCookie = typeof deviceCookies.$inferSelect;

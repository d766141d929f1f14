import { getDb } from '@/db/index';
import { checkDatabase } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

/** GET /api/health — 200 with the database's status, 503 when it cannot be read. */
export function GET(): Response {
  try {
    const counts = checkDatabase(getDb());
    return Response.json({ status: 'ok', database: { status: 'ok', ...counts } }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error('health check: database unreadable:', message);
    return Response.json(
      { status: 'error', database: { status: 'error', message: 'The database cannot be read.' } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}

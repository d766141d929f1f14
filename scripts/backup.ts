/** npm run db:backup -- FILE — a consistent online copy of DATABASE_PATH, safe while the server runs. */
import { backupDatabase } from '@/db/backup';
import { databasePath, openDatabase } from '@/db/index';

async function main(): Promise<number> {
  const target = process.argv[2];
  if (!target || target.startsWith('-')) {
    console.error('Usage: npm run db:backup -- FILE   (FILE must not exist yet)');
    return 2;
  }
  const db = openDatabase(databasePath());
  try {
    const counts = await backupDatabase(db, target);
    const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
    console.log(`Backed up ${databasePath()} to ${target}: ${n(counts.events, 'event')}, ${n(counts.sources, 'source')}, ${n(counts.figures, 'figure')}; integrity check ok.`);
    return 0;
  } catch (err) {
    console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    db.$client.close();
  }
}

main().then((code) => process.exit(code));

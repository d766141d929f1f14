import cliProgress from 'cli-progress';
import type { ImportProgress } from '@/lib/import/run';

// Without a terminal (a pipe, a log file, CI), one line at most this often.
const LINE_INTERVAL_MS = 1000;

/** "1 row", "35 rows", "100,000 rows". */
const rowCount = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;

/**
 * Shows an import's progress on `stream`: a progress bar per phase on a terminal, a line now and
 * then otherwise (always one when writing starts, so a log shows the transaction began). A dry run
 * does the same writes and rolls them back: it is said so, not "writing".
 */
export function importProgressReporter(stream: NodeJS.WriteStream, fileBytes: number, { dryRun = false } = {}): { update: (p: ImportProgress) => void; stop: () => void } {
  const writing = dryRun ? 'trying' : 'writing';
  if (stream.isTTY) {
    let bar: cliProgress.SingleBar | null = null;
    let phase: ImportProgress['phase'] | null = null;
    const stop = () => {
      bar?.stop();
      bar = null;
    };
    return {
      update: (p) => {
        if (p.phase !== phase) {
          stop();
          phase = p.phase;
          const format = p.phase === 'reading' ? 'Checking rows {bar} {percentage}% | {rows} rows' : `${dryRun ? 'Trying (dry) ' : 'Writing      '} {bar} {percentage}% | {value}/{total} rows`;
          bar = new cliProgress.SingleBar({ stream, format, hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic);
          bar.start(p.phase === 'writing' ? p.total : Math.max(fileBytes, 1), 0, { rows: 0 });
        }
        if (p.phase === 'reading') bar?.update(p.bytes, { rows: p.rows });
        else bar?.update(p.done);
      },
      stop,
    };
  }
  let last = 0;
  let writingAnnounced = false;
  return {
    update: (p) => {
      const now = Date.now();
      if (p.phase === 'writing' && !writingAnnounced) {
        writingAnnounced = true;
        stream.write(dryRun
          ? `trying ${rowCount(p.total)} in one transaction, to be rolled back (dry run)\n`
          : `writing ${rowCount(p.total)} in one transaction\n`);
        last = now;
        return;
      }
      if (now - last < LINE_INTERVAL_MS) return;
      last = now;
      stream.write(
        p.phase === 'reading'
          ? `reading: ${rowCount(p.rows)} checked\n`
          : `${writing}: ${p.done.toLocaleString('en-US')} of ${rowCount(p.total)}\n`,
      );
    },
    stop: () => {},
  };
}

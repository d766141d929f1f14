import type { EditorClient, FigureFields } from './editor-client';

/** One acknowledged save: which save of the stream it was and the figure it created. */
export type AckedSave = { n: number; figureId: number; ms: number };

/** What a stream of saves saw, counted as the editor's browser would see it. */
export type SaveLog = {
  attempted: number;
  saved: AckedSave[];
  refused: Array<{ n: number; message: string }>;
  failed: Array<{ n: number; message: string }>;
  /** Ticks when no save was sent because `maxInFlight` saves were still unanswered. */
  skippedTicks: number;
  /** Saves sent and not yet answered, now. */
  inFlight: number;
  maxInFlight: number;
};

const FIRST_DAY = Date.UTC(2022, 0, 20);
const DAY_MS = 86_400_000;

/** The note that identifies save `n` of the stream marked `marker`, in the database too. */
export function saveNote(marker: string, n: number): string {
  return `${marker} save ${n}`;
}

/**
 * The form fields of save `n`: a distinct figure each time (one source may report a count for a
 * place and date only once), all in past dates, with a note naming the save.
 */
export function saveFields(marker: string, n: number): FigureFields {
  const reportedOn = new Date(FIRST_DAY + (n % 1000) * DAY_MS).toISOString().slice(0, 10);
  return { location: `${marker} ${Math.floor(n / 1000)}`, reportedOn, valueBest: String(100 + n), note: saveNote(marker, n) };
}

/**
 * Starts a save every `intervalMs` until `stop` is called, whether or not the earlier ones have
 * been answered (the write load does not ease off because the server is slow), but never more
 * than `maxInFlight` at once: a tick that finds that many unanswered is skipped and counted.
 * `maxInFlight: 1` is one editor at one form, whose button waits for the answer. `stop` resolves
 * once every save sent has been answered.
 */
export function startSaveStream(client: EditorClient, marker: string, opts: { intervalMs: number; maxInFlight: number }): { log: SaveLog; stop: () => Promise<SaveLog> } {
  const log: SaveLog = { attempted: 0, saved: [], refused: [], failed: [], skippedTicks: 0, inFlight: 0, maxInFlight: 0 };
  const pending = new Set<Promise<void>>();
  const tick = () => {
    if (log.inFlight >= opts.maxInFlight) {
      log.skippedTicks++;
      return;
    }
    const n = log.attempted++;
    log.maxInFlight = Math.max(log.maxInFlight, ++log.inFlight);
    const save = client.createFigure(saveFields(marker, n)).then((outcome) => {
      log.inFlight--;
      if (outcome.kind === 'saved') log.saved.push({ n, figureId: outcome.figureId, ms: outcome.ms });
      else log[outcome.kind].push({ n, message: outcome.message });
    });
    pending.add(save);
    void save.finally(() => pending.delete(save));
  };
  tick();
  const timer = setInterval(tick, opts.intervalMs);
  return {
    log,
    stop: async () => {
      clearInterval(timer);
      await Promise.all(pending);
      return log;
    },
  };
}

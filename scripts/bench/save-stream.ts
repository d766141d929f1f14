import type { EditorClient, FigureFields } from './editor-client';

/** One acknowledged save: which save of the stream it was and the figure it created. */
export type AckedSave = { n: number; figureId: number; ms: number };

/** What a stream of saves saw, counted as the editor's browser would see it. */
export type SaveLog = {
  attempted: number;
  saved: AckedSave[];
  refused: Array<{ n: number; message: string }>;
  failed: Array<{ n: number; message: string }>;
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
 * Starts a save every `intervalMs` (a new one does not wait for the previous answer, as a busy
 * newsroom would not) until `stop` is called; `stop` resolves once every save has been answered.
 */
export function startSaveStream(client: EditorClient, marker: string, intervalMs: number): { log: SaveLog; stop: () => Promise<SaveLog> } {
  const log: SaveLog = { attempted: 0, saved: [], refused: [], failed: [], inFlight: 0, maxInFlight: 0 };
  const pending = new Set<Promise<void>>();
  const saveOne = () => {
    const n = log.attempted++;
    const save = client.createFigure(saveFields(marker, n)).then((outcome) => {
      if (outcome.kind === 'saved') log.saved.push({ n, figureId: outcome.figureId, ms: outcome.ms });
      else log[outcome.kind].push({ n, message: outcome.message });
    });
    pending.add(save);
    log.inFlight = pending.size;
    log.maxInFlight = Math.max(log.maxInFlight, pending.size);
    void save.finally(() => {
      pending.delete(save);
      log.inFlight = pending.size;
    });
  };
  saveOne();
  const timer = setInterval(saveOne, intervalMs);
  return {
    log,
    stop: async () => {
      clearInterval(timer);
      await Promise.all(pending);
      return log;
    },
  };
}

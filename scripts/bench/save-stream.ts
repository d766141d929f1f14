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
 * Saves figures until `stop` is called, as `editors` editors each saving one figure every
 * `intervalMs`. Like the form's submit button, an editor sends the next save only after the
 * previous one was answered, so a slow server slows the stream down instead of piling saves up;
 * the log's count against the elapsed time shows whether the pace was kept. `stop` resolves
 * once every save sent has been answered.
 */
export function startSaveStream(client: EditorClient, marker: string, opts: { intervalMs: number; editors?: number }): { log: SaveLog; stop: () => Promise<SaveLog> } {
  const log: SaveLog = { attempted: 0, saved: [], refused: [], failed: [], inFlight: 0, maxInFlight: 0 };
  let stopped = false;
  const sleepers = new Set<() => void>();
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      sleepers.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, Math.max(0, ms));
    sleepers.add(wake);
  });
  const editor = async () => {
    while (!stopped) {
      const n = log.attempted++;
      const started = performance.now();
      log.maxInFlight = Math.max(log.maxInFlight, ++log.inFlight);
      const outcome = await client.createFigure(saveFields(marker, n));
      log.inFlight--;
      if (outcome.kind === 'saved') log.saved.push({ n, figureId: outcome.figureId, ms: outcome.ms });
      else log[outcome.kind].push({ n, message: outcome.message });
      if (!stopped) await pause(opts.intervalMs - (performance.now() - started));
    }
  };
  const editors = Array.from({ length: opts.editors ?? 1 }, () => editor());
  return {
    log,
    stop: async () => {
      stopped = true;
      for (const wake of sleepers) wake();
      await Promise.all(editors);
      return log;
    },
  };
}

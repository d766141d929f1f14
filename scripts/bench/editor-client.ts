import { actionIdFromChunks, actionIdFromFlight, encodeActionArguments, flightPayload, postAction, type ActionResponse } from './next-action';

/** The outcome of one save as the editor's browser would see it. */
export type SaveOutcome =
  | { kind: 'saved'; figureId: number; ms: number }
  | { kind: 'refused'; message: string; ms: number }
  | { kind: 'failed'; message: string; ms: number };

/** The fields the add-figure form posts (its field names, as the browser sends them). */
export type FigureFields = Record<string, string>;

const IDLE = { status: 'idle', key: 0 };
const NEW_FIGURE_PATH = '/admin/figures/new';

/** The form's fields with the values a browser would submit; a changed form fails loudly here. */
function figureDefaults(html: string): FigureFields {
  const firstOption = (name: string) => {
    const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
    const value = /<option value="(\d+)"/.exec(select)?.[1];
    if (!value) throw new Error(`The add-figure form has no ${name} to choose from.`);
    return value;
  };
  const fields: FigureFields = {
    eventId: firstOption('eventId'), metricId: firstOption('metricId'), group: 'all', location: 'Load test', qualifier: 'exact',
    valueBest: '1', valueLow: '', valueHigh: '', unit: 'people', reportedOn: '2022-01-20',
    sourceChoice: 'existing', sourceId: firstOption('sourceId'),
    newSourceReportingBody: '', newSourcePublisher: '', newSourcePublishedOn: '', newSourceTitle: '', newSourceUrl: '',
    quote: '', note: '',
  };
  for (const name of Object.keys(fields)) {
    if (!html.includes(`name="${name}"`)) throw new Error(`The add-figure form has no field named ${name}; update scripts/bench/editor-client.ts.`);
  }
  return fields;
}

/**
 * An editor signed in through the real sign-in form, saving figures through the real add-figure
 * form's server action, with the session cookie kept as a browser keeps it.
 */
export class EditorClient {
  private readonly cookies = new Map<string, string>();
  private createActionId = '';
  private defaults: FigureFields = {};

  private constructor(private readonly baseUrl: string, private readonly timeoutMs: number) {}

  /** Signs in at /admin/login like the browser does; throws with the form's message when refused. */
  static async signIn(baseUrl: string, who: { email: string; password: string }, timeoutMs = 30_000): Promise<EditorClient> {
    const client = new EditorClient(baseUrl, timeoutMs);
    const loginUrl = new URL('/admin/login', baseUrl);
    const html = await client.get(loginUrl);
    const actionId = await actionIdFromChunks(baseUrl, html, 'signIn');
    const answer = await client.post(loginUrl, actionId, [['email', who.email], ['password', who.password]]);
    if (answer.redirect !== '/admin/figures' || !client.cookies.size) {
      throw new Error(`Sign-in refused (HTTP ${answer.status}): ${String(answer.result?.message ?? 'no redirect')}`);
    }
    await client.openNewFigureForm();
    return client;
  }

  /** Opens the add-figure form (as the browser does before the editor types) for its action id. */
  async openNewFigureForm(): Promise<void> {
    const html = await this.get(new URL(NEW_FIGURE_PATH, this.baseUrl));
    this.createActionId = actionIdFromFlight(flightPayload(html), '"submitLabel":"Add figure"');
    this.defaults = figureDefaults(html);
  }

  /**
   * Submits the add-figure form with `fields` over the form's defaults. Saved only when the
   * action answered with its redirect to the new figure's page, which it sends after committing.
   */
  async createFigure(fields: FigureFields): Promise<SaveOutcome> {
    const started = performance.now();
    const ms = () => performance.now() - started;
    const save = async (): Promise<SaveOutcome> => {
      const answer = await this.post(new URL(NEW_FIGURE_PATH, this.baseUrl), this.createActionId, Object.entries({ ...this.defaults, ...fields }));
      const saved = answer.redirect ? /^\/admin\/figures\/(\d+)\?saved=created$/.exec(answer.redirect) : null;
      if (answer.status === 200 && saved?.[1]) return { kind: 'saved', figureId: Number(saved[1]), ms: ms() };
      if (answer.status === 200 && answer.result?.status === 'error') return { kind: 'refused', message: String(answer.result.message), ms: ms() };
      return { kind: 'failed', message: `HTTP ${answer.status}, redirect ${answer.redirect ?? 'none'}`, ms: ms() };
    };
    // The fetch's own abort signal should end a stuck save; this timer is the backstop that keeps
    // one lost request from holding up a whole run (a run once waited on a save with no socket left).
    let timer: NodeJS.Timeout | undefined;
    const backstop = new Promise<SaveOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'failed', message: `no answer after ${this.timeoutMs + 5000} ms`, ms: ms() }), this.timeoutMs + 5000);
    });
    try {
      return await Promise.race([save(), backstop]);
    } catch (err) {
      return { kind: 'failed', message: err instanceof Error ? `${err.name}: ${err.message}` : String(err), ms: ms() };
    } finally {
      clearTimeout(timer);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keepCookies(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  private async get(url: URL): Promise<string> {
    const response = await fetch(url, { headers: { Cookie: this.cookieHeader() }, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
    this.keepCookies(response.headers.getSetCookie());
    if (response.status !== 200) throw new Error(`GET ${url.pathname} answered HTTP ${response.status}${response.headers.get('location') ? ` to ${response.headers.get('location')}` : ''}.`);
    return response.text();
  }

  private async post(url: URL, actionId: string, fields: Array<[string, string]>): Promise<ActionResponse> {
    const answer = await postAction(url, actionId, encodeActionArguments(IDLE, fields), this.cookieHeader(), this.timeoutMs);
    this.keepCookies(answer.setCookies);
    return answer;
  }
}

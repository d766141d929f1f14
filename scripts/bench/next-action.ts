/**
 * Calling a Next.js server action from Node the way the browser's router does, for the load and
 * crash tests: find the action's id where the browser finds it, encode the arguments as React's
 * `encodeReply` does, and POST them with the `Next-Action` header.
 *
 * The admin forms use `useActionState`, so their `action` is a client function and the HTML form
 * carries no `$ACTION_ID_…` field: the browser learns the id either from the client chunk that
 * imports the action (`createServerReference("id", …, "name")`) or from the page's Flight payload,
 * where a server component passed the action as a prop (`"action":"$h1c"` and a row
 * `1c:{"id":"…","bound":null}`).
 */

/** The Flight (React Server Components) payload a page embeds in its HTML, as one text. */
export function flightPayload(html: string): string {
  const chunks: string[] = [];
  for (const match of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) {
    chunks.push(JSON.parse(match[1] as string) as string);
  }
  return chunks.join('');
}

/**
 * The id of the server action a server component passed as the `action` prop of the client
 * component whose props contain `marker` (e.g. `"submitLabel":"Add figure"`).
 */
export function actionIdFromFlight(flight: string, marker: string): string {
  const at = flight.indexOf(marker);
  if (at < 0) throw new Error(`The page's Flight payload has no ${marker}; has the form changed?`);
  const refs = [...flight.slice(0, at).matchAll(/"action":"\$h([0-9a-f]+)"/g)];
  const ref = refs.at(-1)?.[1];
  if (!ref) throw new Error(`No server action is passed as "action" before ${marker} in the Flight payload.`);
  const row = new RegExp(`(?:^|\\n)${ref}:\\{"id":"([0-9a-f]+)","bound":null\\}`).exec(flight);
  if (!row?.[1]) throw new Error(`The Flight payload does not define the server reference $h${ref}.`);
  return row[1];
}

/** The id of the server action named `name` that one of the page's client chunks imports. */
export async function actionIdFromChunks(baseUrl: string, html: string, name: string): Promise<string> {
  const scripts = [...html.matchAll(/<script[^>]+src="(\/_next\/static\/chunks\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const pattern = new RegExp(`createServerReference\\)\\("([0-9a-f]+)",[^)]*?"${name}"\\)`);
  for (const src of scripts) {
    const response = await fetch(new URL(src, baseUrl));
    const found = pattern.exec(await response.text());
    if (found?.[1]) return found[1];
  }
  throw new Error(`None of the page's ${scripts.length} scripts imports a server action named ${name}.`);
}

/**
 * The body React's `encodeReply` makes for an action called with `(previousState, formData)`:
 * the form's fields under the prefix `_1_`, and part `0` holding the argument list, where `$K1`
 * stands for that form data. Strings starting with `$` are escaped as React escapes them.
 */
export function encodeActionArguments(previousState: Record<string, unknown>, fields: Iterable<[string, string]>): FormData {
  const body = new FormData();
  for (const [name, value] of fields) body.append(`_1_${name}`, value);
  const escape = (_key: string, value: unknown) => (typeof value === 'string' && value.startsWith('$') ? `$${value}` : value);
  body.append('0', `[${JSON.stringify(previousState, escape)},"$K1"]`);
  return body;
}

/** What a server action call answered. */
export type ActionResponse = {
  status: number;
  /** `x-action-redirect`: where the action redirected the browser, without its `;push`/`;replace`. */
  redirect: string | null;
  /** The action's return value (a form state) when it returned instead of redirecting. */
  result: Record<string, unknown> | null;
  setCookies: string[];
};

/** The action's own return value in a Flight response: the row the root's `"a":"$@N"` names. */
export function actionResult(body: string): Record<string, unknown> | null {
  const root = /^0:(\{.*\})$/m.exec(body);
  if (!root?.[1]) return null;
  const ref = /"a":"\$@([0-9a-f]+)"/.exec(root[1])?.[1];
  const row = ref ? new RegExp(`^${ref}:(\\{.*\\})$`, 'm').exec(body)?.[1] : undefined;
  return row ? (JSON.parse(row) as Record<string, unknown>) : null;
}

/** POSTs a server action to `pageUrl` as the browser's router does; the whole answer is read. */
export async function postAction(pageUrl: URL, actionId: string, body: FormData, cookie: string, timeoutMs: number): Promise<ActionResponse> {
  const response = await fetch(pageUrl, {
    method: 'POST',
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { Accept: 'text/x-component', 'Next-Action': actionId, Origin: pageUrl.origin, Cookie: cookie },
  });
  const text = await response.text();
  const redirect = response.headers.get('x-action-redirect');
  return {
    status: response.status,
    redirect: redirect ? redirect.replace(/;(push|replace)$/, '') : null,
    result: redirect ? null : actionResult(text),
    setCookies: response.headers.getSetCookie(),
  };
}

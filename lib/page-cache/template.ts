/**
 * A rendered page kept as the bytes around its CSP nonce, so that each response can carry a
 * fresh nonce (a nonce must never be reused across responses) without rendering again.
 */
export type PageTemplate = { parts: Buffer[]; length: number };

const NONCE_IN_POLICY = /'nonce-([A-Za-z0-9+/=_-]{16,})'/;

/** The nonce a Content-Security-Policy names, if any. */
export function nonceOf(policy: string | undefined): string | null {
  return policy ? (NONCE_IN_POLICY.exec(policy)?.[1] ?? null) : null;
}

/** Splits a body on every occurrence of its nonce. */
export function makeTemplate(body: Buffer, nonce: string): PageTemplate {
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return { parts, length: body.length };
}

/** The page's bytes with `nonce` wherever the original nonce stood. */
export function fillTemplate(template: PageTemplate, nonce: string): Buffer {
  if (template.parts.length === 1) return template.parts[0]!;
  const needle = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  template.parts.forEach((part, i) => {
    if (i > 0) pieces.push(needle);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

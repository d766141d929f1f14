import crypto from 'node:crypto';

/**
 * Passwords are stored as `scrypt$N$r$p$salt$hash` (salt and hash in base64). The parameters
 * travel with each hash so that they can be raised later without locking anyone out: a stored
 * hash is always checked with the parameters it was made with, and one made with weaker ones is
 * made again at the next sign-in (lib/auth/sign-in.ts). N = 2^15, r = 8, p = 3 is one of OWASP's
 * minimum scrypt settings (as strong as N = 2^17 with p = 1), with 32 MB a hash rather than 128,
 * so that sign-ins checked side by side do not take the server's memory.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 3, keyLength: 64, saltLength: 16 } as const;

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; allow twice that so a raised N does not hit the default cap.
    crypto.scrypt(password.normalize('NFC'), salt, keyLength, { N, r, p, maxmem: 256 * N * r }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** A new hash of `password` with a random salt and the current parameters. */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, keyLength, saltLength } = SCRYPT_PARAMS;
  const salt = crypto.randomBytes(saltLength);
  const key = await scrypt(password, salt, N, r, p, keyLength);
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether `password` matches `stored`, compared in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (!N || !r || !p || N < 2 ** 14 || (N & (N - 1)) !== 0 || salt.length < 16 || expected.length < 32) return false;
  const actual = await scrypt(password, salt, N, r, p, expected.length);
  // A hash made with less work than today's is checked in the time of today's: otherwise a wrong
  // password would be answered faster for such an account than for an e-mail with none (checked
  // against a hash of today's settings), telling which accounts exist.
  const missing = SCRYPT_PARAMS.N * SCRYPT_PARAMS.r * SCRYPT_PARAMS.p - N * r * p;
  if (missing > 0) await scrypt(password, salt, SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, Math.max(1, Math.round(missing / (SCRYPT_PARAMS.N * SCRYPT_PARAMS.r))), 32);
  return crypto.timingSafeEqual(actual, expected);
}

/** Whether a stored hash was made with less work than the current parameters ask (made again at the next sign-in). */
export function needsRehash(stored: string): boolean {
  const [kind, N, r, p] = stored.split('$');
  return kind !== 'scrypt' || Number(N) * Number(r) * Number(p) < SCRYPT_PARAMS.N * SCRYPT_PARAMS.r * SCRYPT_PARAMS.p;
}

// Checked against when the e-mail is unknown, so that a wrong e-mail takes as long as a wrong
// password and the response time does not tell which accounts exist.
let dummyHash: Promise<string> | undefined;
/** Spends the time of one verification without any account. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummyHash);
  return false;
}

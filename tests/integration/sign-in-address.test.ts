import { spawnSync } from 'node:child_process';
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signIn } from '@/app/admin/login/actions';
import type { Db } from '@/db/index';
import { CLIENT_ADDRESS_HEADER, clientAddressStamper, forgetClientAddressStamper } from '@/lib/auth/client-address';
import { WRONG_CREDENTIALS } from '@/lib/auth/sign-in';
import { editorAccountDb } from '../helpers/editor-account-db';
import { EDITOR, formDataOf } from '../helpers/editor-session';
import { requestHeaders } from '../helpers/next-headers';
import { serveTestDatabases } from '../helpers/served-db';

vi.mock('next/headers', () => import('../helpers/next-headers'));

/**
 * The sign-in action's per-address throttle, with the request's headers as scripts/serve.ts
 * leaves them: a client that changes X-Forwarded-For (or sends the server's own address header)
 * on every attempt is still counted under the address its connection comes from.
 */
const serve = serveTestDatabases();
let db: Db;
beforeEach(async () => {
  db = await editorAccountDb(serve);
});
afterEach(() => forgetClientAddressStamper());

/** Headers of a request from `socketAddress` after the production server stamped it. */
function arriving(stamp: (req: IncomingMessage) => void, socketAddress: string, headers: Record<string, string>): void {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: socketAddress });
  const req = new IncomingMessage(socket);
  req.headers = { ...headers };
  stamp(req);
  requestHeaders.clear();
  for (const [name, value] of Object.entries(req.headers)) requestHeaders.set(name, String(value));
}

const attempt = (email: string, password = 'not the password') => signIn({ status: 'idle' }, formDataOf({ email, password }));
const addressRows = () => db.$client.prepare("SELECT key, failures FROM login_attempts WHERE scope = 'address'").all();

describe('the per-address throttle counts the connection, not what the client claims', () => {
  it('ten failures with a new spoofed address each time still make the address wait', async () => {
    const stamp = clientAddressStamper({});
    for (let i = 0; i < 10; i++) {
      arriving(stamp, '198.51.100.7', { 'x-forwarded-for': `192.0.2.${i}`, [CLIENT_ADDRESS_HEADER]: `192.0.2.${100 + i}` });
      const state = await attempt(`guess${i}@example.org`);
      expect(state.message).toBe(i < 9 ? WRONG_CREDENTIALS : `${WRONG_CREDENTIALS} Too many failed sign-ins. Try again in 1 second.`);
    }
    expect(addressRows()).toEqual([{ key: '198.51.100.7', failures: 10 }]);
    // Even the right password must wait: the address is throttled, not the account.
    arriving(stamp, '198.51.100.7', { 'x-forwarded-for': '192.0.2.250' });
    expect((await attempt(EDITOR.email, EDITOR.password)).message).toMatch(/^Too many failed sign-ins\. Try again in 1 second\.$/);
  });

  it('behind a trusted proxy, the proxy-appended entry is the address; the client-written ones are ignored', async () => {
    const stamp = clientAddressStamper({ TRUST_PROXY: '1' });
    for (let i = 0; i < 3; i++) {
      arriving(stamp, '10.0.0.2', { 'x-forwarded-for': `192.0.2.${i}, 203.0.113.9`, [CLIENT_ADDRESS_HEADER]: '192.0.2.200' });
      await attempt(`guess${i}@example.org`);
    }
    expect(addressRows()).toEqual([{ key: '203.0.113.9', failures: 3 }]);
  });

  it('the per-account throttle applies whatever address each attempt comes from', async () => {
    const stamp = clientAddressStamper({});
    const messages: Array<string | undefined> = [];
    for (let i = 0; i < 3; i++) {
      arriving(stamp, `198.51.100.${10 + i}`, {});
      messages.push((await attempt(EDITOR.email)).message);
    }
    expect(messages).toEqual([WRONG_CREDENTIALS, WRONG_CREDENTIALS, `${WRONG_CREDENTIALS} Too many failed sign-ins. Try again in 1 second.`]);
    arriving(stamp, '198.51.100.99', {});
    expect((await attempt(EDITOR.email, EDITOR.password)).message).toBe('Too many failed sign-ins. Try again in 1 second.');
  });

  it('served without the production server (next dev), a client-written address header is never used', async () => {
    requestHeaders.set(CLIENT_ADDRESS_HEADER, '192.0.2.1');
    requestHeaders.set('x-forwarded-for', '192.0.2.2');
    await attempt('guess@example.org');
    expect(addressRows()).toEqual([{ key: 'unknown', failures: 1 }]);
  });
});

describe('TRUST_PROXY at start-up', () => {
  it('a value other than 1 or 0 stops the production server with a message saying which values it takes', () => {
    const env = { ...process.env, TRUST_PROXY: 'yes', PORT: '1', NODE_ENV: 'production' as const };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The server could not start: TRUST_PROXY must be 1 (behind a reverse proxy that appends the client\'s address to X-Forwarded-For) or 0 (the default: clients connect directly), not "yes".');
  });
});

/**
 * npm run admin -- create --email E | reset-password --email E | list
 * The password comes from ADMIN_PASSWORD or, on a terminal, a prompt that does not echo it.
 * There is no default password: without either, the command stops.
 */
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '@/db/index';
import { migrateDatabase } from '@/db/migrate';
import { listAdminUsers } from '@/db/queries/admin-users';
import { AccountError, createAdmin, resetAdminPassword } from '@/lib/auth/accounts';
import { PASSWORD_MIN } from '@/lib/validation/admin-user';

const USAGE = `Usage:
  npm run admin -- create --email EMAIL          create an editor's account
  npm run admin -- reset-password --email EMAIL  set a new password, sign the account out everywhere and forget its browsers
  npm run admin -- list                          list the accounts
The password is read from ADMIN_PASSWORD, or asked for without echo on a terminal (at least ${PASSWORD_MIN} characters).`;

/** Reads a line from the terminal without showing what is typed. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new AccountError('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new AccountError('Set ADMIN_PASSWORD, or run this on a terminal to be asked for the password.');
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Repeat the password: ');
  if (first !== second) throw new AccountError('The two passwords differ; nothing was changed.');
  return first;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { email: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    if (!command && !values.help) process.exitCode = 2;
    return;
  }
  const db = openDatabase(databasePath());
  try {
    migrateDatabase(db);
    if (command === 'list') {
      const users = listAdminUsers(db);
      if (users.length === 0) console.log('No accounts yet. Create one with: npm run admin -- create --email EMAIL');
      for (const u of users) console.log(`${u.email}\tcreated ${u.createdAt}`);
    } else if (command === 'create' || command === 'reset-password') {
      if (!values.email) throw new AccountError(`Give the account's e-mail: npm run admin -- ${command} --email EMAIL`);
      const password = await readPassword();
      if (command === 'create') {
        const user = await createAdmin(db, values.email, password);
        console.log(`Created the account ${user.email}. Sign in at /admin/login.`);
      } else {
        await resetAdminPassword(db, values.email, password);
        console.log(`Set a new password for ${values.email.trim().toLowerCase()}; its sessions were signed out and the browsers it signed in with are trusted no more.`);
      }
    } else {
      throw new AccountError(`Unknown command "${command}".\n${USAGE}`);
    }
  } finally {
    db.$client.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof AccountError) console.error(err.message);
  else if (err instanceof Error && err.message.startsWith('Unknown option')) console.error(`${err.message}\n${USAGE}`);
  else console.error(err);
  process.exitCode = 1;
});

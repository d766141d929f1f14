import type Database from 'better-sqlite3';

/**
 * Records the SQL of every statement `client` prepares from now on (drizzle prepares each query
 * it runs), until `stop`: for tests of which queries a piece of code makes.
 */
export function recordStatements(client: Database.Database): { statements: string[]; stop: () => void } {
  const statements: string[] = [];
  const prepare = client.prepare;
  client.prepare = ((source: string) => (statements.push(source), prepare.call(client, source))) as typeof client.prepare;
  return { statements, stop: () => void (client.prepare = prepare) };
}

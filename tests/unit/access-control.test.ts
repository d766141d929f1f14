import { describe, expect, it } from 'vitest';
import { adminEntryPointsOf, listAdminEntryPoints, listServerActions, OPEN_ACTIONS, OPEN_ADMIN_FILES, serverActionsOf } from '../helpers/access-rules';

const ROOT = process.cwd();

describe('the rule, on small examples', () => {
  it('a server action that checks the session first passes; one that does not, fails', () => {
    const source = `'use server';
import { requireAdmin } from '@/lib/auth/session';
export async function good(_p: unknown, form: FormData) { const user = await requireAdmin(); save(form, user); }
export async function bare() { await requireAdmin(); }
export async function missing(_p: unknown, form: FormData) { save(form); }
export async function late(_p: unknown, form: FormData) { save(form); await requireAdmin(); }
export async function notAwaited() { requireAdmin(); save(); }
export const arrow = async () => { save(); };`;
    expect(serverActionsOf(source)).toEqual([
      { name: 'good', checked: true },
      { name: 'bare', checked: true },
      { name: 'missing', checked: false },
      { name: 'late', checked: false },
      { name: 'notAwaited', checked: false },
      { name: 'arrow', checked: false },
    ]);
  });

  it('an action wrapped by adminAction passes, directly or through a module-level const', () => {
    const source = `'use server';
const create = adminAction(schema, (input) => save(input));
let loose = adminAction(schema, (input) => save(input));
const plain = async (p, f) => save(f);
export const direct = adminAction(schema, (input) => save(input));
export async function delegates(p: unknown, f: FormData) { return create(p, f); }
export async function delegatesToLet(p: unknown, f: FormData) { return loose(p, f); }
export async function delegatesToPlain(p: unknown, f: FormData) { return plain(p, f); }
export async function doesMore(p: unknown, f: FormData) { save(f); return create(p, f); }
export const notWrapped = someOtherWrapper(schema, save);`;
    expect(serverActionsOf(source)).toEqual([
      { name: 'direct', checked: true },
      { name: 'delegates', checked: true },
      { name: 'delegatesToLet', checked: false },
      { name: 'delegatesToPlain', checked: false },
      { name: 'doesMore', checked: false },
      { name: 'notWrapped', checked: false },
    ]);
  });

  it('a function with its own use server directive is an action wherever it is', () => {
    const source = `export default function Page() {
  async function unchecked(form: FormData) { 'use server'; save(form); }
  async function checked(form: FormData) { 'use server'; await requireAdmin(); save(form); }
  return <form action={async () => { 'use server'; save(); }} />;
}`;
    expect(serverActionsOf(source, 'page.tsx')).toEqual([
      { name: 'unchecked', checked: false },
      { name: 'checked', checked: true },
      { name: 'inline action at line 4', checked: false },
    ]);
  });

  it('a module without the directive exports no actions; a directive after other code is no directive', () => {
    expect(serverActionsOf(`export async function helper() { save(); }`)).toEqual([]);
    expect(serverActionsOf(`import x from 'y';\n'use server';\nexport async function a() { save(); }`)).toEqual([]);
  });

  it('a page, layout or route must check first in its own body', () => {
    expect(adminEntryPointsOf(`export default async function P() { await requireAdmin(); return <p/>; }`, 'page.tsx')).toEqual([{ name: 'default', checked: true }]);
    expect(adminEntryPointsOf(`export default async function P() { const rows = list(getDb()); await requireAdmin(); return <p/>; }`, 'page.tsx')).toEqual([{ name: 'default', checked: false }]);
    expect(adminEntryPointsOf(`export default async function P() { return <p>{list(getDb())}</p>; }`, 'page.tsx')).toEqual([{ name: 'default', checked: false }]);
    expect(adminEntryPointsOf(`const P = async () => { await requireAdmin(); return null; };\nexport default P;`, 'page.tsx')).toEqual([{ name: 'default', checked: true }]);
    expect(adminEntryPointsOf(`const P = async () => list();\nexport default P;`, 'layout.tsx')).toEqual([{ name: 'default', checked: false }]);
    expect(adminEntryPointsOf(`export async function GET() { await requireAdmin(); return Response.json(1); }\nexport function POST() { return new Response(); }\nexport const dynamic = 'force-dynamic';`, 'route.ts')).toEqual([
      { name: 'GET', checked: true },
      { name: 'POST', checked: false },
    ]);
  });
});

describe('the application', () => {
  const actions = listServerActions(ROOT);
  const entryPoints = listAdminEntryPoints(ROOT);

  it('finds the server actions and admin pages it should (the scanner is not blind)', () => {
    const names = actions.map((a) => a.name);
    for (const known of ['createFigureAction', 'updateFigureAction', 'retractFigureAction', 'restoreFigureAction', 'importFiguresAction', 'createSourceAction', 'removeSourceAction', 'createEventAction', 'signIn', 'signOut']) {
      expect(names).toContain(known);
    }
    const files = entryPoints.map((e) => e.file);
    for (const known of ['app/admin/page.tsx', 'app/admin/(signed-in)/layout.tsx', 'app/admin/(signed-in)/figures/[id]/page.tsx', 'app/admin/(signed-in)/history/page.tsx']) {
      expect(files).toContain(known);
    }
  });

  it('every server action checks the session itself, except the listed ones', () => {
    const unchecked = actions.filter((a) => !a.checked).map((a) => `${a.file}#${a.name}`);
    expect(unchecked.sort()).toEqual(Object.keys(OPEN_ACTIONS).sort());
  });

  it('every admin page, layout and route checks the session itself, except the listed ones', () => {
    const unchecked = entryPoints.filter((e) => !e.checked).map((e) => e.file);
    expect(unchecked.sort()).toEqual(Object.keys(OPEN_ADMIN_FILES).sort());
  });

  it('every signed-in page sits under app/admin/(signed-in)/, whose layout checks too', () => {
    const pages = entryPoints.filter((e) => /\/page\.tsx?$/.test(e.file) && !(e.file in OPEN_ADMIN_FILES)).map((e) => e.file);
    // app/admin/page.tsx only checks and redirects to the figures; it renders nothing.
    expect(pages.filter((f) => !f.startsWith('app/admin/(signed-in)/'))).toEqual(['app/admin/page.tsx']);
    expect(entryPoints.find((e) => e.file === 'app/admin/(signed-in)/layout.tsx')?.checked).toBe(true);
  });
});

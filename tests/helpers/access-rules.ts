import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The access-control rule, read from source with the TypeScript parser so that a new admin page,
 * route or server action without a session check fails the suite.
 *
 * The rule: an entry point's own body checks the session before it does anything else. Next
 * renders a layout and its page in parallel, so a check in `(signed-in)/layout.tsx` does not
 * stop the page from reading the database (or a server action, which runs no layout at all);
 * each page, layout, route handler and server action therefore checks for itself:
 * - its first statement awaits `requireAdmin()` (a bare call or `const user = await ...`), after
 *   the 'use server' directive of an inline action, or
 * - (server actions) it is `adminAction(...)` itself, or its body is just `return f(...)` where
 *   `f` is a module-level `const f = adminAction(...)`, which checks the session first.
 */

/** Entry points that may be reached without a session, each with the reason. */
export const OPEN_ADMIN_FILES: Record<string, string> = {
  'app/admin/layout.tsx': 'wraps every admin page, the sign-in page included; renders only its children and reads no data',
  'app/admin/login/page.tsx': 'the sign-in page must be reachable signed out; it reads only whether the visitor is signed in',
};
export const OPEN_ACTIONS: Record<string, string> = {
  'app/admin/login/actions.ts#signIn': 'signing in is how a session is obtained; it is throttled per account and address',
  'app/admin/login/actions.ts#signOut': 'revokes only the token the request presents and clears the cookie; reads and changes nothing else',
};

export type EntryPoint = { name: string; checked: boolean };

const SESSION_CHECK = 'requireAdmin';
const ACTION_WRAPPER = 'adminAction';
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction;

function parse(source: string, fileName: string): ts.SourceFile {
  return ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function isCallTo(node: ts.Node | undefined, name: string): node is ts.CallExpression {
  return !!node && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name;
}

function isDirective(statement: ts.Statement | undefined, text: string): boolean {
  return !!statement && ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression) && statement.expression.text === text;
}

/** Whether `statement` is `await requireAdmin()` or `const x = await requireAdmin()`. */
function isSessionCheck(statement: ts.Statement | undefined): boolean {
  if (!statement) return false;
  let expression: ts.Expression | undefined;
  if (ts.isExpressionStatement(statement)) expression = statement.expression;
  else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) expression = statement.declarationList.declarations[0]!.initializer;
  return !!expression && ts.isAwaitExpression(expression) && isCallTo(expression.expression, SESSION_CHECK);
}

/** Module-level `const name = adminAction(...)` declarations: functions that check first. */
function wrappedActions(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of statement.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && isCallTo(d.initializer, ACTION_WRAPPER)) names.add(d.name.text);
    }
  }
  return names;
}

function statementsOf(fn: FunctionLike): readonly ts.Statement[] {
  if (!fn.body) return [];
  return ts.isBlock(fn.body) ? fn.body.statements : [ts.factory.createReturnStatement(fn.body)];
}

/** Whether a function checks the session first, itself or by delegating to an adminAction. */
function checksFirst(fn: FunctionLike, wrapped: Set<string>): boolean {
  const statements = statementsOf(fn);
  const body = isDirective(statements[0], 'use server') ? statements.slice(1) : statements;
  if (isSessionCheck(body[0])) return true;
  const only = body.length === 1 ? body[0] : undefined;
  const returned = only && ts.isReturnStatement(only) ? only.expression : undefined;
  const call = returned && ts.isAwaitExpression(returned) ? returned.expression : returned;
  return !!call && ts.isCallExpression(call) && ts.isIdentifier(call.expression) && wrapped.has(call.expression.text);
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function isDefault(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

function functionInitializer(d: ts.VariableDeclaration): FunctionLike | undefined {
  const init = d.initializer;
  return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
}

/** Every exported binding of a module with the function it names, if it is one. */
function exportsOf(file: ts.SourceFile): Array<{ name: string; fn?: FunctionLike; wrapperCall: boolean }> {
  const out: Array<{ name: string; fn?: FunctionLike; wrapperCall: boolean }> = [];
  const localFunctions = new Map<string, FunctionLike>();
  for (const s of file.statements) {
    if (ts.isFunctionDeclaration(s) && s.name) localFunctions.set(s.name.text, s);
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        const fn = functionInitializer(d);
        if (fn && ts.isIdentifier(d.name)) localFunctions.set(d.name.text, fn);
      }
    }
  }
  for (const s of file.statements) {
    if (ts.isFunctionDeclaration(s) && isExported(s)) {
      out.push({ name: isDefault(s) ? 'default' : (s.name?.text ?? 'default'), fn: s, wrapperCall: false });
    } else if (ts.isVariableStatement(s) && isExported(s)) {
      for (const d of s.declarationList.declarations) {
        out.push({ name: d.name.getText(file), fn: functionInitializer(d), wrapperCall: isCallTo(d.initializer, ACTION_WRAPPER) });
      }
    } else if (ts.isExportAssignment(s)) {
      const e = s.expression;
      const fn = ts.isIdentifier(e) ? localFunctions.get(e.text) : ts.isArrowFunction(e) || ts.isFunctionExpression(e) ? e : undefined;
      out.push({ name: 'default', fn, wrapperCall: isCallTo(e, ACTION_WRAPPER) });
    } else if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)) {
      // `export { a as b }` or a re-export from another module: only a local function can be checked.
      for (const spec of s.exportClause.elements) {
        const local = s.moduleSpecifier ? undefined : localFunctions.get((spec.propertyName ?? spec.name).text);
        out.push({ name: spec.name.text, fn: local, wrapperCall: false });
      }
    }
  }
  return out;
}

/** Whether the module starts with the 'use server' directive. */
export function isServerActionModule(source: string, fileName = 'actions.ts'): boolean {
  return parse(source, fileName).statements.findIndex((s) => isDirective(s, 'use server')) === 0;
}

/**
 * The server actions a module defines: every export of a 'use server' module (Next makes each
 * one callable by any client), and every function anywhere with its own 'use server' directive.
 */
export function serverActionsOf(source: string, fileName = 'actions.ts'): EntryPoint[] {
  const file = parse(source, fileName);
  const wrapped = wrappedActions(file);
  const actions: EntryPoint[] = [];
  if (isServerActionModule(source, fileName)) {
    for (const e of exportsOf(file)) actions.push({ name: e.name, checked: e.wrapperCall || (!!e.fn && checksFirst(e.fn, wrapped)) });
  }
  const visit = (node: ts.Node) => {
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) && isDirective(statementsOf(node)[0], 'use server')) {
      const name = ts.isFunctionDeclaration(node) && node.name ? node.name.text : `inline action at line ${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      actions.push({ name, checked: checksFirst(node, wrapped) });
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return actions;
}

/**
 * What an admin page, layout or route handler exposes: its default export (page, layout), or
 * each exported HTTP method (route.ts), with whether it checks the session first.
 */
export function adminEntryPointsOf(source: string, fileName: string): EntryPoint[] {
  const file = parse(source, fileName);
  const isRoute = path.basename(fileName).startsWith('route.');
  return exportsOf(file)
    .filter((e) => (isRoute ? HTTP_METHODS.has(e.name) : e.name === 'default'))
    .map((e) => ({ name: e.name, checked: !!e.fn && checksFirst(e.fn, new Set()) }));
}

/** Every file under `dir` (relative to `root`, with forward slashes) whose name matches. */
export function filesUnder(root: string, dir: string, match: RegExp): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (match.test(entry.name)) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

export type Located = EntryPoint & { file: string };

/** Every server action under `app/`, with the file that defines it. */
export function listServerActions(root: string): Located[] {
  return filesUnder(root, 'app', /\.(ts|tsx)$/).flatMap((file) =>
    serverActionsOf(fs.readFileSync(path.join(root, file), 'utf8'), file).map((a) => ({ ...a, file })),
  );
}

/** Every page, layout and route handler under `app/admin/`, with what each exports. */
export function listAdminEntryPoints(root: string): Located[] {
  return filesUnder(root, 'app/admin', /^(page|layout|route)\.(ts|tsx)$/).flatMap((file) => {
    const found = adminEntryPointsOf(fs.readFileSync(path.join(root, file), 'utf8'), file);
    // A page or layout without a default export, or a route without a handler, is still listed,
    // unchecked, so that a shape the scanner cannot read fails rather than passes unseen.
    return (found.length ? found : [{ name: 'default', checked: false }]).map((e) => ({ ...e, file }));
  });
}

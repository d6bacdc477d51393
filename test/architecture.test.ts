/**
 * The dependency rule (docs/ARCHITECTURE.md): core <- app <- adapters <- main. Every row of the
 * document's table ("may import") is read from the document itself and checked against the import
 * lines of every source file, relative and bare alike, so no alias can slip through and the table
 * cannot drift from the code. Four fences hold whatever the table says: http never imports the
 * store, jobs never http, mail never http, core nothing but itself and the time library. And the
 * ports stay narrow: http never names the store outside its composition (handlers and presenters
 * reach it only through use cases), and every use case declares the store methods it uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'src');

/** Test code under src: test files and the store's contract suite (it imports vitest and test/support). */
const isTestCode = (path: string) => /\.test\.tsx?$|\.contract\.ts$|\/store\/contract\//.test(path);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !isTestCode(join(dir, e.name))
        ? [join(dir, e.name)]
        : [],
  );
}

/** Every module specifier a text imports or re-exports. */
function importsIn(text: string): string[] {
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]/g)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}
const importsOf = (file: string) => importsIn(readFileSync(file, 'utf8'));

/** Where a relative import lands, as a path under src/ ("store/create-store.ts"). */
const targetOf = (file: string, spec: string) => relative(SRC, resolve(dirname(file), spec));

/** The top folder (or root file) under src/ that a path belongs to. */
const layerOf = (path: string) => path.split('/')[0] as string;

/** A row of the table: what a folder (or root file) may import. */
interface Rule {
  readonly part: string;
  readonly everything: boolean;
  readonly anyPackage: boolean;
  readonly packages: readonly string[];
  /** Folders ("core") or files ("i18n/locale.ts") under src/. */
  readonly parts: readonly string[];
}

/** The table of docs/ARCHITECTURE.md, row by row: `| \`src/x\` | … | core, app, \`zod\`, packages |`. */
function tableRules(markdown: string): Rule[] {
  const rows = markdown.split('\n').filter((l) => /^\|\s*`(src\/[^`]*|test\/)`\s*\|/.test(l));
  return rows.map((line) => {
    const cells = line.split('|').map((c) => c.trim());
    const part = (cells[1] as string).replace(/`/g, '').replace(/^src\//, '');
    const items = (cells[3] as string)
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '' && t !== '—');
    return {
      part,
      everything: items.includes('everything'),
      anyPackage: items.includes('packages'),
      packages: items.filter((t) => t.startsWith('`')).map((t) => t.replace(/`/g, '')),
      parts: items.filter((t) => !t.startsWith('`') && t !== 'everything' && t !== 'packages'),
    };
  });
}

/** Whether an import of `spec` from `file` is allowed by `rule` (a part always may import itself). */
function allowed(rule: Rule, file: string, spec: string): boolean {
  if (rule.everything) return true;
  if (!spec.startsWith('.')) return rule.anyPackage || rule.packages.includes(spec);
  const target = targetOf(file, spec);
  if (layerOf(target) === layerOf(rule.part)) return true;
  return rule.parts.some((p) => (p.endsWith('.ts') ? target === p : layerOf(target) === p));
}

function violations(rule: Rule): string[] {
  const path = join(SRC, rule.part);
  const files = rule.part.endsWith('.ts') ? [path] : sources(path);
  return files.flatMap((file) =>
    importsOf(file)
      .filter((spec) => !allowed(rule, file, spec))
      .map((spec) => `${relative(SRC, file)} imports ${spec}`),
  );
}

const RULES = tableRules(readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8')).filter((r) => r.part !== 'test/');

describe('docs/ARCHITECTURE.md: every row of the table holds', () => {
  it('the table has a row for every folder and file under src/ (generated files aside)', () => {
    const entries = readdirSync(SRC).filter((n) => !isTestCode(n) && !n.endsWith('.bundle.mjs'));
    expect(entries.filter((n) => !RULES.some((r) => r.part === n)).sort()).toEqual([]);
    expect(RULES.length).toBeGreaterThanOrEqual(14);
  });

  it.each(RULES.map((r) => [r.part, r] as const))('src/%s imports only what the table says', (_part, rule) => {
    expect(violations(rule)).toEqual([]);
  });
});

/** The imports of files under src/<from> that land in src/<to>. */
const crossings = (from: string, to: string) =>
  sources(join(SRC, from)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => spec.startsWith('.') && layerOf(targetOf(file, spec)) === to)
      .map((spec) => `${relative(SRC, file)} imports ${spec}`),
  );

describe('fences, whatever the table says', () => {
  it.each([
    ['http', 'store'],
    ['jobs', 'http'],
    ['mail', 'http'],
  ])('src/%s never imports src/%s', (from, to) => {
    expect(crossings(from, to)).toEqual([]);
  });

  it('src/core imports only itself and the time library', () => {
    const outside = sources(join(SRC, 'core')).flatMap((file) =>
      importsOf(file).filter((spec) =>
        spec.startsWith('.') ? layerOf(targetOf(file, spec)) !== 'core' : spec !== 'temporal-polyfill',
      ),
    );
    expect(outside).toEqual([]);
  });

  it('src/app takes only isIP and BlockList from node:net: address parsing, never a connection', () => {
    const taken = sources(join(SRC, 'app')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/import\s+([^;]*?)\s+from\s+['"]node:net['"]/g)].map(
        (m) => m[1] as string,
      ),
    );
    expect(taken.length).toBeGreaterThan(0);
    for (const clause of taken) {
      const names = /^\{([^}]*)\}$/
        .exec(clause.trim())?.[1]
        ?.split(',')
        .map((n) => n.trim()) ?? [clause];
      expect(
        names.every((n) => n === 'isIP' || n === 'BlockList'),
        clause,
      ).toBe(true);
    }
  });
});

/**
 * The code of a source text: comments gone, string and template literal text blanked (a template's
 * `${…}` kept, and a string that is one name), regular expression literals blanked. Enough of a
 * lexer for the rules below.
 */
export function codeOnly(text: string): string {
  let out = '';
  let i = 0;
  const templates: number[] = []; // brace depth at each open `${`
  let depth = 0;
  const regexMayStart = () => /(^|[(,=:[!&|?{};+\-*%<>~^]|\breturn|\btypeof)\s*$/.test(out.slice(-20));
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === '"' || c === "'") {
      const from = i + 1;
      for (i++; i < text.length && text[i] !== c && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
      // A string that is a name stays ("store" as a key or an element); other text goes.
      const content = text.slice(from, i);
      out += c + (/^[A-Za-z_$][\w$]*$/.test(content) ? content : '') + c;
      i++;
    } else if (c === '`' || (c === '}' && templates.length > 0 && templates.at(-1) === depth)) {
      if (c === '}') templates.pop();
      out += '`';
      for (i++; i < text.length; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '`') break;
        else if (text[i] === '$' && text[i + 1] === '{') {
          templates.push(depth);
          i++;
          break;
        }
      }
      out += text[i] === '`' ? '`' : '${';
      i++;
    } else if (c === '/' && regexMayStart()) {
      out += '/';
      let inClass = false;
      for (i++; i < text.length && text[i] !== '\n'; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '[') inClass = true;
        else if (text[i] === ']') inClass = false;
        else if (text[i] === '/' && !inClass) break;
      }
      out += '/';
      i++;
    } else {
      if (c === '{') depth++;
      if (c === '}') depth--;
      out += c;
      i++;
    }
  }
  return out;
}

/** Code that names the store: a `store` variable, property, key or element, or the Store type. */
export function namesTheStore(code: string): string[] {
  return [...code.matchAll(/(?<![\w$-])store(?![\w$-])|(?<![\w$])Store(?![\w$])/g)].map((m) => m[0]);
}

/** Where a use case takes the whole Store (not `Pick<Store, …>`), after its import lines. */
export function wholeStores(code: string): number {
  const body = code.replace(/^import[^;]*;/gm, '');
  const all = [...body.matchAll(/(?<![\w$])Store(?![\w$])/g)].length;
  const picked = [...body.matchAll(/Pick<\s*Store\s*,/g)].length;
  return all - picked;
}

/** The Store port itself, and its decorator that the composition wraps the whole store in. */
const WHOLE_STORE = ['app/ports.ts', 'app/signal-queued-jobs.ts'];

/** The composition: the one place in http that hands the store to the use cases. */
const HTTP_COMPOSITION = ['http/deps.ts', 'http/app.ts'];

describe('narrow ports', () => {
  it('http never names the store outside its composition: handlers and presenters call use cases', () => {
    const named = sources(join(SRC, 'http'))
      .filter((file) => !HTTP_COMPOSITION.includes(relative(SRC, file)))
      .flatMap((file) =>
        namesTheStore(codeOnly(readFileSync(file, 'utf8'))).map((m) => `${relative(SRC, file)}: ${m}`),
      );
    expect(named).toEqual([]);
  });

  it('every use case declares the store methods it uses (Pick<Store, …>), never the whole Store', () => {
    const whole = sources(join(SRC, 'app'))
      .filter((file) => !WHOLE_STORE.includes(relative(SRC, file)))
      .filter((file) => wholeStores(codeOnly(readFileSync(file, 'utf8'))) > 0)
      .map((file) => relative(SRC, file));
    expect(whole).toEqual([]);
  });

  it('a transaction sees only the caller’s port: store.transaction is called in app/in-transaction.ts alone', () => {
    const callers = sources(join(SRC, 'app'))
      .filter((file) => !WHOLE_STORE.includes(relative(SRC, file)))
      .filter((file) => /\.transaction\s*\(/.test(codeOnly(readFileSync(file, 'utf8'))))
      .map((file) => relative(SRC, file));
    expect(callers).toEqual(['app/in-transaction.ts']);
  });
});

describe('the checkers see a violation when there is one', () => {
  it('reads the table: a row, its parts, its packages', () => {
    const [rule] = tableRules('| `src/app` | use cases | core, i18n/locale.ts, `zod`, packages |');
    expect(rule).toEqual({
      part: 'app',
      everything: false,
      anyPackage: true,
      packages: ['zod'],
      parts: ['core', 'i18n/locale.ts'],
    });
    const app = RULES.find((r) => r.part === 'app') as Rule;
    const file = join(SRC, 'app', 'x.ts');
    expect(allowed(app, file, '../store/create-store.ts')).toBe(false);
    expect(allowed(app, file, '../i18n/messages.ts')).toBe(false);
    expect(allowed(app, file, '../i18n/locale.ts')).toBe(true);
    expect(allowed(app, file, 'hono')).toBe(false);
    expect(importsIn("import { x } from '../store/x.ts';\nconst m = await import('../http/y.ts');")).toEqual([
      '../store/x.ts',
      '../http/y.ts',
    ]);
  });

  it('finds the store named in code, and not in comments, strings or words', () => {
    const handler = `
      // the store drops its cache
      const a = deps.store.getBusiness();
      const { store } = deps;
      const b = { ...deps, store: localCounters() };
      const c = deps['store'];
      c.header('Cache-Control', 'no-store');
      const d = \`no-store \${deps.store}\`;
      const e = /store/.test(x) ? 'a store' : "stored";
    `;
    expect(namesTheStore(codeOnly(handler))).toEqual(['store', 'store', 'store', 'store', 'store']);
    expect(wholeStores(codeOnly('import type { Store } from "./ports.ts";\nfunction f(s: Store) {}'))).toBe(1);
    expect(wholeStores(codeOnly("function f(s: Pick<Store, 'getBooking'>, t: Pick<\n  Store,\n  'x'\n>) {}"))).toBe(0);
  });
});

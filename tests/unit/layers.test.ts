// The layers of src/ (README "How the code is organised") and what each may import, checked on every import
// of every source file, at any depth of a folder. This holds the fence even if eslint.config.js changes;
// the last test checks that the ESLint config fences the same way.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');

type Layer = 'math' | 'logs' | 'state' | 'i18n' | 'derive' | 'figures' | 'components';

interface Rule {
  /** Layers it may import anything from (itself included). */
  values: readonly Layer[];
  /** Layers it may import types from only. */
  types: readonly Layer[];
  /** npm packages it may import, and those it may take types from only. */
  packages: readonly string[];
  typePackages: readonly string[];
  /** Paths under src/ let through although their layer is not allowed (with the reason in RULES). */
  through?: RegExp;
}

/**
 * Down the layers: math → state → i18n → derive → figures → components (which may import anything); logs
 * (a training log read into numbers) imports only math, and derive and components may import it.
 */
const RULES: Record<Exclude<Layer, 'components'>, Rule> = {
  math: { values: ['math'], types: [], packages: [], typePackages: [] },
  logs: { values: ['logs', 'math'], types: [], packages: [], typePackages: [] },
  state: { values: ['state', 'math'], types: [], packages: ['zustand'], typePackages: [] },
  // Types of logs: the string tables are keyed by its finding ids.
  i18n: { values: ['i18n', 'math'], types: ['state', 'logs'], packages: [], typePackages: [] },
  derive: {
    values: ['derive', 'logs', 'math'],
    types: ['state', 'i18n'],
    packages: [],
    typePackages: [],
    // The field picker and memo (one list of fields per consumer) is a pure helper with no state of its own.
    through: /^state\/pickFields\.ts$/,
  },
  figures: {
    values: ['figures', 'derive', 'math'],
    types: ['state', 'i18n', 'logs'],
    packages: [],
    typePackages: ['plotly.js'],
  },
};

/** Files of src/ in no layer: the entry point and ambient type declarations, free like components. */
const FREE = /^(main\.tsx|types\/.*\.d\.ts)$/;

interface Import {
  spec: string;
  typeOnly: boolean;
}

/** Every import of a file: declarations, re-exports, import('…') and import('…') types. */
function importsOf(path: string, text: string): Import[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const out: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allTypes =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!named &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)));
      out.push({ spec: node.moduleSpecifier.text, typeOnly: allTypes });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const named = node.exportClause;
      const allTypes =
        node.isTypeOnly ||
        (!!named &&
          ts.isNamedExports(named) &&
          named.elements.length > 0 &&
          named.elements.every((e) => e.isTypeOnly));
      out.push({ spec: node.moduleSpecifier.text, typeOnly: allTypes });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length > 0 &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      out.push({ spec: node.arguments[0].text, typeOnly: false });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      out.push({ spec: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** A bare specifier's package name ('zustand/react/shallow' → 'zustand', '@scope/x/y' → '@scope/x'). */
function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** What is wrong with one file's imports: one line per import that climbs. `file` is relative to src/. */
function violations(file: string, text: string): string[] {
  const layer = file.split('/')[0] as Layer;
  if (FREE.test(file) || layer === 'components') return [];
  const rule: Rule | undefined = RULES[layer as keyof typeof RULES];
  if (!rule) return [`${file}: in no layer (add its folder to RULES in tests/unit/layers.test.ts)`];
  const bad: string[] = [];
  for (const { spec, typeOnly } of importsOf(file, text)) {
    const what = `${file}: ${typeOnly ? 'import type' : 'import'} '${spec}'`;
    if (!spec.startsWith('.')) {
      const pkg = packageOf(spec);
      if (!rule.packages.includes(pkg) && !(typeOnly && rule.typePackages.includes(pkg))) bad.push(what);
      continue;
    }
    const target = posix.normalize(posix.join(posix.dirname(file), spec));
    if (target.startsWith('..')) {
      bad.push(`${what} leaves src/`);
      continue;
    }
    const to = target.split('/')[0] as Layer;
    const ok =
      rule.values.includes(to) || (typeOnly && rule.types.includes(to)) || !!rule.through?.test(target);
    if (!ok) bad.push(what);
  }
  return bad;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

describe('the layers of src/', () => {
  it('no import climbs a layer, at any depth', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    const bad = files.flatMap((f) => violations(f, readFileSync(join(SRC, f), 'utf8')));
    expect(bad).toEqual([]);
  });

  it('would catch a climbing import deep in a folder, and types where only types may come', () => {
    const deep = "import { createAppStore } from '../../state/store.ts';\n";
    expect(violations('math/toy/x.ts', deep)).toEqual(["math/toy/x.ts: import '../../state/store.ts'"]);
    expect(
      violations('math/toy/x.ts', "import type { AppState } from '../../state/appState.ts';"),
    ).toHaveLength(1);
    expect(violations('math/toy/x.ts', "const m = import('../../figures/index.ts');")).toHaveLength(1);
    expect(violations('math/toy/x.ts', "export { pairLoss } from '../pairLoss.ts';")).toEqual([]);
    expect(violations('math/x.ts', "import { create } from 'zustand';")).toHaveLength(1);
    expect(violations('state/a/b.ts', "import { x } from '../../derive/toy.ts';")).toHaveLength(1);
    // derive reads the state's types, never the store.
    expect(violations('derive/x.ts', "import type { AppState } from '../state/appState.ts';")).toEqual([]);
    expect(violations('derive/x.ts', "import { type AppState } from '../state/appState.ts';")).toEqual([]);
    expect(violations('derive/x.ts', "import { createAppStore } from '../state/store.ts';")).toHaveLength(1);
    expect(violations('derive/x.ts', "import type { Figure } from '../figures/types.ts';")).toHaveLength(1);
    expect(
      violations('figures/x.ts', "import { useStore } from '../components/storeContext.tsx';"),
    ).toHaveLength(1);
    expect(violations('figures/x.ts', "import type { Data } from 'plotly.js';")).toEqual([]);
    expect(violations('figures/x.ts', "import Plotly from 'plotly.js';")).toHaveLength(1);
    // Figures take their strings as an argument typed from i18n: the types, never a language's table.
    expect(
      violations('figures/x.ts', "import type { FigureStrings } from '../i18n/types/figures.ts';"),
    ).toEqual([]);
    expect(violations('figures/x.ts', "import { EN } from '../i18n/en/index.ts';")).toHaveLength(1);
    expect(violations('i18n/en/x.ts', "import type { Figure } from '../../figures/types.ts';")).toHaveLength(
      1,
    );
    expect(violations('i18n/x.ts', "import { lossFigure } from '../figures/lossFigure.ts';")).toHaveLength(1);
    expect(violations('newLayer/x.ts', '')).toHaveLength(1);
    // logs is pure: math only; derive reads it, figures take what derive makes of it.
    expect(violations('logs/x.ts', "import { pairLoss } from '../math/index.ts';")).toEqual([]);
    expect(violations('logs/x.ts', "import { createAppStore } from '../state/store.ts';")).toHaveLength(1);
    expect(violations('logs/x.ts', "import { x } from '../derive/toy.ts';")).toHaveLength(1);
    expect(violations('logs/x.ts', "import React from 'react';")).toHaveLength(1);
    expect(violations('math/x.ts', "import { readTrainerLog } from '../logs/index.ts';")).toHaveLength(1);
    expect(violations('state/x.ts', "import { readTrainerLog } from '../logs/index.ts';")).toHaveLength(1);
    expect(violations('derive/x.ts', "import { readTrainerLog } from '../logs/index.ts';")).toEqual([]);
    expect(violations('figures/x.ts', "import { readTrainerLog } from '../logs/index.ts';")).toHaveLength(1);
    expect(violations('i18n/en/x.ts', "import type { FindingId } from '../../logs/index.ts';")).toEqual([]);
  });

  it('are fenced the same way by the ESLint config', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const fenced = async (filePath: string, code: string) => {
      const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: join(ROOT, filePath) });
      return result.messages
        .filter(
          (m) =>
            m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-syntax',
        )
        .map((m) => m.ruleId);
    };
    expect(
      await fenced('src/math/toy/x.ts', "export { createAppStore } from '../../state/store.ts';"),
    ).toHaveLength(1);
    expect(await fenced('src/math/toy/x.ts', "void import('../../state/store.ts');")).toHaveLength(1);
    expect(await fenced('src/state/a/x.ts', "export { x } from '../../i18n/en/controls.ts';")).toHaveLength(
      1,
    );
    expect(
      await fenced('src/derive/x.ts', "export { createAppStore } from '../state/store.ts';"),
    ).toHaveLength(1);
    expect(await fenced('src/derive/x.ts', "export type { AppState } from '../state/appState.ts';")).toEqual(
      [],
    );
    expect(
      await fenced('src/figures/a/x.ts', "export { x } from '../../components/format.ts';"),
    ).toHaveLength(1);
    expect(await fenced('src/i18n/x.ts', "export { x } from '../figures/lossFigure.ts';")).toHaveLength(1);
    expect(
      await fenced('src/i18n/en/x.ts', "export type { Figure } from '../../figures/types.ts';"),
    ).toHaveLength(1);
    expect(await fenced('src/figures/x.ts', "export { EN } from '../i18n/en/index.ts';")).toHaveLength(1);
    expect(
      await fenced('src/figures/x.ts', "export type { FigureStrings } from '../i18n/types/figures.ts';"),
    ).toEqual([]);
    expect(await fenced('src/logs/x.ts', "export { x } from '../state/store.ts';")).toHaveLength(1);
    expect(await fenced('src/logs/x.ts', "void import('../derive/toy.ts');")).toHaveLength(1);
    expect(await fenced('src/logs/x.ts', "export { pairLoss } from '../math/index.ts';")).toEqual([]);
    expect(await fenced('src/math/x.ts', "export { readTrainerLog } from '../logs/index.ts';")).toHaveLength(
      1,
    );
    expect(await fenced('src/state/x.ts', "export { readTrainerLog } from '../logs/index.ts';")).toHaveLength(
      1,
    );
    expect(await fenced('src/derive/x.ts', "export { readTrainerLog } from '../logs/index.ts';")).toEqual([]);
  }, 30_000);
});

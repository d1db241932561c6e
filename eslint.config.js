import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Folders of src/ that are no layer (stylesheets, fonts): no layer but components imports them. */
const OUTSIDE_LAYERS = ['styles', 'assets'];

/**
 * The import fence of one layer: `deny` lists folders it may not import at all (a leading '!' lets a path
 * through), `typesOnly` folders it may take types from only; `packages` and `typesOnlyPackages` the same
 * for npm packages.
 */
function fence(dir, { deny = [], typesOnly = [], packages = [], typesOnlyPackages = [], globals = [] }) {
  const folder = (name) => (name.startsWith('!') ? name : `**/${name}/**`);
  const patterns = [
    { group: deny.map(folder), message: `${dir} may not import this layer (see eslint.config.js).` },
    {
      group: packages.flatMap((p) => [p, `${p}/**`]),
      message: `${dir} may not import this package.`,
    },
  ];
  if (typesOnly.length > 0)
    patterns.push({
      group: typesOnly.map(folder),
      allowTypeImports: true,
      message: `${dir} may import only types from this layer.`,
    });
  if (typesOnlyPackages.length > 0)
    patterns.push({
      group: typesOnlyPackages.flatMap((p) => [p, `${p}/**`]),
      allowTypeImports: true,
      message: `${dir} may import only types from this package.`,
    });
  // import('…') is no import declaration, so the rule above does not see it: fence it by its source text.
  const layers = [...deny, ...typesOnly].filter((n) => !n.startsWith('!')).join('|');
  const pkgs = [...packages, ...typesOnlyPackages].map((p) => p.replaceAll('.', '\\.')).join('|');
  const dynamic = new RegExp(`(^|/)(${layers})/|^(${pkgs})(/|$)`);
  return {
    files: [`${dir}/**/*.{ts,tsx}`],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `ImportExpression[source.value=${dynamic}]`,
          message: `${dir} may not load this layer or package.`,
        },
      ],
      ...(globals.length > 0 ? { 'no-restricted-globals': ['error', ...globals] } : {}),
    },
  };
}

export default tseslint.config(
  { ignores: ['dist', 'dist-single', 'node_modules', 'test-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Layer fences (README "How the code is organised"): an import may only go down the layers
  //   math → state → i18n → derive → figures → components
  // and some layers take only types from some below. Patterns are gitignore-style, so `**/state/**` matches
  // '../state/x.ts' and '../../state/x.ts' alike: the fence holds at any depth of a folder.
  // tests/unit/layers.test.ts checks the same table on every import of src/, independently of this file.
  fence('src/math', {
    deny: ['logs', 'state', 'i18n', 'derive', 'figures', 'components', ...OUTSIDE_LAYERS],
    packages: ['react', 'react-dom', 'plotly.js', 'zustand', 'katex'],
    // Pure numbers, run in workers and Node too.
    globals: ['window', 'document', 'navigator', 'location'],
  }),
  // src/logs (a training log → numbers and findings) stands beside math: pure, it imports only math;
  // derive and components may import it, i18n and figures its types (finding ids, series shapes).
  fence('src/logs', {
    deny: ['state', 'i18n', 'derive', 'figures', 'components', ...OUTSIDE_LAYERS],
    packages: ['react', 'react-dom', 'plotly.js', 'zustand', 'katex'],
    globals: ['window', 'document', 'navigator', 'location'],
  }),
  fence('src/state', {
    deny: ['logs', 'i18n', 'derive', 'figures', 'components', ...OUTSIDE_LAYERS],
    packages: ['react', 'react-dom', 'plotly.js', 'katex'],
  }),
  fence('src/i18n', {
    deny: ['derive', 'figures', 'components', ...OUTSIDE_LAYERS],
    // Types of logs too: the string tables are keyed by its finding ids.
    typesOnly: ['state', 'logs'],
    packages: ['react', 'react-dom', 'plotly.js', 'zustand', 'katex'],
  }),
  fence('src/derive', {
    deny: ['figures', 'components', ...OUTSIDE_LAYERS],
    // state/pickFields.ts (the field picker and memo) is a pure helper with no state of its own.
    typesOnly: ['state', '!**/state/pickFields*', 'i18n'],
    packages: ['react', 'react-dom', 'plotly.js', 'zustand', 'katex'],
  }),
  fence('src/figures', {
    deny: ['components', ...OUTSIDE_LAYERS],
    typesOnly: ['state', 'i18n', 'logs'],
    // Plotly itself loads lazily in components/plot; figures only build its plain objects.
    packages: ['react', 'react-dom', 'zustand', 'katex'],
    typesOnlyPackages: ['plotly.js'],
  }),
);

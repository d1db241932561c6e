import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { URL_PARAMS } from '../../src/state/urlParams.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('documents every URL key', () => {
    for (const p of URL_PARAMS) expect(readme, `README lacks the key ${p.key}`).toContain(`| \`${p.key}\` |`);
  });

  it('gives the two commands: run the app, and pass every test', () => {
    expect(readme).toMatch(/npm ci && npm run dev/);
    expect(readme).toMatch(/npm ci && npm test/);
  });
});

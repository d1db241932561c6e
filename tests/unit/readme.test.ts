import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { URL_PARAMS } from '../../src/state/urlParams.ts';
import { readmeTableRows, urlParamsRows } from '../../scripts/urlParamsTable.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('has the URL table generated from the parameter list (run `npm run docs:url` when this fails)', () => {
    expect(readmeTableRows(readme)).toEqual(urlParamsRows());
  });

  it('documents every URL key', () => {
    for (const p of URL_PARAMS) {
      // Prettier pads table cells, so allow any run of spaces around the key.
      const row = new RegExp(`^\\|\\s*\`${p.key}\`\\s*\\|`, 'm');
      expect(readme, `README lacks the key ${p.key}`).toMatch(row);
    }
  });

  it('gives the two commands: run the app, and pass every test', () => {
    expect(readme).toMatch(/npm ci && npm run dev/);
    expect(readme).toMatch(/npm ci && npm test/);
  });
});

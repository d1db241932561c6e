// `npm run docs:url`: rewrites the README's table of URL parameters from src/state/urlParams.ts (between the
// url-params markers), then lets Prettier lay it out as `npm run lint` expects.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { withUrlParamsTable } from './urlParamsTable.ts';

const path = fileURLToPath(new URL('../README.md', import.meta.url));
const before = readFileSync(path, 'utf8');
const config = (await prettier.resolveConfig(path)) ?? {};
const after = await prettier.format(withUrlParamsTable(before), { ...config, filepath: path });
if (after === before) console.log('README.md: the URL table is up to date.');
else {
  writeFileSync(path, after);
  console.log('README.md: URL table rewritten from src/state/urlParams.ts.');
}

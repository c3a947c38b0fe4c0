import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withRulesTable } from './rules-table.ts';

const path = fileURLToPath(new URL('../README.md', import.meta.url));
const before = readFileSync(path, 'utf8');
const after = withRulesTable(before);
if (after !== before) {
  writeFileSync(path, after);
  console.log('README.md: rules table updated');
} else {
  console.log('README.md: rules table already up to date');
}

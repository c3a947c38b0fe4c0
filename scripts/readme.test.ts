import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withRulesTable } from './rules-table.ts';
import { ruleCatalog } from '../src/index.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('has the rules table as the rules document themselves (run `npm run docs` after changing a rule)', () => {
    expect(readme).toBe(withRulesTable(readme));
  });
  it('lists every rule', () => {
    for (const r of ruleCatalog) expect(readme).toContain(`\`${r.id}\``);
  });
  it('gives the two quick-start commands', () => {
    expect(readme).toContain('npm install && npm run dev');
    expect(readme).toMatch(/^npm test$/m);
  });
});

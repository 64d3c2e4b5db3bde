// The README's generated reference sections match the code: run `npm run docs` after changing a function or an issue code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../src/main';
import { renderReadme } from '../tools/docs';

const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');

describe('README', () => {
  it('has the reference sections exactly as the code generates them', () => {
    expect(renderReadme(readme)).toBe(readme);
  });

  it.each(catalog.map((f) => [f.name, f.example]))('documents %s with an example', (name, example) => {
    expect(readme).toContain(`### \`${name}(`);
    expect(readme).toContain(example);
  });

  it('shows the two commands a newcomer runs', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});

// Generates the README's reference sections from the code (the custom functions with their docs, issue codes) so they cannot drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_NAMES, FIELDS } from '../src/core/fields';
import { SEVERITY } from '../src/core/issues';
import { DEFAULT_ROLLUP, ROLLUP_METHODS } from '../src/core/rollups';
import { catalog } from '../src/main';

const README = join(import.meta.dirname, '../README.md');

export function functionReference(): string {
  const out: string[] = [];
  for (const f of catalog) {
    const signature = f.params
      .map((p) => (p.repeat ? `[${p.name}, …]` : p.optional ? `[${p.name}]` : p.name))
      .join(', ');
    out.push(
      `### \`${f.name}(${signature})\``,
      '',
      f.summary,
      '',
      '| argument | what to pass |',
      '| --- | --- |',
    );
    for (const p of f.params)
      out.push(
        `| \`${p.name}\`${p.optional || p.repeat ? ' (optional)' : ''} | ${p.help.replace(/\|/g, '\\|')} |`,
      );
    out.push('', `Returns: ${f.returns}`, '', '```', f.example, '```', '');
  }
  return out.join('\n').trimEnd();
}

export function issueCodeTable(): string {
  const rows = Object.entries(SEVERITY).map(([code, severity]) => `| \`${code}\` | ${severity} |`);
  return ['| code | severity |', '| --- | --- |', ...rows].join('\n');
}

/** The goal-tab columns from the field table: each field's name, its other header names, what it holds. */
export function columnTable(): string {
  const rows = FIELD_NAMES.map((field) => {
    const { label, headers, about } = FIELDS[field];
    const others = headers.filter((h) => h.toLowerCase() !== label.toLowerCase());
    return `| ${label}${others.length > 0 ? ` (${others.join(', ')})` : ''} | ${about.replace(/\|/g, '\\|')} |`;
  });
  return ['| column (other names) | meaning |', '| --- | --- |', ...rows].join('\n');
}

/** The roll-up methods as the README lists them: name, other spellings, what each does. */
export function rollupList(): string {
  return ROLLUP_METHODS.map((m) => {
    const also = m.spellings.slice(1).map((word) => `\`${word}\``);
    const notes = [
      ...(m.name === DEFAULT_ROLLUP ? ['the default'] : []),
      ...(also.length ? [`also ${also.join(', ')}`] : []),
    ];
    return `- \`${m.name}\`${notes.length ? ` (${notes.join('; ')})` : ''}: ${m.help}.`;
  }).join('\n');
}

const BLOCKS: Record<string, () => string> = {
  columns: columnTable,
  functions: functionReference,
  'issue-codes': issueCodeTable,
  rollups: rollupList,
};

/** The README with every generated block replaced by its current text. */
export function renderReadme(text: string): string {
  let result = text;
  for (const [name, make] of Object.entries(BLOCKS)) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const a = result.indexOf(start);
    const b = result.indexOf(end);
    if (a < 0 || b < a) throw new Error(`README.md lacks the ${start} … ${end} markers`);
    result = `${result.slice(0, a + start.length)}\n${make()}\n${result.slice(b)}`;
  }
  return result;
}

export function main(): number {
  const text = readFileSync(README, 'utf8');
  const next = renderReadme(text);
  if (next !== text) writeFileSync(README, next);
  console.log(next === text ? 'README.md is up to date' : 'README.md reference sections regenerated');
  return 0;
}

// Pins which headers make key-result column groups (key_result_1_title, Key Result 1 Target, KR1 Target, KR 1 - Target) and which never do (Q1 target, a year).
import { describe, expect, it } from 'vitest';
import type { Field } from '../../src/core/fields';
import type { ColumnMap } from '../../src/core/header';
import { keyResultColumn } from '../../src/core/key-result-columns';
import { findHeader } from '../../src/core/table';

describe('keyResultColumn', () => {
  it.each<[string, { number: number; field: Field } | null]>([
    // Culture Amp's import template: snake_case.
    ['key_result_1_title', { number: 1, field: 'goal' }],
    ['key_result_1_completion', { number: 1, field: 'progress' }],
    ['key_result_12_current_value', { number: 12, field: 'actual' }],
    // Spelled out, as spreadsheet templates write it.
    ['Key Result 1', { number: 1, field: 'goal' }],
    ['Key Result 2 Title', { number: 2, field: 'goal' }],
    ['Key Result 2 Name', { number: 2, field: 'goal' }],
    ['Key Result 1 Target', { number: 1, field: 'target' }],
    ['Key Result 1 Target Value', { number: 1, field: 'target' }],
    ['Key Result 1 Current Value', { number: 1, field: 'actual' }],
    ['Key Result 1 Start Value', { number: 1, field: 'baseline' }],
    ['Key Results 3 Progress', { number: 3, field: 'progress' }],
    // Short forms.
    ['KR1', { number: 1, field: 'goal' }],
    ['KR1 Target', { number: 1, field: 'target' }],
    ['KR1 Current', { number: 1, field: 'actual' }],
    ['KR 1 - Target', { number: 1, field: 'target' }],
    ['KR 1 - Actual', { number: 1, field: 'actual' }],
    ['kr_2_start', { number: 2, field: 'baseline' }],
    ['KR10 Target', { number: 10, field: 'target' }],
    ['Result 1 Target', { number: 1, field: 'target' }],
    // A key result's Weight is its share of its goal's roll-up, not of its owner's scorecard.
    ['KR1 Weight', { number: 1, field: 'contribution' }],
    ['Key Result 1 Weightage', { number: 1, field: 'contribution' }],
    ['KR1 Owner', { number: 1, field: 'owner' }],
    ['key_result_1_owner_email', { number: 1, field: 'owner' }],
    ['KR1 Unit', { number: 1, field: 'unit' }],
    ['KR1 Status', { number: 1, field: 'status' }],
    ['KR1 Due date', { number: 1, field: 'due' }],
    ['KR1 ID', { number: 1, field: 'id' }],
    ['KR1 Target (%)', { number: 1, field: 'target' }],
    // Attributes a key result's group does not hold stay unknown columns.
    ['key_result_1_description', null],
    ['KR1 Type', null],
    ['KR1 Period', null],
    ['KR1 Parent', null],
    ['KR1 Remarks', null],
    // Headers that only contain a number are not groups.
    ['Q1 target', null],
    ['Q1 actual', null],
    ['Target Q2', null],
    ['Target 2026', null],
    ['Jan target', null],
    ['L1', null],
    ['Level 2', null],
    ['Goal 1', null],
    ['Objective 1', null],
    ['KR 2026 Target', null],
    ['KR0 Target', null],
    ['KR Target', null],
    ['Key Result', null],
    ['KR ID', null],
    ['Result', null],
  ])('%s', (header, expected) => {
    expect(keyResultColumn(header)).toEqual(expected);
  });
});

/** The key-result groups of a tab with these headers and one goal row under them, as {number: {field: column}}. */
function groupsOf(headers: string[], map?: ColumnMap): Record<number, Partial<Record<Field, number>>> | null {
  const header = findHeader([headers, headers.map((_, c) => (c === 0 ? 'G-1' : ''))], map);
  if (header === null) throw new Error('not a goal tab');
  if (header.keyResults === undefined) return null;
  return Object.fromEntries(header.keyResults.map((g) => [g.number, g.columns]));
}

describe('key-result groups of a header row', () => {
  it.each<[string, string[], Record<number, Partial<Record<Field, number>>> | null]>([
    [
      'snake_case (Culture Amp)',
      [
        'email',
        'name',
        'completion',
        'key_result_1_title',
        'key_result_1_completion',
        'key_result_2_title',
        'key_result_2_completion',
      ],
      { 1: { goal: 3, progress: 4 }, 2: { goal: 5, progress: 6 } },
    ],
    [
      'spelled out, with weights',
      [
        'ID',
        'Goal',
        'Key Result 1',
        'Key Result 1 Start Value',
        'Key Result 1 Target',
        'Key Result 1 Current Value',
        'Key Result 1 Weight',
      ],
      { 1: { goal: 2, baseline: 3, target: 4, actual: 5, contribution: 6 } },
    ],
    [
      'KR1 Target style',
      ['ID', 'Goal', 'KR1', 'KR1 Target', 'KR1 Current', 'KR2', 'KR2 Target', 'KR2 Current'],
      { 1: { goal: 2, target: 3, actual: 4 }, 2: { goal: 5, target: 6, actual: 7 } },
    ],
    [
      'KR 1 - Target style',
      ['ID', 'Goal', 'KR 1 - Name', 'KR 1 - Target', 'KR 1 - Actual'],
      { 1: { goal: 2, target: 3, actual: 4 } },
    ],
    [
      'numbering gaps: 1, 2, 4 stay 1, 2, 4',
      ['ID', 'Goal', 'KR1', 'KR2', 'KR4'],
      { 1: { goal: 2 }, 2: { goal: 3 }, 4: { goal: 4 } },
    ],
    ['a group with only a title', ['ID', 'Goal', 'Progress', 'Key Result 3'], { 3: { goal: 3 } }],
    [
      'a group with only numbers',
      ['ID', 'Goal', 'KR1 Target', 'KR1 Current'],
      { 1: { target: 2, actual: 3 } },
    ],
    [
      'groups in any column order',
      ['ID', 'KR2 Target', 'Goal', 'KR1 Target', 'KR2', 'KR1'],
      { 1: { target: 3, goal: 5 }, 2: { target: 1, goal: 4 } },
    ],
    [
      'a second column for a group field: the first wins',
      ['ID', 'Goal', 'KR1 Target', 'KR1 Target Value'],
      { 1: { target: 2 } },
    ],
    [
      'unknown attributes stay unknown columns',
      ['ID', 'Goal', 'key_result_1_title', 'key_result_1_description', 'key_result_1_type'],
      { 1: { goal: 2 } },
    ],
    [
      'phased Q1..Q4 targets are not groups',
      ['ID', 'Goal', 'Target', 'Q1 target', 'Q2 target', 'Q1 actual'],
      null,
    ],
    ['a plain goal tab has none', ['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Key Result', 'KR ID'], null],
  ])('%s', (_, headers, expected) => {
    expect(groupsOf(headers)).toEqual(expected);
  });

  it('reads 10 or more groups, KR10 apart from KR1', () => {
    const headers = ['ID', 'Goal'];
    for (let n = 1; n <= 12; n++) headers.push(`KR${n}`, `KR${n} Target`);
    const groups = groupsOf(headers);
    expect(Object.keys(groups ?? {}).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(groups?.[1]).toEqual({ goal: 2, target: 3 });
    expect(groups?.[10]).toEqual({ goal: 20, target: 21 });
    expect(groups?.[12]).toEqual({ goal: 24, target: 25 });
  });

  it('keeps Q1..Q4 target and actual columns as phases beside key-result groups', () => {
    const header = findHeader([
      ['ID', 'Goal', 'Target', 'Q1 target', 'Q2 target', 'Q1 actual', 'KR1', 'KR1 Target'],
    ]);
    expect(header?.phases).toEqual([
      { col: 3, endMonth: 3 },
      { col: 4, endMonth: 6 },
    ]);
    expect(header?.phaseActuals).toEqual([{ col: 5, endMonth: 3 }]);
    expect(header?.keyResults).toEqual([{ number: 1, columns: { goal: 6, target: 7 } }]);
  });

  it('lets a Settings ▸ Column row take a header before any group does', () => {
    const map: ColumnMap = new Map<string, Field | null>([
      ['kr1target', null],
      ['kr1current', 'actual'],
    ]);
    // KR1 Current is now the goal's own Actual; KR1 Target is ignored; KR1 alone is left of the group.
    const header = findHeader([['ID', 'Goal', 'KR1', 'KR1 Target', 'KR1 Current']], map);
    expect(header?.columns.actual).toBe(4);
    expect(header?.keyResults).toEqual([{ number: 1, columns: { goal: 2 } }]);
  });

  it('counts key-result groups as evidence of goals: name + groups is a goal tab', () => {
    // `name` alone is a weak goal header; with key-result groups beside it the tab reads as goals.
    expect(findHeader([['name', 'key_result_1_title', 'key_result_1_completion']])).not.toBeNull();
    expect(findHeader([['name', 'description']])).toBeNull();
  });
});

// Owner cells that name several people: which separators always do, and which only when the names are owners elsewhere.
import { describe, expect, it } from 'vitest';
import { severalOwners } from '../../src/core/owners';

const KNOWN = new Set(['ann', 'bob', 'cy lee']);
const known = (name: string) => KNOWN.has(name.toLowerCase());

describe('severalOwners', () => {
  it.each<[string, string, string[] | null]>([
    ['one name', 'Ann', null],
    // Semicolons and line breaks list co-owners (see coOwners): not ambiguous, so not for this warning.
    ['a semicolon lists co-owners', 'Ann; Zed', null],
    ['a comma between owners known elsewhere', 'Ann, Bob', ['Ann', 'Bob']],
    ['a comma with one known owner', 'Zed, Bob', ['Zed', 'Bob']],
    ['"Last, First" of nobody known is one person', 'Smith, John', null],
    ['and, & and / between known owners', 'Ann and Cy Lee', ['Ann', 'Cy Lee']],
    ['ampersand', 'Ann & Bob', ['Ann', 'Bob']],
    ['slash', 'Ann/Bob', ['Ann', 'Bob']],
    ['a team name of unknown words stays one owner', 'Sales and Marketing', null],
    ['R&D is one owner', 'R&D', null],
    ['e-mail addresses separated by commas', 'ann@x.com, zed@x.com', ['ann@x.com', 'zed@x.com']],
    ['blank parts are dropped', 'Ann,, ', null],
    ['case does not matter for known owners', 'ANN, bob', ['ANN', 'bob']],
  ])('%s', (_name, text, expected) => {
    expect(severalOwners(text, known)).toEqual(expected);
  });
});

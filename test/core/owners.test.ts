// Owner cells that name several people: which separators always do, and which only when the names are owners elsewhere.
import { describe, expect, it } from 'vitest';
import { coOwners, severalOwners } from '../../src/core/owners';

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
    // Commas between e-mail addresses list co-owners (see coOwners), as Peoplebox's Owner Emails column does.
    ['e-mail addresses separated by commas are co-owners', 'ann@x.com, zed@x.com', null],
    ['an e-mail address and a name', 'ann@x.com, Bob', ['ann@x.com', 'Bob']],
    ['blank parts are dropped', 'Ann,, ', null],
    ['case does not matter for known owners', 'ANN, bob', ['ANN', 'bob']],
  ])('%s', (_name, text, expected) => {
    expect(severalOwners(text, known)).toEqual(expected);
  });
});

describe('coOwners: e-mail addresses', () => {
  it.each<[string, string[] | null]>([
    ['ann@x.com, zed@x.com', ['ann@x.com', 'zed@x.com']],
    ['ann@x.com,zed@x.com,bo@y.org', ['ann@x.com', 'zed@x.com', 'bo@y.org']],
    ['ann@x.com; zed@x.com', ['ann@x.com', 'zed@x.com']],
    ['ann@x.com', null],
    ['ann@x.com, Bob', null],
    ['ann@x.com & zed@x.com', null],
  ])('%j', (text, names) => {
    expect(coOwners(text)?.map((co) => co.name) ?? null).toEqual(names);
  });
});

// The custom functions from the sources: every case of the shared table, and every bad argument's message.
import { describe, expect, it } from 'vitest';
import { customFunctions } from '../../src/main';
import { ERROR_CASES, matches, RESULT_CASES } from './cases';

const make = { date: (y: number, m: number, d: number) => new Date(y, m, d) };

describe('custom functions (sources)', () => {
  it.each(RESULT_CASES)('$fn: $name', ({ fn, args, expect: expected }) => {
    const result = customFunctions[fn](...args(make));
    expect(matches(result, expected), JSON.stringify(result)).toBe(true);
  });

  it.each(ERROR_CASES)('$fn rejects: $name', ({ fn, args, error }) => {
    expect(() => customFunctions[fn](...args(make))).toThrow(error);
  });
});

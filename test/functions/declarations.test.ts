// Every custom function is declared whole in one place (define): summary, parameters with type and help, returns, example.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLLUP, namesInWords, ROLLUP_METHODS } from '../../src/core/rollups';
import { define } from '../../src/functions/spec';
import { catalog, customFunctions } from '../../src/main';
import { ERROR_CASES, RESULT_CASES } from './cases';

describe('the declarations', () => {
  it.each(catalog.map((f) => [f.name, f] as const))('%s: every part is there', (name, spec) => {
    expect(name).toMatch(/^MBO_[A-Z]+$/);
    expect(spec.summary.trim()).not.toBe('');
    expect(spec.returns.trim()).not.toBe('');
    expect(spec.example).toMatch(new RegExp(`^=${name}\\(.+\\)$`));
    expect(new Set(spec.params.map((p) => p.name)).size).toBe(spec.params.length);
    for (const p of spec.params) {
      expect(p.name).toMatch(/^[a-z][a-z0-9]*$/i);
      expect(p.type).toMatch(/^(number|string|Range)(\|(number|string|Range))*$/);
      expect(p.help.trim()).not.toBe('');
    }
  });

  it.each(catalog.map((f) => [f.name, f] as const))(
    '%s: required parameters first, and only the last may repeat',
    (_name, spec) => {
      const optional = spec.params.map((p) => p.optional === true || p.repeat === true);
      expect(optional).toEqual([...optional].sort((a, b) => Number(a) - Number(b)));
      spec.params.forEach((p, i) => {
        if (p.repeat) expect(i).toBe(spec.params.length - 1);
      });
    },
  );

  it.each(catalog.map((f) => f.name))('%s has result and error cases in test/functions/cases.ts', (name) => {
    expect(RESULT_CASES.filter((c) => c.fn === name).length).toBeGreaterThan(0);
    expect(ERROR_CASES.filter((c) => c.fn === name).length).toBeGreaterThan(0);
  });

  it("MBO_ROLLUP's method help lists the roll-up methods it takes, from the table", () => {
    const method = catalog.find((f) => f.name === 'MBO_ROLLUP')!.params.find((p) => p.name === 'method')!;
    const offered = ROLLUP_METHODS.filter((m) => !m.needsActuals).map((m) => m.name);
    expect(method.help).toBe(
      `${namesInWords(offered.map((name) => (name === DEFAULT_ROLLUP ? `${name} (default)` : name)))}: one for all, or a column.`,
    );
    expect(method.help).toMatch(/^average \(default\), /);
  });
});

describe('define', () => {
  const MBO_TEST = define(
    {
      name: 'MBO_TEST',
      summary: 'A test function.',
      params: [
        { name: 'first', type: 'Range', help: 'Needed.' },
        { name: 'second', type: 'number', help: 'Optional.', optional: true },
        { name: 'more', type: 'Range', help: 'Repeats.', repeat: true },
      ],
      returns: 'Its arguments.',
      exampleArgs: 'A1:A3, 2',
    },
    (_locale, ...args) => {
      if (args[0] === 'boom') throw new Error('went wrong');
      return args;
    },
  );

  it('writes the example formula and keeps the declaration', () => {
    expect(MBO_TEST.example).toBe('=MBO_TEST(A1:A3, 2)');
    expect(MBO_TEST.params.map((p) => p.name)).toEqual(['first', 'second', 'more']);
  });

  it.each([
    { name: 'all given', args: [1, 2, 3, 4], result: [1, 2, 3, 4] },
    { name: 'only the required one', args: [1], result: [1] },
  ])('runs with $name', ({ args, result }) => {
    expect(MBO_TEST.run(...args)).toEqual(result);
  });

  it('names the missing required argument, its position and the example', () => {
    expect(() => MBO_TEST.run()).toThrow(
      'MBO_TEST: first is missing (argument 1). Example: =MBO_TEST(A1:A3, 2)',
    );
  });

  it('turns an unexpected failure into a message that points at the example', () => {
    expect(() => MBO_TEST.run('boom')).toThrow(
      'MBO_TEST could not compute (went wrong): check the arguments against the example =MBO_TEST(A1:A3, 2)',
    );
  });

  it('the catalog runs what it declares', () => {
    expect(Object.keys(customFunctions)).toEqual(catalog.map((f) => f.name));
  });
});

// The change stamps: onEdit and the add-on's own result-changing writes mark the sheet changed; Roll up marks its tab.
import { describe, expect, it } from 'vitest';
import { bindServerApi } from '../../src/server/bind';
import { EDITED_AT, onEdit, ROLLED_UP_AT } from '../../src/server/changes';
import type { ServerContext } from '../../src/server/context';
import { createFakeGas, fakeServerContext } from '../../tools/gas-fake';
import { marketingCascade, WHERE } from '../fixtures/marketing-cascade';

const at = (iso: string) => new Date(iso);

function setup() {
  const gas = createFakeGas({ tabs: marketingCascade() });
  const contextAt = (iso: string) => fakeServerContext(gas, { now: at(iso) });
  return { gas, contextAt, apiAt: (iso: string) => bindServerApi(contextAt(iso)) };
}

describe('change stamps', () => {
  it('are blank before anything happened', () => {
    expect(setup().apiAt('2026-07-01T09:00:00.000Z').getChanges()).toEqual({ editedAt: '', rolledUpAt: '' });
  });

  it.each<
    [
      string,
      (api: ReturnType<ReturnType<typeof setup>['apiAt']>, ctx: ServerContext) => unknown,
      string,
      string,
    ]
  >([
    ['a person’s edit (onEdit)', (_api, ctx) => onEdit(ctx, { range: null }), '2026-07-01T10:00:00.000Z', ''],
    ['Roll up', (api) => api.rollUp(), '', '2026-07-01T10:00:00.000Z'],
    [
      'a Parent cell written by Link',
      (api) => api.linkToParent(WHERE['DG-3'].tab, WHERE['DG-3'].row, 'M-2', 'DG-3'),
      '2026-07-01T10:00:00.000Z',
      '',
    ],
    [
      'a column map saved',
      (api) => api.saveColumns([{ header: 'Note', choice: 'goal' }]),
      '2026-07-01T10:00:00.000Z',
      '',
    ],
    ['a check (reads only)', (api) => api.checkWorkbook(), '', ''],
    ['a check-in (History only: results do not change)', (api) => api.recordCheckIn(), '', ''],
  ])('%s', (_name, act, editedAt, rolledUpAt) => {
    const { contextAt, apiAt } = setup();
    act(apiAt('2026-07-01T10:00:00.000Z'), contextAt('2026-07-01T10:00:00.000Z'));
    expect(apiAt('2026-07-01T11:00:00.000Z').getChanges()).toEqual({ editedAt, rolledUpAt });
  });

  it('reads no spreadsheet when polled, and writes one property per edit', () => {
    const { gas, contextAt, apiAt } = setup();
    gas.log.reset();
    onEdit(contextAt('2026-07-01T10:00:00.000Z'));
    apiAt('2026-07-01T10:00:01.000Z').getChanges();
    expect(gas.log.count('Properties.setProperties')).toBe(1);
    expect(gas.log.count('Properties.getProperties')).toBe(1);
    expect(gas.log.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
    expect([...gas.PropertiesService.document.values.keys()]).toEqual([EDITED_AT]);
    expect(ROLLED_UP_AT).not.toBe(EDITED_AT);
  });

  it('never fails an edit or a roll-up when the properties cannot be had', () => {
    const { gas } = setup();
    const broken: ServerContext = {
      ...fakeServerContext(gas),
      propertiesService: () => {
        throw new Error('Authorization is required to perform that action.');
      },
    };
    expect(() => onEdit(broken)).not.toThrow();
    const api = bindServerApi(broken);
    expect(api.rollUp().goalCount).toBeGreaterThan(0);
    expect(api.getChanges()).toEqual({ editedAt: '', rolledUpAt: '' });
  });
});

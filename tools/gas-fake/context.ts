// A server context over the fake services, with a fixed clock: what tests and the local preview run endpoints with.
import type { ServerContext } from '../../src/server/context';
import type { FakeGas } from './index';

export const FIXED_NOW = new Date('2026-07-01T12:00:00.000Z');

export function fakeServerContext(
  gas: FakeGas,
  options: { now?: Date; lockService?: FakeGas['LockService']; user?: string } = {},
): ServerContext {
  const now = options.now ?? FIXED_NOW;
  const lockService = options.lockService ?? gas.LockService;
  return {
    spreadsheetApp: () => gas.SpreadsheetApp,
    lockService: () => lockService,
    htmlService: () => gas.HtmlService,
    charts: () => gas.Charts,
    propertiesService: () => gas.PropertiesService,
    now: () => new Date(now.getTime()),
    user: () => options.user ?? gas.Session.getActiveUser().getEmail(),
  };
}

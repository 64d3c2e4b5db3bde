// What server functions need from the outside world, passed in so tests can run them over tools/gas-fake.
import type {
  ChartsPort,
  HtmlServicePort,
  LockServicePort,
  PropertiesServicePort,
  SpreadsheetAppPort,
} from '../sheets/gas';

/**
 * Services are functions, looked up when a server function runs: Apps Script loads the whole
 * script for every custom-function call and trigger, so nothing may touch a service at load time.
 */
export interface ServerContext {
  spreadsheetApp(): SpreadsheetAppPort;
  lockService(): LockServicePort;
  htmlService(): HtmlServicePort;
  charts(): ChartsPort;
  propertiesService(): PropertiesServicePort;
  now(): Date;
  /** The e-mail address of the person running the script; '' where Google does not tell (see Session.getActiveUser). */
  user(): string;
}

/** The real Apps Script globals. */
export const liveContext: ServerContext = {
  spreadsheetApp: () => SpreadsheetApp,
  lockService: () => LockService,
  htmlService: () => HtmlService,
  charts: () => Charts,
  propertiesService: () => PropertiesService,
  now: () => new Date(),
  user: () => Session.getActiveUser().getEmail(),
};

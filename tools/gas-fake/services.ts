// Fake global services: SpreadsheetApp, the Ui with its add-on menu and sidebar, HtmlService, LockService and Charts.
import type {
  ChartsPort,
  HtmlOutputPort,
  HtmlServicePort,
  LockPort,
  LockServicePort,
  MenuPort,
  PropertiesPort,
  PropertiesServicePort,
  SessionPort,
  SpreadsheetAppPort,
  UiPort,
} from '../../src/sheets/gas';
import { FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder } from './builders';
import type { CallLog } from './calls';
import type { FakeSpreadsheet } from './spreadsheet';

export class FakeMenu implements MenuPort {
  readonly items: ({ caption: string; functionName: string } | 'separator')[] = [];
  added = false;

  constructor(private readonly log: CallLog) {}

  addItem(caption: string, functionName: string): this {
    this.log.record('Menu.addItem');
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.log.record('Menu.addSeparator');
    this.items.push('separator');
    return this;
  }

  addToUi(): void {
    this.log.record('Menu.addToUi');
    this.added = true;
  }
}

export class FakeHtmlOutput implements HtmlOutputPort {
  private title = '';

  constructor(
    private readonly log: CallLog,
    private content: string,
  ) {}

  setTitle(title: string): this {
    this.log.record('HtmlOutput.setTitle');
    this.title = title;
    return this;
  }

  setContent(content: string): this {
    this.log.record('HtmlOutput.setContent');
    this.content = content;
    return this;
  }

  getTitle(): string {
    this.log.record('HtmlOutput.getTitle');
    return this.title;
  }

  getContent(): string {
    this.log.record('HtmlOutput.getContent');
    return this.content;
  }
}

export class FakeUi implements UiPort {
  readonly menus: FakeMenu[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly alerts: string[] = [];
  /** What prompt() shows, in order. */
  readonly prompts: string[] = [];
  /** What the user types into the next prompts, first first; '' (closed) when none is left. */
  readonly promptAnswers: string[] = [];

  constructor(private readonly log: CallLog) {}

  prompt(prompt: string): { getResponseText(): string } {
    this.log.record('Ui.prompt');
    this.prompts.push(prompt);
    const answer = this.promptAnswers.shift() ?? '';
    return { getResponseText: () => answer };
  }

  createAddonMenu(): FakeMenu {
    this.log.record('Ui.createAddonMenu');
    const menu = new FakeMenu(this.log);
    this.menus.push(menu);
    return menu;
  }

  showSidebar(userInterface: FakeHtmlOutput): void {
    this.log.record('Ui.showSidebar');
    this.sidebars.push(userInterface);
  }

  alert(prompt: string): string {
    this.log.record('Ui.alert');
    this.alerts.push(prompt);
    return 'OK';
  }
}

export class FakeHtmlService implements HtmlServicePort {
  /** Project files by name without extension, as createHtmlOutputFromFile looks them up. */
  constructor(
    private readonly log: CallLog,
    readonly files: Record<string, string>,
  ) {}

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.log.record('HtmlService.createHtmlOutputFromFile');
    const content = this.files[filename.replace(/\.html$/, '')];
    if (content === undefined) throw new Error(`No HTML file named ${filename} was found.`);
    return new FakeHtmlOutput(this.log, content);
  }

  createHtmlOutput(html = ''): FakeHtmlOutput {
    this.log.record('HtmlService.createHtmlOutput');
    return new FakeHtmlOutput(this.log, html);
  }
}

export class FakeSpreadsheetApp implements SpreadsheetAppPort {
  constructor(
    private readonly log: CallLog,
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly ui: FakeUi,
  ) {}

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.log.record('SpreadsheetApp.getActiveSpreadsheet');
    return this.spreadsheet;
  }

  getUi(): FakeUi {
    this.log.record('SpreadsheetApp.getUi');
    return this.ui;
  }

  newDataValidation(): FakeDataValidationBuilder {
    this.log.record('SpreadsheetApp.newDataValidation');
    return new FakeDataValidationBuilder(this.log);
  }

  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    this.log.record('SpreadsheetApp.newConditionalFormatRule');
    return new FakeConditionalFormatRuleBuilder(this.log);
  }

  flush(): void {
    this.log.record('SpreadsheetApp.flush');
  }
}

/** Who holds the document lock: one per fake spreadsheet, shared by every execution. */
export interface DocumentLockState {
  holder: object | null;
}

export class FakeLock implements LockPort {
  constructor(
    private readonly log: CallLog,
    private readonly state: DocumentLockState,
    private readonly execution: object,
  ) {}

  /** Nothing runs concurrently in a test, so waiting for a lock held by another execution times out at once. */
  tryLock(_timeoutInMillis: number): boolean {
    this.log.record('Lock.tryLock');
    if (this.state.holder && this.state.holder !== this.execution) return false;
    this.state.holder = this.execution;
    return true;
  }

  waitLock(_timeoutInMillis: number): void {
    this.log.record('Lock.waitLock');
    if (this.state.holder && this.state.holder !== this.execution) {
      throw new Error('Lock timeout: another process was holding the lock for too long.');
    }
    this.state.holder = this.execution;
  }

  releaseLock(): void {
    this.log.record('Lock.releaseLock');
    if (this.state.holder === this.execution) this.state.holder = null;
  }

  hasLock(): boolean {
    this.log.record('Lock.hasLock');
    return this.state.holder === this.execution;
  }
}

/** LockService as seen by one script execution (one user pressing a button). */
export class FakeLockService implements LockServicePort {
  private readonly execution = {};

  constructor(
    private readonly log: CallLog,
    private readonly state: DocumentLockState,
  ) {}

  getDocumentLock(): FakeLock {
    this.log.record('LockService.getDocumentLock');
    return new FakeLock(this.log, this.state, this.execution);
  }
}

/** The one Charts member we use; the real enum is numeric, the fake's value is its name for readable snapshots. */
export const fakeCharts: ChartsPort = {
  ChartType: { TREEMAP: 'TREEMAP' as unknown as GoogleAppsScript.Charts.ChartType },
};

/** Who runs the fake: what Session.getActiveUser().getEmail() answers unless a test says otherwise. */
export const FAKE_USER = 'finance@example.com';

export class FakeSession implements SessionPort {
  constructor(
    private readonly log: CallLog,
    /** '' plays a domain that does not give the address away. */
    public email = FAKE_USER,
  ) {}

  getActiveUser(): { getEmail(): string } {
    this.log.record('Session.getActiveUser');
    return { getEmail: () => this.email };
  }
}

/** Document properties shared by every execution on the fake spreadsheet: a map of strings, as the real store keeps. */
export class FakeProperties implements PropertiesPort {
  readonly values = new Map<string, string>();

  constructor(private readonly log: CallLog) {}

  getProperties(): Record<string, string> {
    this.log.record('Properties.getProperties');
    return Object.fromEntries(this.values);
  }

  setProperties(properties: Record<string, string>): this {
    this.log.record('Properties.setProperties');
    for (const [key, value] of Object.entries(properties)) this.values.set(key, String(value));
    return this;
  }
}

export class FakePropertiesService implements PropertiesServicePort {
  constructor(
    private readonly log: CallLog,
    readonly document: FakeProperties,
  ) {}

  getDocumentProperties(): FakeProperties {
    this.log.record('PropertiesService.getDocumentProperties');
    return this.document;
  }
}

// The exact slice of Apps Script the add-on uses: narrow ports, checked against @types/google-apps-script, that the real services and tools/gas-fake both satisfy.
//
// Each port lists only the methods our code calls. Methods whose results are plain values are
// `Pick`ed from the real types; methods returning other services are re-declared so that they
// return ports (chainable setters return `unknown`: we never chain on them). The `Fits` checks at
// the bottom make the compiler prove that every real service is assignable to its port, so a
// misspelt or invented method name fails to compile here, not in Google's runtime.

type S = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sh = GoogleAppsScript.Spreadsheet.Sheet;
type R = GoogleAppsScript.Spreadsheet.Range;

export interface RangePort
  extends Pick<
    R,
    | 'getValues'
    | 'getFormulas'
    | 'getNumberFormat'
    | 'getRow'
    | 'getColumn'
    | 'getNumRows'
    | 'getNumColumns'
    | 'getA1Notation'
  > {
  getSheet(): SheetPort;
  getMergedRanges(): RangePort[];
  setValues(values: unknown[][]): unknown;
  setValue(value: unknown): unknown;
  setNumberFormat(numberFormat: string): unknown;
  setFontWeight(fontWeight: string | null): unknown;
  setDataValidation(rule: DataValidationPort | null): unknown;
  clearContent(): unknown;
  activate(): unknown;
}

export interface SheetPort
  extends Pick<
    Sh,
    | 'getName'
    | 'getIndex'
    | 'getMaxRows'
    | 'getMaxColumns'
    | 'getLastRow'
    | 'getLastColumn'
    | 'setFrozenRows'
    | 'deleteRows'
    | 'deleteColumns'
  > {
  getDataRange(): RangePort;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): RangePort;
  setName(name: string): unknown;
  insertRowsAfter(afterPosition: number, howMany: number): unknown;
  insertColumnsAfter(afterPosition: number, howMany: number): unknown;
  setColumnWidth(columnPosition: number, width: number): unknown;
  hideSheet(): unknown;
  activate(): unknown;
  clearContents(): unknown;
  setConditionalFormatRules(rules: ConditionalFormatRulePort[]): void;
  newChart(): EmbeddedChartBuilderPort;
  insertChart(chart: EmbeddedChartPort): void;
  /** Marks the sheet with a key and value that travel with it and go when it is deleted. */
  addDeveloperMetadata(key: string, value: string): unknown;
}

export interface SpreadsheetPort
  extends Pick<S, 'getSpreadsheetLocale' | 'getSpreadsheetTimeZone' | 'getNumSheets' | 'toast'> {
  getSheets(): SheetPort[];
  getSheetByName(name: string): SheetPort | null;
  getActiveRange(): RangePort | null;
  /** Inserts at a 0-based position and makes the new sheet active, as Sheets does. */
  insertSheet(sheetName: string, sheetIndex: number): SheetPort;
  deleteSheet(sheet: SheetPort): void;
  createDeveloperMetadataFinder(): DeveloperMetadataFinderPort;
  getRangeByName(name: string): RangePort | null;
}

export interface DeveloperMetadataFinderPort {
  withKey(key: string): this;
  find(): DeveloperMetadataPort[];
}

export interface DeveloperMetadataPort
  extends Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadata, 'getKey' | 'getValue'> {
  getLocation(): DeveloperMetadataLocationPort;
}

export interface DeveloperMetadataLocationPort {
  /** The sheet the metadata sits on (also for metadata on one of its rows or columns); null for the spreadsheet's own. */
  getSheet(): SheetPort | null;
}

export interface DataValidationPort
  extends Pick<GoogleAppsScript.Spreadsheet.DataValidation, 'getAllowInvalid'> {}

export interface DataValidationBuilderPort {
  requireValueInList(values: string[], showDropdown: boolean): this;
  requireValueInRange(range: RangePort, showDropdown: boolean): this;
  setAllowInvalid(allowInvalidData: boolean): this;
  setHelpText(helpText: string): this;
  build(): DataValidationPort;
}

export interface ConditionalFormatRulePort {
  getRanges(): RangePort[];
}

export interface ConditionalFormatRuleBuilderPort {
  whenTextEqualTo(text: string): this;
  setBackground(color: string | null): this;
  setFontColor(color: string | null): this;
  setRanges(ranges: RangePort[]): this;
  build(): ConditionalFormatRulePort;
}

export interface EmbeddedChartPort {
  getRanges(): RangePort[];
}

export interface EmbeddedChartBuilderPort {
  setChartType(type: GoogleAppsScript.Charts.ChartType): this;
  addRange(range: RangePort): this;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this;
  setOption(option: string, value: unknown): this;
  build(): EmbeddedChartPort;
}

export interface MenuPort {
  addItem(caption: string, functionName: string): this;
  addSeparator(): this;
  addToUi(): void;
}

export interface HtmlOutputPort extends Pick<GoogleAppsScript.HTML.HtmlOutput, 'getContent' | 'getTitle'> {
  setTitle(title: string): this;
  setContent(content: string): this;
}

export interface UiPort {
  createAddonMenu(): MenuPort;
  showSidebar(userInterface: HtmlOutputPort): void;
  alert(prompt: string): unknown;
  /** A dialog with a text box and OK; closing it answers ''. */
  prompt(prompt: string): Pick<GoogleAppsScript.Base.PromptResponse, 'getResponseText'>;
}

export interface SpreadsheetAppPort {
  getActiveSpreadsheet(): SpreadsheetPort;
  getUi(): UiPort;
  newDataValidation(): DataValidationBuilderPort;
  newConditionalFormatRule(): ConditionalFormatRuleBuilderPort;
  /** Applies pending writes: called before a lock is released so the next holder reads them. */
  flush(): void;
}

export type LockPort = Pick<GoogleAppsScript.Lock.Lock, 'waitLock' | 'tryLock' | 'releaseLock' | 'hasLock'>;

export interface LockServicePort {
  getDocumentLock(): LockPort | null;
}

export interface HtmlServicePort {
  createHtmlOutputFromFile(filename: string): HtmlOutputPort;
  createHtmlOutput(html: string): HtmlOutputPort;
}

/** Who runs the script: the address Google gives, or '' where it does not. */
export interface SessionPort {
  getActiveUser(): Pick<GoogleAppsScript.Base.User, 'getEmail'>;
}

/** Document properties: small strings kept with the spreadsheet, readable in the onEdit simple trigger (AuthMode.LIMITED). */
export interface PropertiesPort extends Pick<GoogleAppsScript.Properties.Properties, 'getProperties'> {
  setProperties(properties: Record<string, string>): unknown;
}

export interface PropertiesServicePort {
  getDocumentProperties(): PropertiesPort | null;
}

export interface ChartsPort {
  readonly ChartType: { readonly TREEMAP: GoogleAppsScript.Charts.ChartType };
}

// Compile-time proofs that the real services fit the ports (no runtime code).
type Fits<RealService extends Port, Port> = RealService;
export type RealFitsPorts = [
  Fits<R, RangePort>,
  Fits<Sh, SheetPort>,
  Fits<S, SpreadsheetPort>,
  Fits<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, DeveloperMetadataFinderPort>,
  Fits<GoogleAppsScript.Spreadsheet.DeveloperMetadata, DeveloperMetadataPort>,
  Fits<GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation, DeveloperMetadataLocationPort>,
  Fits<GoogleAppsScript.Spreadsheet.DataValidationBuilder, DataValidationBuilderPort>,
  Fits<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, ConditionalFormatRuleBuilderPort>,
  Fits<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, EmbeddedChartBuilderPort>,
  Fits<GoogleAppsScript.Spreadsheet.SpreadsheetApp, SpreadsheetAppPort>,
  Fits<GoogleAppsScript.Lock.LockService, LockServicePort>,
  Fits<GoogleAppsScript.HTML.HtmlService, HtmlServicePort>,
  Fits<GoogleAppsScript.Base.Ui, UiPort>,
  Fits<GoogleAppsScript.Charts.Charts, ChartsPort>,
  Fits<GoogleAppsScript.Base.Session, SessionPort>,
  Fits<GoogleAppsScript.Properties.Properties, PropertiesPort>,
  Fits<GoogleAppsScript.Properties.PropertiesService, PropertiesServicePort>,
];

// Fake builders for data validation, conditional formatting and embedded charts, recording what was built.
import type {
  ConditionalFormatRuleBuilderPort,
  ConditionalFormatRulePort,
  DataValidationBuilderPort,
  DataValidationPort,
  EmbeddedChartBuilderPort,
  EmbeddedChartPort,
} from '../../src/sheets/gas';
import type { CallLog } from './calls';
import type { FakeRange } from './range';

export type ValidationCriteria = 'VALUE_IN_LIST' | 'VALUE_IN_RANGE';

export class FakeDataValidation implements DataValidationPort {
  constructor(
    private readonly log: CallLog,
    readonly criteria: ValidationCriteria,
    /** The list, or the source range, as given. */
    readonly values: readonly string[] | FakeRange,
    readonly showDropdown: boolean,
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}

  getAllowInvalid(): boolean {
    this.log.record('DataValidation.getAllowInvalid');
    return this.allowInvalid;
  }

  /** A plain description for snapshots and assertions. */
  describe(): string {
    const source = Array.isArray(this.values)
      ? (this.values as readonly string[]).join('|')
      : `${(this.values as FakeRange).owner.name}!${(this.values as FakeRange).a1()}`;
    return `${this.criteria}(${source})${this.showDropdown ? ' dropdown' : ''}${this.allowInvalid ? ' warn' : ' reject'}`;
  }
}

export class FakeDataValidationBuilder implements DataValidationBuilderPort {
  private criteria: ValidationCriteria | null = null;
  private values: readonly string[] | FakeRange = [];
  private showDropdown = true;
  // Sheets' default for a new rule is to warn, not reject.
  private allowInvalid = true;
  private helpText = '';

  constructor(private readonly log: CallLog) {}

  requireValueInList(values: string[], showDropdown = true): this {
    this.log.record('DataValidationBuilder.requireValueInList');
    this.criteria = 'VALUE_IN_LIST';
    this.values = [...values];
    this.showDropdown = showDropdown;
    return this;
  }

  requireValueInRange(range: FakeRange, showDropdown = true): this {
    this.log.record('DataValidationBuilder.requireValueInRange');
    this.criteria = 'VALUE_IN_RANGE';
    this.values = range;
    this.showDropdown = showDropdown;
    return this;
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    this.log.record('DataValidationBuilder.setAllowInvalid');
    this.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): this {
    this.log.record('DataValidationBuilder.setHelpText');
    this.helpText = helpText;
    return this;
  }

  build(): FakeDataValidation {
    this.log.record('DataValidationBuilder.build');
    if (!this.criteria) throw new Error('You must set criteria for data validation before building it.');
    return new FakeDataValidation(
      this.log,
      this.criteria,
      this.values,
      this.showDropdown,
      this.allowInvalid,
      this.helpText,
    );
  }
}

export class FakeConditionalFormatRule implements ConditionalFormatRulePort {
  constructor(
    private readonly log: CallLog,
    readonly textEqualTo: string,
    readonly background: string | null,
    readonly fontColor: string | null,
    readonly ranges: readonly FakeRange[],
  ) {}

  getRanges(): FakeRange[] {
    this.log.record('ConditionalFormatRule.getRanges');
    return [...this.ranges];
  }

  describe(): string {
    const where = this.ranges.map((r) => `${r.owner.name}!${r.a1()}`).join(',');
    return `${where}: text = "${this.textEqualTo}" -> background ${this.background}, font ${this.fontColor}`;
  }
}

export class FakeConditionalFormatRuleBuilder implements ConditionalFormatRuleBuilderPort {
  private text: string | null = null;
  private background: string | null = null;
  private fontColor: string | null = null;
  private ranges: FakeRange[] = [];

  constructor(private readonly log: CallLog) {}

  whenTextEqualTo(text: string): this {
    this.log.record('ConditionalFormatRuleBuilder.whenTextEqualTo');
    this.text = text;
    return this;
  }

  setBackground(color: string | null): this {
    this.log.record('ConditionalFormatRuleBuilder.setBackground');
    this.background = color;
    return this;
  }

  setFontColor(color: string | null): this {
    this.log.record('ConditionalFormatRuleBuilder.setFontColor');
    this.fontColor = color;
    return this;
  }

  setRanges(ranges: FakeRange[]): this {
    this.log.record('ConditionalFormatRuleBuilder.setRanges');
    this.ranges = [...ranges];
    return this;
  }

  build(): FakeConditionalFormatRule {
    this.log.record('ConditionalFormatRuleBuilder.build');
    if (this.text === null) throw new Error('The conditional format rule has no condition.');
    if (this.ranges.length === 0) throw new Error('The conditional format rule has no ranges.');
    return new FakeConditionalFormatRule(this.log, this.text, this.background, this.fontColor, this.ranges);
  }
}

export class FakeEmbeddedChart implements EmbeddedChartPort {
  constructor(
    private readonly log: CallLog,
    readonly chartType: unknown,
    readonly ranges: readonly FakeRange[],
    readonly position: { row: number; column: number; offsetX: number; offsetY: number },
    readonly options: Readonly<Record<string, unknown>>,
  ) {}

  getRanges(): FakeRange[] {
    this.log.record('EmbeddedChart.getRanges');
    return [...this.ranges];
  }

  describe(): string {
    const where = this.ranges.map((r) => `${r.owner.name}!${r.a1()}`).join(',');
    return `${String(this.chartType)} of ${where} at R${this.position.row}C${this.position.column}`;
  }
}

export class FakeEmbeddedChartBuilder implements EmbeddedChartBuilderPort {
  private chartType: unknown = null;
  private readonly ranges: FakeRange[] = [];
  private position = { row: 1, column: 1, offsetX: 0, offsetY: 0 };
  private readonly options: Record<string, unknown> = {};

  constructor(private readonly log: CallLog) {}

  setChartType(type: GoogleAppsScript.Charts.ChartType): this {
    this.log.record('EmbeddedChartBuilder.setChartType');
    this.chartType = type;
    return this;
  }

  addRange(range: FakeRange): this {
    this.log.record('EmbeddedChartBuilder.addRange');
    this.ranges.push(range);
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.log.record('EmbeddedChartBuilder.setPosition');
    this.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  setOption(option: string, value: unknown): this {
    this.log.record('EmbeddedChartBuilder.setOption');
    this.options[option] = value;
    return this;
  }

  build(): FakeEmbeddedChart {
    this.log.record('EmbeddedChartBuilder.build');
    if (this.chartType === null) throw new Error('The chart has no type.');
    return new FakeEmbeddedChart(
      this.log,
      this.chartType,
      this.ranges,
      { ...this.position },
      { ...this.options },
    );
  }
}

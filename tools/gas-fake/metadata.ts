// Fake developer metadata on sheets, and the spreadsheet's finder over it: how the add-on marks the tabs it made.
import type {
  DeveloperMetadataFinderPort,
  DeveloperMetadataLocationPort,
  DeveloperMetadataPort,
} from '../../src/sheets/gas';
import type { CallLog } from './calls';
import type { FakeSheet } from './sheet';

/** One key/value on a sheet. Like Sheets, it lives on the sheet object: renames keep it, deleting the sheet drops it. */
export class FakeDeveloperMetadata implements DeveloperMetadataPort {
  constructor(
    private readonly log: CallLog,
    readonly sheet: FakeSheet,
    readonly key: string,
    readonly value: string | null,
  ) {}

  getKey(): string {
    this.log.record('DeveloperMetadata.getKey');
    return this.key;
  }

  getValue(): string | null {
    this.log.record('DeveloperMetadata.getValue');
    return this.value;
  }

  getLocation(): FakeDeveloperMetadataLocation {
    this.log.record('DeveloperMetadata.getLocation');
    return new FakeDeveloperMetadataLocation(this.log, this.sheet);
  }

  /** `key=value`, for snapshots. */
  describe(): string {
    return this.value === null ? this.key : `${this.key}=${this.value}`;
  }
}

export class FakeDeveloperMetadataLocation implements DeveloperMetadataLocationPort {
  constructor(
    private readonly log: CallLog,
    private readonly sheet: FakeSheet,
  ) {}

  getSheet(): FakeSheet {
    this.log.record('DeveloperMetadataLocation.getSheet');
    return this.sheet;
  }
}

/** Searches the metadata of the sheets it is given (all of a spreadsheet's, or one sheet's), in tab order. */
export class FakeDeveloperMetadataFinder implements DeveloperMetadataFinderPort {
  private key: string | null = null;

  constructor(
    private readonly log: CallLog,
    private readonly sheets: () => readonly FakeSheet[],
  ) {}

  withKey(key: string): this {
    this.log.record('DeveloperMetadataFinder.withKey');
    this.key = key;
    return this;
  }

  find(): FakeDeveloperMetadata[] {
    this.log.record('DeveloperMetadataFinder.find');
    return this.sheets()
      .flatMap((sheet) => sheet.metadata)
      .filter((metadata) => this.key === null || metadata.key === this.key);
  }
}

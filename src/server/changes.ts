// When the sheet last changed and when the Roll-up tab was written: two document properties the sidebar polls cheaply.
import type { PropertiesPort } from '../sheets/gas';
import type { ChangeStamp } from './api';
import type { ServerContext } from './context';

/** Document property keys; the values are ISO timestamps from the server's clock. */
export const EDITED_AT = 'mbo.editedAt';
export const ROLLED_UP_AT = 'mbo.rolledUpAt';

/**
 * The document properties, or null where they cannot be had. onEdit runs in AuthMode.LIMITED, where document
 * properties are readable and writable; a stamp that cannot be kept must never fail an edit or a roll-up.
 */
function documentProperties(ctx: ServerContext): PropertiesPort | null {
  try {
    return ctx.propertiesService().getDocumentProperties();
  } catch {
    return null;
  }
}

function stamp(ctx: ServerContext, key: string, at: Date): void {
  try {
    documentProperties(ctx)?.setProperties({ [key]: at.toISOString() });
  } catch {
    // A full property store (500 KB) or a quota: the sidebar then just cannot say the results are stale.
  }
}

/** The onEdit simple trigger: a person changed a cell. One property write, nothing read from the sheet. */
export function onEdit(ctx: ServerContext, _event?: unknown): void {
  noteEdit(ctx);
}

/** Marks the sheet as changed now: by a person (onEdit) or by a write of ours that changes results (a Parent cell, a column map). */
export function noteEdit(ctx: ServerContext, at: Date = ctx.now()): void {
  stamp(ctx, EDITED_AT, at);
}

/** Marks the Roll-up tab as written with results computed at `at`. */
export function noteRollUp(ctx: ServerContext, at: Date): void {
  stamp(ctx, ROLLED_UP_AT, at);
}

/** What the sidebar polls: one properties read, no spreadsheet access. '' where nothing was recorded. */
export function getChanges(ctx: ServerContext): ChangeStamp {
  let values: Record<string, string> = {};
  try {
    values = documentProperties(ctx)?.getProperties() ?? {};
  } catch {
    // As if nothing was recorded: the sidebar shows no staleness rather than an error every 30 seconds.
  }
  return { editedAt: values[EDITED_AT] ?? '', rolledUpAt: values[ROLLED_UP_AT] ?? '' };
}

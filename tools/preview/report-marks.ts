// The command line's report marks (workbook defined names, src/cli/report-mark.ts) read and set on an exceljs workbook: the preview saves through exceljs, and tests read files back with it.
import type { Workbook } from 'exceljs';
import { isReportMark, marksAmong, reportMarkRanges } from '../../src/cli/report-mark';

/** Each of our marks with the sheet it points at, as [defined name, sheet name]. */
export function reportMarks(book: Workbook): [string, string][] {
  return marksAmong(book.definedNames.model);
}

/** The names of the sheets our marks point at. */
export function markedSheets(book: Workbook): Set<string> {
  return new Set(reportMarks(book).map(([, sheet]) => sheet));
}

/** Marks exactly these sheets as ours (see reportMarkRanges): the user's own defined names stay. */
export function markReportSheets(book: Workbook, live: string | null, kept: readonly string[] = []): void {
  book.definedNames.model = book.definedNames.model.filter(({ name }) => !isReportMark(name));
  for (const [name, range] of reportMarkRanges(live, kept)) book.definedNames.add(range, name);
}

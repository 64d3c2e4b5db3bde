// The Survey tab template: teaming answers from 0 to 10 by respondent group, with MBO_NPS by group beside them.
import type { SheetPort } from './gas';
import { addFilledTab } from './new-tab';
import type { SetupWriter } from './template';

export const SURVEY_TAB = 'Survey';
export const SURVEY_HEADERS = ['Respondent', 'Group', 'Team rated', 'Answer (0-10)', 'Comment'] as const;
/** Who answers a teaming survey: the team itself, another team, and Sales (the seeds' rule). */
export const SURVEY_GROUPS = ['own team', 'other team', 'Sales'] as const;
const ANSWERS = Array.from({ length: 11 }, (_, n) => String(n));
/** The NPS-by-group table: one column right of the answers, spilling Group, NPS, Answers used, Refused. */
export const NPS_BY_GROUP_FORMULA = '=MBO_NPS(D2:D, B2:B)';
const NPS_BY_GROUP_COL = SURVEY_HEADERS.length + 2;

/** `Survey`, or `Survey 2`, `Survey 3`... when taken (any case). */
export function surveyTabName(taken: readonly string[]): string {
  const names = new Set(taken.map((n) => n.toLowerCase()));
  let candidate = SURVEY_TAB;
  for (let n = 2; names.has(candidate.toLowerCase()); n++) candidate = `${SURVEY_TAB} ${n}`;
  return candidate;
}

/**
 * Adds a Survey tab at the end: the headers, a dropdown of respondent groups (other groups still go in, with a
 * warning), a dropdown of answers 0-10, and the MBO_NPS-by-group formula in G1. All or nothing.
 */
export function addSurveyTab(writer: SetupWriter): SheetPort {
  const { spreadsheet, app } = writer;
  const name = surveyTabName(spreadsheet.getSheets().map((s) => s.getName()));
  return addFilledTab(spreadsheet, name, [[...SURVEY_HEADERS]], (sheet) => {
    const bodyRows = sheet.getMaxRows() - 1;
    const dropdown = (col: number, choices: readonly string[], help: string) =>
      sheet.getRange(2, col, bodyRows, 1).setDataValidation(
        app
          .newDataValidation()
          .requireValueInList([...choices], true)
          .setAllowInvalid(true)
          .setHelpText(help)
          .build(),
      );
    dropdown(
      SURVEY_HEADERS.indexOf('Group') + 1,
      SURVEY_GROUPS,
      `Respondent group: ${SURVEY_GROUPS.join(', ')}.`,
    );
    dropdown(SURVEY_HEADERS.indexOf('Answer (0-10)') + 1, ANSWERS, 'A whole number from 0 to 10.');
    // setValue enters text as if typed: a formula stays a formula.
    sheet.getRange(1, NPS_BY_GROUP_COL).setValue(NPS_BY_GROUP_FORMULA);
    sheet.setColumnWidth(SURVEY_HEADERS.indexOf('Comment') + 1, 280);
  });
}

// Failures the command line explains to the user in one sentence, with the exit code they end in.

/** Exit codes: 0 done, 1 the workbook has errors (check) or no goal tab, 2 the command could not run. */
export const EXIT_OK = 0;
export const EXIT_FOUND_ERRORS = 1;
export const EXIT_CANNOT_RUN = 2;

/** An expected failure: bad usage or an unreadable input. Its message is printed as is, with no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_CANNOT_RUN,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

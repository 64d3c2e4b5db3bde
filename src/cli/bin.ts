// The mbo-cascade executable's entry (built to dist/cli/mbo-cascade.mjs): runs main() on the process's arguments and sets the exit code.
import { main } from './main';

// `mbo-cascade check big.xlsx | head` closes stdout early: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));

/**
 * @module cli/main
 * Entry point of the `xiaoxin` command (bin/xiaoxin.js imports the compiled copy): runs the
 * command line and turns errors into one line on stderr and an exit code.
 */
import { reportError } from './errors.js';
import { buildProgram } from './program.js';

let exitCode = 0;
try {
  await buildProgram((code) => (exitCode = code)).parseAsync(process.argv);
} catch (error) {
  exitCode = reportError(error);
}
// exitCode rather than exit(): stdout piped to another program must be flushed first.
process.exitCode = exitCode;

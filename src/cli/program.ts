/**
 * @module cli/program
 * The `xiaoxin` command line: one sub-command per file under `commands/`.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { cliConfig } from './context.js';
import { registerAsk } from './commands/ask.js';
import { registerEval } from './commands/eval.js';
import { registerImport } from './commands/import.js';
import { registerServe } from './commands/serve.js';
import { registerUpkeep } from './commands/upkeep.js';
import { registerUser } from './commands/user.js';

/** The package version, from package.json (two folders up from both src/cli and dist/cli). */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Builds the program; actions report their exit code through `setExit`. */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('xiaoxin')
    .description('小新 — service assistant for the government service centres of high-tech zones')
    .version(version(), '-v, --version')
    // Thrown instead of exiting, so that main decides the exit code (2 for usage errors).
    .exitOverride()
    .showHelpAfterError('(run "xiaoxin help <command>" for usage)')
    .addHelpText(
      'after',
      '\nConfiguration comes from environment variables (DATABASE_URL, XIAOXIN_DATA, XIAOXIN_HOTLINE,\n' +
        'XIAOXIN_PORT, XIAOXIN_HOST, XIAOXIN_EMBEDDINGS_URL/_MODEL/_KEY, XIAOXIN_SEEDS_DIR, XIAOXIN_TIMEZONE,\n' +
        'XIAOXIN_ALERT_WEBHOOK, XIAOXIN_SMTP_URL, …); see README.md and docs/ADMIN-API.md.',
    )
    // Validated before any command runs, and only then, so that --help works with a bad environment.
    .hook('preAction', () => {
      cliConfig();
    });
  registerImport(program, setExit);
  registerAsk(program, setExit);
  registerEval(program, setExit);
  registerServe(program, setExit);
  registerUser(program, setExit);
  registerUpkeep(program, setExit);
  return program;
}

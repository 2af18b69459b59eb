/**
 * @module cli/commands/user
 * `xiaoxin user add NAME --role ROLE`, `xiaoxin user list`, `xiaoxin user passwd NAME`: staff
 * accounts from the command line — how a zone creates its first administrator, and how it gets
 * back in when every administrator has forgotten their password. The password is read from
 * standard input (the first line), so it never appears in the shell history or the process list.
 */
import { Option, type Command } from 'commander';
import { AccountInputError, createAccount, updateAccount } from '../../accounts/service.js';
import { ROLES, ROLE_LABELS } from '../../accounts/roles.js';
import { withStore } from '../context.js';
import { EXIT_OK, UsageError } from '../errors.js';

/** Account changes made here are audited as done by this actor. */
const CLI_ACTOR = 'cli';

export function registerUser(program: Command, setExit: (code: number) => void): void {
  const user = program.command('user').description('manage back-office accounts (admin, editor, reviewer, window)');
  user
    .command('add')
    .description('create an account; the password is read from standard input')
    .argument('<name>', 'login name: 2–32 lower-case letters, digits, . _ -')
    .addOption(new Option('--role <role>', 'what the account may do').choices(ROLES).makeOptionMandatory())
    .option('--display-name <name>', 'the name shown in the back office, e.g. 李明')
    .option('--data <dir>', 'PGlite data folder (default: XIAOXIN_DATA or ./data)')
    .action(async (name: string, flags: { role: string; displayName?: string; data?: string }) => {
      const password = await readPassword();
      const account = await withStore(flags, (store) =>
        asUsage(() => createAccount(store, { name, role: flags.role, password, displayName: flags.displayName }, CLI_ACTOR)),
      );
      process.stdout.write(`created ${account.name} (${ROLE_LABELS[account.role]} ${account.role})\n`);
      setExit(EXIT_OK);
    });
  user
    .command('list')
    .description('list the accounts')
    .option('--data <dir>', 'PGlite data folder (default: XIAOXIN_DATA or ./data)')
    .action(async (flags: { data?: string }) => {
      const accounts = await withStore(flags, (store) => store.accounts.list());
      for (const a of accounts) {
        const state = a.disabled ? ' (disabled)' : a.lockedUntil && a.lockedUntil > new Date() ? ' (locked out at some addresses)' : '';
        process.stdout.write(`${a.name}\t${a.role}\t${a.displayName ?? ''}${state}\n`);
      }
      setExit(EXIT_OK);
    });
  user
    .command('passwd')
    .description("set an account's password (read from standard input) and end its lock-outs")
    .argument('<name>', 'login name')
    .option('--data <dir>', 'PGlite data folder (default: XIAOXIN_DATA or ./data)')
    .action(async (name: string, flags: { data?: string }) => {
      const password = await readPassword();
      const updated = await withStore(flags, (store) => asUsage(() => updateAccount(store, name, { password }, CLI_ACTOR)));
      if (!updated) throw new UsageError(`no account "${name}" (see "xiaoxin user list")`);
      process.stdout.write(`password of ${updated.name} changed\n`);
      setExit(EXIT_OK);
    });
}

/** The first line of standard input, prompting when it is a terminal. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('password (input is not hidden; pipe it in to keep it off the screen): ');
  let input = '';
  for await (const chunk of process.stdin) {
    input += String(chunk);
    if (input.includes('\n')) break;
  }
  const password = input.split(/\r?\n/)[0] ?? '';
  if (!password) throw new UsageError('no password on standard input; e.g. printf "%s\\n" "$PASSWORD" | xiaoxin user add …');
  return password;
}

/** Input problems are the person's to fix: exit code 2 with the message. */
async function asUsage<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AccountInputError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * @module cli/commands/upkeep
 * `xiaoxin upkeep [--data DIR] [--force]`: runs the daily upkeep job once — for cron, or where
 * `xiaoxin serve` is not running all day — and prints the due list, one item a line. The job
 * claims the day in the database, so it runs once a day however often and wherever it is started
 * (`xiaoxin serve` checks every hour too); `--force` runs it again anyway.
 */
import type { Command } from 'commander';
import { alertText } from '../../upkeep/alerts.js';
import { dayIn } from '../../upkeep/calendar.js';
import { DailyUpkeepJob } from '../../upkeep/daily-job.js';
import { cliConfig, note, withStore } from '../context.js';
import { EXIT_FAILURE, EXIT_OK } from '../errors.js';

interface UpkeepFlags {
  data?: string;
  force?: boolean;
}

export function registerUpkeep(program: Command, setExit: (code: number) => void): void {
  program
    .command('upkeep')
    .description('run the daily upkeep job once (record expired policies, send the review alert) and print what is due')
    .option('--data <dir>', 'PGlite data folder (default: XIAOXIN_DATA or ./data)')
    .option('--force', 'run even when the job has already run today')
    .action(async (flags: UpkeepFlags) => {
      setExit(await runUpkeep(flags));
    });
}

export async function runUpkeep(flags: UpkeepFlags): Promise<number> {
  const config = cliConfig();
  const result = await withStore(flags, (store) => {
    const job = new DailyUpkeepJob(store, {
      today: () => dayIn(config.timeZone),
      windowDays: config.reviewWindowDays,
      alerts: { ...config.alerts, zoneName: config.zoneName },
    });
    return flags.force ? job.runNow() : job.runIfDue();
  });
  if (result.due.length) process.stdout.write(`${alertText(result.due, result.day, config.zoneName)}\n`);
  else process.stdout.write(`${result.day}: nothing is due within ${config.reviewWindowDays} days\n`);
  if (!result.ran) {
    note(`the daily job had already run on ${result.day}; nothing recorded or sent (--force runs it again)`);
    return EXIT_OK;
  }
  for (const item of result.expiredToday) note(`recorded as expired: ${item.id} (${item.dueDate})`);
  if (!result.alerts.length) note(result.due.length ? 'no alert sent: no webhook or e-mail is configured' : 'no alert needed');
  let failed = false;
  for (const alert of result.alerts) {
    if (alert.ok) note(`${alert.channel} alert sent`);
    else {
      failed = true;
      note(`${alert.channel} alert failed: ${alert.error}`);
    }
  }
  return failed ? EXIT_FAILURE : EXIT_OK;
}

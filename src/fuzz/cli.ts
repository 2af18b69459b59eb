/**
 * @module fuzz/cli
 * `npm run fuzz -- --requests 20000 [--seed N]`: fuzzes a fresh server, prints the report, and
 * exits 1 on any 5xx, crash or unhealthy server.
 */
import { Command, InvalidArgumentError } from 'commander';
import { fuzzReport } from './report.js';
import { passed, runFuzz } from './runner.js';

const whole = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`${name}: must be a whole number, got "${value}"`);
  return n;
};

const options = new Command('fuzz')
  .description('Sends generated hostile requests to every route of a fresh server (PGlite in memory) as every role')
  .option('--requests <n>', 'how many requests', whole('--requests'), 20_000)
  .option('--seed <n>', 'the seed of a run to repeat', whole('--seed'))
  .parse()
  .opts<{ requests: number; seed?: number }>();

const result = await runFuzz({
  requests: options.requests,
  ...(options.seed !== undefined ? { seed: options.seed } : {}),
  onProgress: (done) => process.stderr.write(`\rfuzz: ${done}/${options.requests}`),
});
process.stderr.write('\n');
process.stdout.write(`${fuzzReport(result)}\n`);
process.exitCode = passed(result) ? 0 : 1;

/**
 * @module cli/commands/eval
 * `xiaoxin eval --dataset DIR [--json] [--limit N] [--half odd|even] [--noise KIND] [--report FILE]
 *  [--with-demo] [--zone NAME]`:
 * retrieval and answer quality on a labelled set, in a throw-away in-memory store. With `--json`
 * the last line of stdout is the metrics object (the calibration table in it); with `--report`
 * every question's outcome goes to FILE, one JSON line each.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { formatDiagnoses, writeReport } from '../../eval/report.js';
import { evalJson, formatEvalTable, HALVES, runEval, type Half } from '../../eval/run.js';
import { NOISE_KINDS, type NoiseKind } from '../../eval/noise.js';
import { assistantOptions, note } from '../context.js';
import { EXIT_OK, UsageError } from '../errors.js';

interface EvalFlags {
  dataset: string;
  json?: boolean;
  limit?: number;
  half?: Half;
  noise?: NoiseKind;
  report?: string;
  withDemo?: boolean;
  zone?: string;
}

export function registerEval(program: Command, setExit: (code: number) => void): void {
  program
    .command('eval')
    .description('measure retrieval and answer quality on a labelled dataset (corpus.jsonl and/or knowledge.jsonl + questions.jsonl)')
    .requiredOption('--dataset <dir>', 'the dataset folder, e.g. ../shared/eval/ncpqa')
    .option('--json', 'end the output with one line of JSON holding the metrics')
    .option('--limit <n>', 'ask only the first N questions', positiveInteger)
    .option('--half <half>', `ask only the questions at ${HALVES.join(' or ')} positions of questions.jsonl (tune on one, confirm on the other)`, half)
    .option('--noise <kind>', `ask noisy forms of the questions: ${NOISE_KINDS.join(', ')}`, noiseKind)
    .option('--report <file>', 'write one JSON line per question, with what was retrieved and why a miss missed')
    .option('--with-demo', "also load the demo zone's knowledge base (星河高新区): the dataset's zone among other zones' items")
    .option('--zone <name>', 'the home zone, preferred when a question names none (default: XIAOXIN_ZONE_NAME)')
    .action(async (flags: EvalFlags) => {
      setExit(await runEvalCommand(flags));
    });
}

export async function runEvalCommand(flags: EvalFlags): Promise<number> {
  if (!existsSync(flags.dataset)) throw new UsageError(`--dataset: the folder "${flags.dataset}" does not exist`);
  // Checked before the run, which takes minutes on a real dataset.
  if (flags.report !== undefined && !existsSync(path.dirname(path.resolve(flags.report)))) {
    throw new UsageError(`--report: cannot write ${flags.report}: the folder "${path.dirname(flags.report)}" does not exist`);
  }
  const assistant = { ...assistantOptions(), ...(flags.zone !== undefined ? { zoneName: flags.zone } : {}) };
  const dense = assistant.embeddings ? `, dense retrieval with ${assistant.embeddings.model}` : '';
  note(`evaluating ${flags.dataset} in a temporary in-memory store (your data is not touched${dense})`);
  // Progress only for a person watching; logs and pipes get the result alone.
  const onProgress = process.stderr.isTTY
    ? (done: number, total: number) => {
        if (done % 25 === 0 || done === total) process.stderr.write(`\r  ${done}/${total} questions`);
        if (done === total) process.stderr.write('\n');
      }
    : undefined;
  if (flags.noise) note(`questions rewritten with "${flags.noise}" noise`);
  if (flags.withDemo) note('the demo knowledge base (星河高新区) is loaded beside the dataset');
  if (assistant.zoneName) note(`home zone: ${assistant.zoneName}`);
  const report = await runEval(flags.dataset, {
    limit: flags.limit,
    half: flags.half,
    assistant,
    onProgress,
    noise: flags.noise,
    withDemo: flags.withDemo,
  });
  if (report.importProblems.length > 0) {
    note(`${report.importProblems.length} knowledge rows could not be imported; first: ${report.importProblems[0]}`);
  }
  process.stdout.write(`${formatEvalTable(report)}\n`);
  if (flags.report !== undefined) {
    // The questions as they were asked: the noisy forms too.
    writeReport(flags.report, report.asked, report);
    process.stdout.write(`${formatDiagnoses(report.results)}\n`);
    note(`report of ${report.results.length} questions written to ${flags.report}`);
  }
  if (flags.json) process.stdout.write(`${evalJson(report)}\n`);
  return EXIT_OK;
}

function noiseKind(value: string): NoiseKind {
  if (!(NOISE_KINDS as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${NOISE_KINDS.join(', ')}`);
  return value as NoiseKind;
}

function half(value: string): Half {
  if (!(HALVES as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${HALVES.join(', ')}`);
  return value as Half;
}

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return Number(value);
}

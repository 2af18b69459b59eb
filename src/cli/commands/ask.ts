/**
 * @module cli/commands/ask
 * `xiaoxin ask "问题"` answers one question; `xiaoxin ask -` answers one question per line of
 * stdin, one JSON answer per line, for scripts and quick batch checks.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { Answer } from '../../answering/answer.js';
import { createAssistant, indexFileFor, note, withStore } from '../context.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { formatAnswer } from '../format.js';

interface AskFlags {
  json?: boolean;
  session?: string;
  data?: string;
}

interface Asker {
  ask(question: string, options?: { sessionId?: string }): Promise<Answer>;
}

export function registerAsk(program: Command, setExit: (code: number) => void): void {
  program
    .command('ask')
    .description('answer a question from the knowledge base ("-" reads one question per line from stdin)')
    .argument('<question>', 'the question, or - to read questions from stdin')
    .option('--json', 'print the answer object as JSON')
    .option('--session <id>', 'a conversation id, so that follow-up questions keep their topic')
    .option('--data <dir>', 'PGlite data folder (default: XIAOXIN_DATA or ./data)')
    .action(async (question: string, flags: AskFlags) => {
      setExit(await runAsk(question, flags));
    });
}

export async function runAsk(question: string, flags: AskFlags): Promise<number> {
  if (question.trim() === '') throw new UsageError('the question is empty; ask something, or pass - to read questions from stdin');
  return withStore(flags, async (store) => {
    if ((await store.countItems()) === 0) {
      note('the knowledge base is empty; import items first (xiaoxin import …) or start "xiaoxin serve --demo"');
    }
    const assistant = await createAssistant(store, { indexFile: indexFileFor(flags) });
    const options = flags.session ? { sessionId: flags.session } : {};
    if (question === '-') {
      await askEachLine(assistant, options);
    } else {
      const answer = await assistant.ask(question, options);
      process.stdout.write(`${flags.json ? JSON.stringify(answer) : formatAnswer(answer)}\n`);
    }
    return EXIT_OK;
  });
}

/** Questions are answered in order, so that with a session each line follows up on the last. */
async function askEachLine(assistant: Asker, options: { sessionId?: string }): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const question = line.trim();
    if (!question) continue;
    const answer = await assistant.ask(question, options);
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  }
}

/**
 * @module eval/dataset
 * Reads a labelled dataset folder (see the eval FORMAT.md): its knowledge (`corpus.jsonl`
 * documents, `knowledge.jsonl` items, or both) and its questions (`questions.jsonl`, one question
 * or one conversation a line).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const questionSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1).optional(),
    turns: z.array(z.string().min(1)).min(1).optional(),
    doc_id: z.string().min(1).optional(),
    answer: z.string().optional(),
    expect: z.array(z.string().min(1)).min(1).optional(),
    answerable: z.boolean().default(true),
  })
  .superRefine((q, ctx) => {
    if ((q.question === undefined) === (q.turns === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['question'], message: 'exactly one of question and turns must be given' });
    }
  });
const corpusSchema = z.object({ id: z.string().min(1), title: z.string().default(''), text: z.string() });

type QuestionLine = z.infer<typeof questionSchema>;

/** One labelled question or conversation, with a single question read as a conversation of one turn. */
export interface LabelledQuestion {
  id: string;
  /** What is asked, in order, in one session; only the last answer is graded. */
  turns: string[];
  /** Whether the line was a conversation (`turns`) rather than a single `question`. */
  conversation: boolean;
  doc_id?: string;
  answer?: string;
  expect?: string[];
  answerable: boolean;
  /** 1-based position among the questions of questions.jsonl (what `--half` splits on). */
  position: number;
}

export type CorpusDoc = z.infer<typeof corpusSchema>;

export interface Dataset {
  dir: string;
  /** The documents of corpus.jsonl (none when the folder has only knowledge.jsonl). */
  corpus: CorpusDoc[];
  /** knowledge.jsonl, when the folder has one: xiaoxin items, imported as `xiaoxin import` would. */
  knowledgeFile?: string;
  questions: LabelledQuestion[];
}

/** The question as asked last: the one whose answer is graded. */
export const lastTurn = (q: Pick<LabelledQuestion, 'turns'>): string => q.turns[q.turns.length - 1]!;

export function readDataset(dir: string): Dataset {
  const corpusFile = join(dir, 'corpus.jsonl');
  const knowledgeFile = join(dir, 'knowledge.jsonl');
  const questionsFile = join(dir, 'questions.jsonl');
  const hasCorpus = existsSync(corpusFile);
  const hasKnowledge = existsSync(knowledgeFile);
  if (!hasCorpus && !hasKnowledge) {
    throw new Error(`xiaoxin eval: ${dir} has neither corpus.jsonl nor knowledge.jsonl (a dataset folder holds its knowledge in one or both)`);
  }
  if (!existsSync(questionsFile)) throw new Error(`xiaoxin eval: ${questionsFile} not found (a dataset folder holds its questions in questions.jsonl)`);
  return {
    dir,
    corpus: hasCorpus ? readJsonl(corpusFile, corpusSchema).map(({ value }) => value) : [],
    ...(hasKnowledge ? { knowledgeFile } : {}),
    questions: readJsonl(questionsFile, questionSchema).map(({ value }, i) => labelled(value, i + 1)),
  };
}

function labelled(line: QuestionLine, position: number): LabelledQuestion {
  const { question, turns, ...rest } = line;
  return { ...withoutUndefined(rest), id: line.id, answerable: line.answerable, turns: turns ?? [question!], conversation: turns !== undefined, position };
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/** The non-empty lines of a JSON Lines file, each parsed and checked; errors name file:line: field. */
function readJsonl<T>(file: string, schema: z.ZodType<T>): Array<{ value: T; line: number }> {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim())
    .map(([line, n]) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`xiaoxin eval: ${file}:${n}: not valid JSON`);
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = issue.path.length ? `${formatPath(issue.path)}: ` : '';
        throw new Error(`xiaoxin eval: ${file}:${n}: ${field}${issue.message}`);
      }
      return { value: parsed.data, line: n };
    });
}

/** `expect[1]`, `turns[0]`: the path of a field as a person reads it. */
const formatPath = (path: PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');

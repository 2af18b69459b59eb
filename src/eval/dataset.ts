/**
 * @module eval/dataset
 * Reads a labelled dataset folder (`corpus.jsonl` + `questions.jsonl`, see the eval FORMAT.md).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const questionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  doc_id: z.string().min(1),
  answer: z.string(),
});
const corpusSchema = z.object({ id: z.string().min(1), title: z.string().default(''), text: z.string() });

export type LabelledQuestion = z.infer<typeof questionSchema>;
export type CorpusDoc = z.infer<typeof corpusSchema>;

export interface Dataset {
  dir: string;
  corpus: CorpusDoc[];
  questions: LabelledQuestion[];
}

export function readDataset(dir: string): Dataset {
  const corpusFile = join(dir, 'corpus.jsonl');
  const questionsFile = join(dir, 'questions.jsonl');
  for (const f of [corpusFile, questionsFile]) {
    if (!existsSync(f)) throw new Error(`xiaoxin eval: ${f} not found (a dataset folder holds corpus.jsonl and questions.jsonl)`);
  }
  return {
    dir,
    corpus: readJsonl(corpusFile, corpusSchema),
    questions: readJsonl(questionsFile, questionSchema),
  };
}

function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim())
    .map(([line, n]) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`xiaoxin eval: ${file} line ${n}: not valid JSON`);
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`xiaoxin eval: ${file} line ${n}: ${issue.path.join('.')}: ${issue.message}`);
      }
      return parsed.data;
    });
}

/**
 * @module ingestion/json
 * Reads `.json` (one item, an array of items, or `{ "items": [...] }`) and `.jsonl` (one item a
 * line). A malformed line is reported with its number and the other lines still go through.
 */
import { readText } from './decode.js';
import { errorMessage, problemAt, type Candidate, type Reader, type ReadOutcome } from './reader.js';
import { isPlainObject, prepareRecord } from './record.js';
import type { ImportProblem } from './types.js';

export const readJson: Reader = async (file, options) => {
  const text = await readText(file, options);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { candidates: [], problems: [problemAt(file, errorLine(error, text), `malformed JSON: ${errorMessage(error)}`)] };
  }
  const records: Array<[unknown, string | undefined]> = Array.isArray(data)
    ? data.map((r, i) => [r, `[${i}]`])
    : isPlainObject(data) && Array.isArray(data.items)
      ? data.items.map((r: unknown, i: number) => [r, `items[${i}]`])
      : [[data, undefined]];
  const outcome: ReadOutcome = { candidates: [], problems: [] };
  for (const [raw, at] of records) {
    const prepared = prepareRecord(raw, options);
    if (prepared.ok) outcome.candidates.push({ input: prepared.input, at });
    else outcome.problems.push({ file, message: at ? `${at}: ${prepared.message}` : prepared.message });
  }
  return outcome;
};

export const readJsonl: Reader = async (file, options) => {
  const lines = (await readText(file, options)).split(/\r?\n/);
  const candidates: Candidate[] = [];
  const problems: ImportProblem[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      problems.push({ file, line: i + 1, message: `malformed JSON: ${errorMessage(error)}` });
      return;
    }
    const prepared = prepareRecord(raw, options);
    if (prepared.ok) candidates.push({ input: prepared.input, line: i + 1 });
    else problems.push({ file, line: i + 1, message: prepared.message });
  });
  return { candidates, problems };
};

/**
 * The line of a JSON syntax error. V8 says `at position 42` or `(line 3 column 5)` for some
 * errors, and for others only quotes the text around it (`Unexpected token '}', "…" is not
 * valid JSON`), which is then looked up in the file.
 */
function errorLine(error: unknown, text: string): number | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+) column/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return lineAt(text, Number(position[1]));
  const context = /"(?:\.\.\.)?([\s\S]+?)(?:\.\.\.)?" is not valid JSON/.exec(message)?.[1];
  const at = context ? text.indexOf(context) : -1;
  if (at < 0) return undefined;
  const token = /Unexpected token '(.)'/.exec(message)?.[1];
  return lineAt(text, at + Math.max(0, token ? context!.indexOf(token) : 0));
}

const lineAt = (text: string, position: number): number => text.slice(0, position).split('\n').length;

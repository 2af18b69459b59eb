/**
 * One bench measurement in a process of its own (so that its memory is the engine's alone): opens
 * the store the bench filled, builds the assistant (index build time, RSS when ready), asks the
 * questions one at a time (p50/p99, docR1), then publishes one new item and times how long until
 * it answers, while another question is asked every 20 ms (the longest of those answers is the
 * stall a publish causes; the longest event-loop block while the index catches up is reported
 * beside it). Prints one line of JSON.
 * Usage: tsx scripts/bench/in-process.ts <data-dir | postgres-url> <questions.jsonl> <count>
 */
import { readFileSync } from 'node:fs';
import { Assistant } from '../../src/answering/index.js';
import { openStore } from '../../src/storage/index.js';
import { itemBody, validateItem } from '../../src/knowledge/index.js';
import { percentile } from '../../src/eval/metrics.js';
import { benchRelevant } from './knowledge.js';

const [where, questionsFile, countText] = process.argv.slice(2);
if (!where || !questionsFile) throw new Error('usage: in-process.ts <data-dir | postgres-url> <questions.jsonl> [count]');
const questions = readFileSync(questionsFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { question: string; doc_id: string; answer?: string })
  .slice(0, Number(countText ?? 200));

const store = await openStore(where.startsWith('postgres') ? { databaseUrl: where } : { dataDir: where });
const buildStart = performance.now();
const assistant = await Assistant.create(store);
const buildMs = performance.now() - buildStart;
globalThis.gc?.();
const rssMb = process.memoryUsage().rss / 2 ** 20;

// A few questions first: the JIT and the lazily built caches are not what a zone's users wait for.
for (const q of questions.slice(0, 5)) await assistant.respond(q.question);
const times: number[] = [];
let right = 0;
for (const q of questions) {
  const start = performance.now();
  const { retrieved } = await assistant.respond(q.question);
  times.push(performance.now() - start);
  const top = retrieved[0] ? assistant.searchIndex.getItem(retrieved[0]) : undefined;
  if (top && benchRelevant({ id: top.id, text: itemBody(top) }, q.doc_id, q.answer)) right++;
}
times.sort((a, b) => a - b);

const publish = await publishToAnswerable();
await store.close();
console.log(
  JSON.stringify({
    items: assistant.searchIndex.size,
    buildMs: Math.round(buildMs),
    rssMb: Math.round(rssMb),
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    docR1: round(right / questions.length, 4),
    ...publish,
  }),
);

/**
 * Publishes one item as an import would and waits until a question finds it, asking others
 * meanwhile; also the longest the event loop was held while the index caught up (the lateness
 * of a 5-ms timer during `refresh`; the write itself, in PGlite, runs on this thread too and is
 * left out).
 */
async function publishToAnswerable(): Promise<{ publishMs: number; stallMs: number; blockMs: number }> {
  const marker = `基准测试临时事项${Date.now() % 100000}号`;
  const made = validateItem({ id: `bench-publish-${Date.now()}`, kind: 'faq', title: `${marker}在哪里办理`, questions: [`${marker}在哪里办理`], answer: `${marker}在政务服务中心三楼办理。` });
  if (!made.ok) throw new Error("the published item: " + made.errors.join('; '));
  let stallMs = 0;
  let publishing = true;
  const probe = (async () => {
    while (publishing) {
      const start = performance.now();
      await assistant.respond(questions[0]!.question);
      stallMs = Math.max(stallMs, performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const start = performance.now();
  await store.upsertItems([made.item]);
  let blockMs = 0;
  for (;;) {
    blockMs = Math.max(blockMs, await longestBlock(() => assistant.refresh()));
    const { retrieved } = await assistant.respond(`${marker}在哪里办理`);
    if (retrieved[0] === made.item.id) break;
    if (performance.now() - start > 600_000) throw new Error('the published item never became answerable');
  }
  const publishMs = performance.now() - start;
  publishing = false;
  await probe;
  return { publishMs: Math.round(publishMs), stallMs: Math.round(stallMs), blockMs: Math.round(blockMs) };
}

/** The longest the event loop was held while `work` ran: how late a 5-ms timer fired, at worst. */
async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last - 5);
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

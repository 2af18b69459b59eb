/**
 * @module answering/question-focus
 * Which clauses of a question ask something, and which tell the asker's circumstances. In
 * 「我在高新区开了个小奶茶店，办的个体户，现在不想干了。注销在哪个网上办？」 the shop is context: an
 * item that never mentions 奶茶店 may still answer. A word of the asking clauses that the item
 * lacks (公租房到期了能续租吗 → 续租) is what was asked, and its absence means another question.
 */

/** Clause ends: a question is read clause by clause, at commas as well as at full stops. */
const CLAUSE_END = /[，,。．.？?！!；;：:、\n]+/u;
const SENTENCE_END = /[。．.？?！!\n]/u;

/**
 * A clause asks when it holds a question word or a question particle. Written out here rather than
 * read from question-words.txt: that list is for the homophone corrector and lacks the spoken forms
 * (啥, 咋, 不) and the final particles that only mean "?" at the end of a clause.
 */
const ASKING =
  /多少|多久|多长|什么|啥|咋|怎|如何|哪|何时|何处|是否|是不是|能不能|能否|可不可以|可否|要不要|需不需要|有没有|用不用|行不行|算不算|会不会|为什么|为啥|请问|几/u;
const ASKING_END = /(吗|呢|么|嘛|不|没|没有|否)$/u;

/** The asker introducing themselves (我是HR, 我们公司有个…, 我在高新区开了个店): never what is asked. */
const SELF_DESCRIPTION = /^(我|我们|俺|俺们|咱|咱们|本人)(是|在|有|家|老家|公司|单位|厂|这边|那边)/u;

interface Clause {
  text: string;
  asks: boolean;
  sentence: number;
}

/**
 * The clauses of `question` that ask: each one holding a question word, ending in a question
 * particle or followed by a question mark; and, before an asking clause that names no topic
 * (「要带什么材料」, 「是真的吗」), the clauses of its sentence back to one that does — 「想改名字，
 * 要带什么材料」 asks about 改名字 — but never the asker introducing themselves. A question of one
 * clause, or with no asking clause ("我要办居住证"), asks with all of it. `hasTopic` says whether a
 * clause names a topic.
 */
export function askingClauses(question: string, hasTopic: (clause: string) => boolean = () => true): string[] {
  return questionFocus(question, hasTopic).asking;
}

/**
 * A question read once: its asking clauses (as `askingClauses`) and its clauses other than the
 * asker introducing themselves (我是人事, 我们公司有个…).
 */
export function questionFocus(
  question: string,
  hasTopic: (clause: string) => boolean = () => true,
): { asking: string[]; notAboutAsker: string[] } {
  const clauses = readClauses(question);
  const notAboutAsker = clauses.map((c) => c.text).filter((text) => !SELF_DESCRIPTION.test(text));
  if (clauses.length <= 1 || !clauses.some((c) => c.asks)) {
    return { asking: clauses.length ? clauses.map((c) => c.text) : [question], notAboutAsker };
  }
  const asking = new Set<number>();
  clauses.forEach((clause, i) => {
    if (!clause.asks) return;
    asking.add(i);
    if (hasTopic(clause.text)) return;
    for (let j = i - 1; j >= 0 && clauses[j]!.sentence === clause.sentence; j--) {
      if (SELF_DESCRIPTION.test(clauses[j]!.text)) break;
      asking.add(j);
      if (hasTopic(clauses[j]!.text)) break;
    }
  });
  return { asking: clauses.filter((_, i) => asking.has(i)).map((c) => c.text), notAboutAsker };
}

function readClauses(question: string): Clause[] {
  const clauses: Clause[] = [];
  let sentence = 0;
  let start = 0;
  const push = (text: string, end: string): void => {
    const trimmed = text.trim();
    if (trimmed) {
      const asks = ASKING.test(trimmed) || ASKING_END.test(trimmed) || /[?？]/u.test(end);
      clauses.push({ text: trimmed, asks, sentence });
    }
    if (SENTENCE_END.test(end)) sentence++;
  };
  for (const match of question.matchAll(new RegExp(CLAUSE_END.source, 'gu'))) {
    push(question.slice(start, match.index), match[0]);
    start = match.index + match[0].length;
  }
  push(question.slice(start), '');
  return clauses;
}

/**
 * Whether `word` belongs only to the asker's circumstances: the question has clauses that do not
 * ask, and no asking clause holds the word.
 */
export function isContextWord(word: string, asking: readonly string[]): boolean {
  return !asking.some((clause) => clause.includes(word));
}

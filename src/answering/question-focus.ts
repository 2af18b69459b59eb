/**
 * @module answering/question-focus
 * Which clauses of a question ask something, and which tell the asker's circumstances. In
 * 「我在高新区开了个小奶茶店，办的个体户，现在不想干了。注销在哪个网上办？」 the shop is context: an
 * item that never mentions 奶茶店 may still answer. A word of the asking clause that the item
 * lacks (公租房到期了能续租吗 → 续租) is what was asked, and its absence means another question.
 */

/** Clause ends: a question is read clause by clause, at commas as well as at full stops. */
const CLAUSE_END = /[，,。．.？?！!；;：:、\n]+/u;

/**
 * A clause asks when it holds a question word or a question particle. Written out here rather than
 * read from question-words.txt: that list is for the homophone corrector and lacks the spoken forms
 * (啥, 咋, 不) and the final particles that only mean "?" at the end of a clause.
 */
const ASKING =
  /多少|多久|多长|什么|啥|咋|怎|如何|哪|何时|何处|是否|是不是|能不能|能否|可不可以|可否|要不要|需不需要|有没有|用不用|行不行|算不算|会不会|为什么|为啥|请问|几/u;
const ASKING_END = /(吗|呢|么|嘛|不|没|没有|否)$/u;

/**
 * The clauses of `question` that ask something: each clause holding a question word, ending in a
 * question particle or followed by a question mark. A question with no asking clause ("我要办居住证")
 * asks with all of it; so does a question of one clause.
 */
export function askingClauses(question: string): string[] {
  return readClauses(question).asking;
}

/**
 * The sentences (to a full stop or question mark) holding an asking clause: where a bare asking
 * clause (「是真的吗？」「会被怎么罚？」) finds what it asks about.
 */
export function askingSentences(question: string): string[] {
  return readClauses(question).sentences;
}

function readClauses(question: string): { asking: string[]; sentences: string[] } {
  const clauses: string[] = [];
  const asking: string[] = [];
  const sentences: string[] = [];
  let sentence = '';
  let sentenceAsks = false;
  const pattern = new RegExp(CLAUSE_END.source, 'gu');
  let start = 0;
  for (const match of question.matchAll(pattern)) {
    push(question.slice(start, match.index), match[0]);
    start = match.index + match[0].length;
  }
  push(question.slice(start), '。');
  if (clauses.length <= 1 || !asking.length) {
    const whole = clauses.length ? clauses : [question];
    return { asking: whole, sentences: whole };
  }
  return { asking, sentences };

  function push(clause: string, end: string): void {
    const text = clause.trim();
    if (text) {
      clauses.push(text);
      sentence += text;
      if (ASKING.test(text) || ASKING_END.test(text) || /[?？]/u.test(end)) {
        asking.push(text);
        sentenceAsks = true;
      }
    }
    if (/[。．.？?！!\n]/u.test(end)) {
      if (sentenceAsks && sentence) sentences.push(sentence);
      sentence = '';
      sentenceAsks = false;
    }
  }
}

/**
 * Whether `word` belongs only to the asker's circumstances: the question has clauses that do not
 * ask, and no asking clause holds the word.
 */
export function isContextWord(word: string, asking: readonly string[]): boolean {
  return !asking.some((clause) => clause.includes(word));
}

/**
 * @module answering/service-conflicts
 * Two ways a question names a service next to the one an item offers (issue #10): a sibling of its
 * subject (养老保险 where the item is about 医疗保险, 结婚登记 where it is 出生登记), or another act
 * on the same licence (a first application where the item is its renewal). Government services
 * are catalogued exactly so — one item per subject and per act (新办, 延续, 变更, 注销, 补办) — so an
 * item for the neighbour is another service, however many words it shares with the question.
 */

/**
 * Whether a word the item lacks is a sibling of its subject: the item's head holds its last two
 * characters after another modifier (养老|保险 where the head says 医疗|保险, 创业|补贴 where it says
 * 就业|补贴), and the knowledge base's heads name at least two kinds of that thing (`kindsOf`), so
 * the modifier picks one of several (保险, 补贴, 登记), not a wording of the same (应届毕业生 and
 * 高校毕业生 are both just graduates). Words under four characters are too loose for this; `head`
 * is the item's head text, normalised. `named` says whether the word is what is asked: a word of
 * the asking clauses, or one naming a subject of the knowledge base — a word only the asker's
 * circumstances hold (听说有住房补贴, against 安居补贴) may be their name for the item's subject.
 */
export function isSibling(
  missing: string,
  head: string,
  named: (word: string) => boolean,
  kindsOf: (tail: string) => number,
): boolean {
  const chars = [...missing];
  const tail = chars.slice(-2).join('');
  if (chars.length < 4 || !HAN_PAIR.test(tail) || head.includes(missing) || !named(missing)) return false;
  const modifier = chars.slice(-4, -2).join('');
  const other = [...head.matchAll(new RegExp(`(\\p{Script=Han}{2})${tail}`, 'gu'))].some((m) => m[1] !== modifier);
  return other && kindsOf(tail) >= 2;
}

const HAN_PAIR = /^\p{Script=Han}{2}$/u;

/**
 * The acts of the service catalogue, as titles and people name them. Only acts a title names
 * decide: most titles (居住证申领) name the first application without a word for it.
 */
const ACTS: [act: string, pattern: RegExp][] = [
  ['first', /第一次|首次申请|初次申请|新办|首次办理/u],
  ['renewal', /延期|续期|延续|续签/u],
  ['change', /变更/u],
  ['cancellation', /注销/u],
  ['replacement', /补办|补领|补发|遗失|丢失|丢了|掉了/u],
];

/** The acts a text names. */
export function actsIn(text: string): string[] {
  return ACTS.filter(([, pattern]) => pattern.test(text)).map(([act]) => act);
}

/**
 * Whether the question asks for one act and the item's title offers another only: 「第一次申请来华
 * 工作许可」 against 「外国人来华工作许可延期」. A title naming no act (居住证申领) conflicts with none.
 */
export function actsConflict(question: string, title: string): boolean {
  const asked = actsIn(question);
  const offered = actsIn(title);
  return asked.length > 0 && offered.length > 0 && !asked.some((a) => offered.includes(a));
}

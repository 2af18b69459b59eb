/**
 * @module answering/service-conflicts
 * Two ways a question names a service next to the one an item offers (issue #10): a sibling of its
 * subject (养老保险 where the item is about 医疗保险, 结婚登记 where it is 出生登记), or another act
 * on the same licence (a first application where the item is its renewal). Government services
 * are catalogued exactly so — one item per subject and per act (新办, 延续, 变更, 注销, 补办) — so an
 * item for the neighbour is another service, however many words it shares with the question.
 */

/**
 * Whether a word the item lacks is a sibling of its subject: it names a subject of the knowledge
 * base (some item's head holds it), and the item's head holds its last two characters after
 * another modifier (养老|保险 where the head says 医疗|保险). Words under four characters are too
 * loose for this; `head` is the item's head text, normalised.
 */
export function isSibling(missing: string, head: string, namesAnItem: (word: string) => boolean): boolean {
  const chars = [...missing];
  if (chars.length < 4 || head.includes(missing) || !namesAnItem(missing)) return false;
  const tail = chars.slice(-2).join('');
  const modifier = chars.slice(-4, -2).join('');
  for (const match of head.matchAll(new RegExp(`(\\p{Script=Han}{2})${tail}`, 'gu'))) {
    if (match[1] !== modifier) return true;
  }
  return false;
}

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

/**
 * @module search/quoted-names
 * Names a question puts in quotation marks or title marks: 《请您监督》专栏, “两条线”, the title of a
 * notice. Quoting says "this very name": an item that holds it verbatim is about the thing
 * named, while one holding its words scattered (改善…医务人员…若干措施 in another notice's title)
 * only shares vocabulary with it. Bag-of-words signals cannot tell the two apart.
 */

/** 《…》, 〈…〉, “…”, 「…」, 『…』 and ASCII "…" (full-width ＂ is ASCII after NFKC). */
const QUOTED = /《([^《》]+)》|〈([^〈〉]+)〉|“([^“”]+)”|「([^「」]+)」|『([^『』]+)』|"([^"]+)"/gu;

/** Whitespace is not part of a name: "“ 日报告 ”" quotes 日报告. */
const compact = (text: string): string => text.replace(/\s+/gu, '');

/** The names quoted in a (normalised) question, of at least two characters, each once. */
export function quotedNames(question: string): string[] {
  const names = new Set<string>();
  for (const match of question.matchAll(QUOTED)) {
    const name = compact(match.slice(1).find((group) => group !== undefined) ?? '');
    if ([...name].length >= 2) names.add(name);
  }
  return [...names];
}

/** Share of the names that the item's (normalised) text holds verbatim, whitespace aside; 0 for none. */
export function quotedShare(names: readonly string[], itemText: string): number {
  if (!names.length) return 0;
  const text = compact(itemText);
  return names.filter((name) => text.includes(name)).length / names.length;
}

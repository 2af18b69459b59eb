/**
 * @module enterprise/industry
 * Industry codes of GB/T 4754-2017 (国民经济行业分类): a section letter (门类, A–T) followed by a
 * 2-digit division (大类), 3-digit group (中类) or 4-digit class (小类), e.g. I6513, C3911.
 * Enterprises often write the digits alone (“6513”); divisions are unique across sections, so the
 * letter is restored from the division.
 */

/** First division of each section, in order (GB/T 4754-2017). */
const SECTION_STARTS: ReadonlyArray<readonly [string, number]> = [
  ['A', 1], ['B', 6], ['C', 13], ['D', 44], ['E', 47], ['F', 51], ['G', 53], ['H', 61], ['I', 63], ['J', 66],
  ['K', 70], ['L', 71], ['M', 73], ['N', 76], ['O', 80], ['P', 83], ['Q', 84], ['R', 86], ['S', 91], ['T', 97],
];

export function sectionOfDivision(division: number): string | undefined {
  if (!Number.isInteger(division) || division < 1 || division > 97) return undefined;
  let section: string | undefined;
  for (const [letter, start] of SECTION_STARTS) if (division >= start) section = letter;
  return section;
}

export interface IndustryCode {
  /** 门类 letter, A–T */
  section: string;
  /** 大类, two digits, when given */
  division?: string;
  /** The code as normalised: letter + digits */
  code: string;
}

/** Reads “I6513”, “i 6513”, “6513”, “I65” or “C”; undefined when it is not such a code. */
export function parseIndustryCode(input: string): IndustryCode | undefined {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const match = /^([A-T])?(\d{2,4})?$/.exec(compact);
  if (!match || (!match[1] && !match[2])) return undefined;
  const digits = match[2];
  if (digits === undefined) return { section: match[1]!, code: match[1]! };
  const division = digits.slice(0, 2);
  const section = sectionOfDivision(Number(division));
  if (!section || (match[1] && match[1] !== section)) return undefined;
  return { section, division, code: section + digits };
}

/**
 * @module search/minisearch-fields
 * MiniSearch indexes strings; our terms come out of the Chinese pipeline already analysed. We hand
 * them over joined by a separator that no term contains and split them back in `tokenize`.
 */
import MiniSearch, { type Options } from 'minisearch';

export const SEP = '\u0001';

export type AnalysedDoc = { id: string } & Record<string, string>;

export function termsField(terms: string[]): string {
  return terms.join(SEP);
}

export function createAnalysedIndex(fields: string[]): MiniSearch<AnalysedDoc> {
  const options: Options<AnalysedDoc> = {
    fields,
    idField: 'id',
    tokenize: (text) => (text ? text.split(SEP) : []),
    processTerm: (term) => term || null,
    // Postings are packed (search/packed-postings) and documents taken out by search/packed-index,
    // which drops their postings when it packs again: MiniSearch's vacuum would read packed terms.
    // An item taken out is removed by its documents made again from its text (search/item-analysis).
    // Should a dictionary word added since segment it otherwise, the terms it no longer yields stay
    // behind as postings of a removed document, which the first stage skips (search/or-scorer).
    autoVacuum: false,
    logger: (level, message, code) => {
      if (code !== 'version_conflict') console[level](message);
    },
  };
  return new MiniSearch<AnalysedDoc>(options);
}

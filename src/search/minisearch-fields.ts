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
  };
  return new MiniSearch<AnalysedDoc>(options);
}

/**
 * @module search/fields
 * What of an item is its "head" (the words people name it by) for ranking: titles, FAQ
 * questions, guide names, document numbers.
 */
import type { Item } from '../knowledge/index.js';

export function headText(item: Item): string {
  switch (item.kind) {
    case 'faq':
      return [item.title, ...item.similarQuestions].join('\n');
    case 'guide':
      return [item.title, item.category, ...item.tags].filter(Boolean).join('\n');
    case 'policy':
      return [item.title, item.docNumber, item.issuer, ...item.tags].filter(Boolean).join('\n');
    case 'article':
      return [item.title, ...item.tags].join('\n');
  }
}

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
      return [item.title, ...titleLeavesOut(item.title, [item.docNumber, item.issuer]), ...item.tags].filter(Boolean).join('\n');
    case 'article':
      return [item.title, ...item.tags].join('\n');
  }
}

/**
 * The names the title does not already hold. Most notices' titles open with their issuer
 * (国家税务总局关于…); said again beside the title, the issuer's words would count twice in the
 * head and lift every notice of a busy issuer above the article that answers.
 */
function titleLeavesOut(title: string, names: (string | undefined)[]): string[] {
  return names.filter((name): name is string => !!name && !title.includes(name));
}

/**
 * @module knowledge/storable-text
 * Text PostgreSQL refuses to store, found before it reaches the database: a NUL character
 * (U+0000) is refused by `text` columns and, as the escape `\u0000`, by `jsonb`; a lone UTF-16
 * surrogate is refused by `jsonb` (JSON.stringify writes it as `\ud800`) and silently turned into
 * U+FFFD by the drivers for `text`. Both turn up in text extracted from PDFs and in spreadsheets.
 * Every other character a JavaScript string can hold is valid UTF-8 and stored as it is.
 */

/**
 * One problem per string field of `value` (walked through arrays and objects) that cannot be
 * stored, e.g. `answer: contains a NUL character (U+0000) at position 12`. Positions count
 * characters (code points) from 1, as an editor shows them.
 */
export function unstorableText(value: unknown, path = ''): string[] {
  if (typeof value === 'string') {
    const problem = firstUnstorable(value);
    return problem ? [`${path || 'value'}: ${problem}`] : [];
  }
  if (Array.isArray(value)) return value.flatMap((element, index) => unstorableText(element, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, element]) => unstorableText(element, path ? `${path}.${key}` : key));
  }
  return [];
}

const UNSTORABLE = /\u0000|\p{Surrogate}/u;

/** What is wrong with the first unstorable character of `text`, or undefined. */
export function firstUnstorable(text: string): string | undefined {
  // A quick test first: almost every string is fine. With the u flag, \p{Surrogate} matches only
  // surrogates that are not part of a pair.
  if (!UNSTORABLE.test(text)) return undefined;
  let position = 0;
  // Iterating a string yields code points; a lone surrogate comes out as a single code unit.
  for (const char of text) {
    position += 1;
    if (char === '\u0000') return `contains a NUL character (U+0000) at position ${position}`;
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      const hex = code.toString(16).toUpperCase();
      return `contains a broken character (a lone UTF-16 surrogate, U+${hex}) at position ${position}`;
    }
  }
  return undefined;
}

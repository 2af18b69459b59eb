/**
 * @module language/redact-documents
 * The redaction rules for travel document numbers (used by `language/redact`): Chinese passports
 * and the permits between the mainland, Hong Kong, Macao and Taiwan, by their published formats,
 * and any document number written after the document's name (a foreign passport too).
 */

export const DOCUMENT_PLACEHOLDERS = {
  passport: '[护照号]',
  permit: '[通行证号]',
} as const;

const B = '(?<![0-9A-Za-z])';
const E = '(?![0-9A-Za-z])';

/** What a number after a document's name looks like: letters and digits, at least one digit. */
const NUMBER_AFTER_NAME = '(?=[A-Za-z]*\\d)[A-Za-z0-9]{6,12}(?:[(（][A-Za-z][)）])?';
/** 号 / 号码 / 是 / ：, spaces, between a document's name and its number. */
const NAME_GAP = '(?:号码|号)?\\s*(?:是|为)?\\s*[:：]?\\s*';

export const DOCUMENT_RULES: ReadonlyArray<readonly [RegExp, string | ((match: string, ...groups: string[]) => string)]> = [
  // Any number written after the document's name, whatever the issuing country or form.
  [new RegExp(`(护照${NAME_GAP})${NUMBER_AFTER_NAME}${E}`, 'g'), (_m, name) => `${name}${DOCUMENT_PLACEHOLDERS.passport}`],
  [
    new RegExp(`((?:通行证|回乡证|台胞证|旅行证|签证)${NAME_GAP})${NUMBER_AFTER_NAME}${E}`, 'g'),
    (_m, name) => `${name}${DOCUMENT_PLACEHOLDERS.permit}`,
  ],
  // Chinese passports: E + 8 digits, or E + a letter (not I, O) + 7 digits once the E series ran
  // out (2017); G + 8 digits (before 2012); diplomatic D, service S, official-ordinary P (also
  // DE, SE, PE) + 7–8 digits.
  [new RegExp(`${B}(?:[EG]\\d{8}|E[A-HJ-NP-Z]\\d{7}|[DSP]E?\\d{7,8})${E}`, 'gi'), DOCUMENT_PLACEHOLDERS.passport],
  // 往来港澳通行证 C + 8 digits (or C + a letter + 7), the old booklet W + 8; 大陆居民往来台湾通行证
  // L or T + 8; 港澳居民来往内地通行证 (回乡证) H (Hong Kong) or M (Macao) + 8 digits, + 2 more
  // counting the renewals on the card of 1999–2012 (公安部, 2010).
  [new RegExp(`${B}(?:C[A-Z0-9]\\d{7}|[WLT]\\d{8}|[HM]\\d{8}(?:\\d{2})?)${E}`, 'gi'), DOCUMENT_PLACEHOLDERS.permit],
];

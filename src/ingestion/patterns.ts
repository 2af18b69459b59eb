/**
 * @module ingestion/patterns
 * Line shapes of Chinese official and news documents, shared by the cleaner and the detectors.
 */

/** The kinds of document a title ends with (…的通知, …管理办法（试行）). */
export const TITLE_SUFFIX =
  /(?:通知|通告|公告|办法|意见|规定|细则|决定|方案|措施|条例|规则|指引|批复|决议|通报|公报)(?:（[^）]{1,8}）|\([^)]{1,8}\))?$/;

/**
 * A 文号 such as `国办发〔2024〕12号`, `〔2020〕3号`, OCR'd brackets `[2020]`, or the
 * announcement form `财政部 税务总局公告2020年第8号` (joint issuers separated by a space).
 */
export const DOC_NUMBER =
  /[\p{Script=Han}A-Za-z]{0,12}\s?[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号|(?:\p{Script=Han}+ )*\p{Script=Han}{0,16}公告\s*(?:19|20)\d{2}\s*年\s*第\s*\d{1,4}\s*号/u;

/** One date as written in Chinese documents; see dates.ts for turning it into `YYYY-MM-DD`. */
export const DATE_SOURCE =
  '(?:\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|(?<!\\d)\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?!\\d)|[〇○零一二三四五六七八九]{4}\\s*年\\s*[一二三四五六七八九十]{1,3}\\s*月\\s*[一二三四五六七八九十]{1,3}\\s*日)';

/** A line that is a date and nothing else (the 成文日期 under a signature, a dateline). */
export const DATE_LINE = new RegExp(`^[（(]?${DATE_SOURCE}[）)]?$`, 'u');

/** Numbered headings and list items that always start a new paragraph. */
export const ENUMERATED =
  /^(?:[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十\d]{1,3}[）)]|第[一二三四五六七八九十百零\d]{1,4}[章节条款部编]|\d{1,2}[、）)]|\d{1,2}[.．](?!\d))/;

/** Newspaper bylines and dateline markers that open a paragraph (`◎本报记者`, `新华社北京3月5日电`). */
export const BYLINE_START =
  /^(?:◎|本报讯|本报记者|本报通讯员|新华社|[^，。,\s]{0,8}日报讯|[^，。,\s]{0,8}日报[（(]|图为|附件[：:\d一二三四五六七八九十]|（?(?:来源|作者|编辑|责任编辑|发布时间|发布日期)[：:])/;

/** Photo credits and page numbers: print furniture with no content. */
export const FURNITURE = [
  /^\d{1,4}$/,
  /^[-－—–~～]\s*\d{1,4}\s*[-－—–~～]$/,
  /^(?:共\s*\d+\s*页\s*[,，]?\s*)?第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^page\s*\d+(?:\s*(?:of|\/)\s*\d+)?$/i,
  /^--\s*\d+\s*of\s*\d+\s*--$/,
  /^[^，。,\s]{0,12}(?:供图|[/／]摄)$/,
];

/**
 * @module language/redact-address
 * The redaction rules for street addresses (used by `language/redact`): the house number and
 * everything finer (building, unit, floor, room) become `[地址]`; the road, estate or village name
 * before it stays. A road or an estate is shared by thousands and tells the insights where
 * people's questions come from; the number is what leads to one household.
 *
 * Public offices are not told apart from homes: 「创业大道88号的政务中心几点开门」 is stored as
 * 「创业大道[地址]的政务中心几点开门」. Nothing in the text says which kind of address it is, the
 * question still reads the same, and an address wrongly kept costs far more than one wrongly hidden.
 */

export const ADDRESS_PLACEHOLDER = '[地址]';

/** One finer part after a house number: 5栋, 2单元, 3层, 301室, 12号楼, 2号院. */
const PART = '\\d+[A-Za-z]?\\s*(?:号楼|号院|栋|幢|座|单元|楼|层|室|号|户|组)';
/** The finer parts, and a bare room number at the end (…2单元301). */
const FINER = `(?:\\s*[-－]?\\s*${PART})*(?:\\s*[-－]?\\s*\\d{3,4}(?![\\d年月日元万]))?`;
/** Numbered things on a road that are no one's home: a counter, a metro line, a document. */
const NOT_A_HOME = '(?!\\s*(?:窗口|窗|线|文|令|柜台|台|通道|口|站))';

const ROAD = '(?<=\\p{Script=Han}(?:路|街|巷|弄|胡同|大道))';
const ESTATE = '(?<=\\p{Script=Han}(?:小区|花园|公寓|家园|新村|社区|大厦|广场|苑|园|府|城|村|庄|里))';

export const ADDRESS_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // 创业路123号, 创业大道88号5栋2单元301室, 淮海路100弄5号.
  [new RegExp(`${ROAD}\\s*\\d+(?:[-之]\\d+)?\\s*(?:号|弄)${NOT_A_HOME}${FINER}`, 'gu'), ADDRESS_PLACEHOLDER],
  // 阳光小区3栋, 星河花园12号楼2单元, 李家村3组.
  [new RegExp(`${ESTATE}\\s*\\d+[A-Za-z]?\\s*(?:号楼|栋|幢|座|单元|组)${FINER}`, 'gu'), ADDRESS_PLACEHOLDER],
  // With no name before it, only a building with a unit or room is someone's home: 5栋2单元301室.
  [
    new RegExp(`(?<![0-9A-Za-z])\\d+[A-Za-z]?\\s*(?:号楼|栋|幢)\\s*[-－]?\\s*\\d+\\s*(?:单元|室|层|楼|号)${FINER}`, 'gu'),
    ADDRESS_PLACEHOLDER,
  ],
  [new RegExp(`(?<![0-9A-Za-z])\\d+\\s*单元\\s*[-－]?\\s*\\d+\\s*(?:室|号)?${FINER}`, 'gu'), ADDRESS_PLACEHOLDER],
];

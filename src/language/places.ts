/**
 * @module language/places
 * Which words of a text are places. jieba tags place names (`ns`), but its dictionary also tags
 * 海关, 东西, 上岗 and 之日起 so; and a place decides a lot in ranking (a question about 北京 is
 * answered from 北京's documents or national ones). So a tagged word counts as a place only when
 * it is, or begins with, one of China's administrative divisions (provinces, cities, districts
 * and counties, from the `china-area-data` package, GB/T 2260).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Administrative suffixes, longest first: 广西壮族自治区 → 广西, 浦东新区 → 浦东, 北京市 → 北京. */
const SUFFIX =
  /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|新区|地区|林区|矿区|省|市|区|县|盟|旗|镇|乡)$/;
/** In autonomous prefectures and counties the name comes before the peoples: 恩施土家族苗族 → 恩施. */
const PEOPLES = /^(.{2,}?)(?:[^族]{1,3}族)+$/u;

/** The short form of a place name that people and documents use: 内蒙古自治区 → 内蒙古. */
export function shortPlaceName(name: string): string {
  const bare = name.replace(SUFFIX, '');
  const short = PEOPLES.exec(bare)?.[1] ?? bare;
  return short.length >= 2 ? short : name;
}

let divisions: Set<string> | undefined;

/** Short names of every province, city, district and county (loaded once, about 3,500 names). */
function divisionNames(): Set<string> {
  if (!divisions) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('china-area-data/data.json');
    const byParent = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
    divisions = new Set();
    for (const children of Object.values(byParent)) {
      for (const name of Object.values(children)) {
        // "市辖区" and "县" are placeholders of the code table, not places.
        if (name.length < 2 || name === '市辖区') continue;
        divisions.add(shortPlaceName(name));
      }
    }
  }
  return divisions;
}

/**
 * The place a word tagged `ns` names, in short form, and how many of its characters name it
 * (北京市 → 北京, all 3; 上海海关 → 上海, the first 2); undefined when it names no division.
 */
export function placeIn(word: string): { name: string; length: number } | undefined {
  const names = divisionNames();
  const whole = shortPlaceName(word);
  if (names.has(whole)) return { name: whole, length: word.length };
  for (let end = word.length - 1; end >= 2; end--) {
    const head = word.slice(0, end);
    const short = shortPlaceName(head);
    if (names.has(short)) return { name: short, length: end };
  }
  return undefined;
}

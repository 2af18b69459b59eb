/**
 * @module speech/pinyin
 * Read-aloud text → tone-numbered pinyin for espeak-ng's `cmn-latn-pinyin` voice (its plain `cmn`
 * voice would read the tone digits out in English). The whole sentence goes to pinyin-pro at once
 * with its most-probable segmentation, so that polyphones take their reading from context
 * (银行 yin2 hang2, 重新 chong2 xin1); 一 and 不 change tone as spoken. Punctuation becomes a pause,
 * Latin letters their spoken names, anything else is dropped.
 */
import { pinyin } from 'pinyin-pro';

/** pinyin-pro's maximum-probability segmentation (its `TokenizationAlgorithm.MaxProbability`, a const enum). */
const MAX_PROBABILITY = 2;

const LETTERS: Record<string, string> = {
  a: 'ei1', b: 'bi4', c: 'xi1', d: 'di4', e: 'yi4', f: 'ai2 fu1', g: 'ji4', h: 'ai2 qi1', i: 'ai4', j: 'jie4',
  k: 'kai4', l: 'ai2 luo1', m: 'ai2 mu3', n: 'en1', o: 'ou1', p: 'pi4', q: 'qiu1', r: 'a4', s: 'ai2 si1',
  t: 'ti4', u: 'you1', v: 'wei1', w: 'da2 bu1 liu1', x: 'ai2 ke4 si1', y: 'wai4', z: 'zei4',
};

/** A full stop, question or exclamation mark ends a sentence; the rest is a short pause. */
const LONG_PAUSE = /[。！？!?；;\n]/;
const SHORT_PAUSE = /[，,、：:（）()〔〕［］【】《》“”"'‘’—…·\s]/;

/** Tone-numbered pinyin (neutral tone as 5, ü as v), separated by spaces, pauses as `,` and `.`. */
export function pinyinOf(reading: string): string {
  const syllables = pinyin(reading, {
    toneType: 'num',
    type: 'all',
    v: true,
    segmentit: MAX_PROBABILITY as never,
  });
  const out: string[] = [];
  const pause = (mark: ',' | '.') => {
    const last = out[out.length - 1];
    if (last === undefined) return;
    if (last === ',' && mark === '.') out[out.length - 1] = '.';
    else if (last !== ',' && last !== '.') out.push(mark);
  };
  for (const s of syllables) {
    if (s.isZh) {
      out.push(s.pinyin.replace(/0$/, '5'));
      continue;
    }
    for (const c of s.origin) {
      if (LONG_PAUSE.test(c)) pause('.');
      else if (SHORT_PAUSE.test(c)) pause(',');
      else {
        const letter = LETTERS[c.toLowerCase()];
        if (letter) out.push(letter);
      }
    }
  }
  return out.join(' ').replace(/ ([,.])/g, '$1');
}

/**
 * @module eval/noise
 * Turns a dataset's tidy questions into the forms a service hall really receives, so that
 * `xiaoxin eval --noise …` measures robustness: speech-recognition homophones (a character
 * replaced by another with the same toneless pinyin), traditional characters, and spoken filler.
 */
import * as OpenCC from 'opencc-js';
import { charPinyin } from '../language/index.js';
import { seededRandom } from './seeded-random.js';

export const NOISE_KINDS = ['asr', 'traditional', 'spoken'] as const;
export type NoiseKind = (typeof NOISE_KINDS)[number];

let converter: ((text: string) => string) | undefined;
/** Built on first use, not at start: building OpenCC's cn→tw converter takes ~0.3 s (start-up time). */
const toTraditional = (text: string): string => (converter ??= OpenCC.Converter({ from: 'cn', to: 'tw' }))(text);
const HAN = /\p{Script=Han}/u;

/** Same-sounding characters, the most frequent first, learnt from a body of text. */
export class HomophoneTable {
  private readonly bySound = new Map<string, string[]>();

  constructor(texts: Iterable<string>) {
    const counts = new Map<string, number>();
    for (const text of texts) for (const c of text) if (HAN.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    for (const c of ranked) {
      const sound = charPinyin(c);
      const list = this.bySound.get(sound) ?? [];
      list.push(c);
      this.bySound.set(sound, list);
    }
  }

  /** The most frequent other character that sounds like `c`, if any. */
  alternative(c: string): string | undefined {
    return this.bySound.get(charPinyin(c))?.find((other) => other !== c);
  }
}

const SPOKEN_OPENERS = ['请问一下，', '你好，我想问问，', '麻烦问下，', '那个，', ''];
const SPOKEN_CLOSERS = ['呢？', '啊？', '，谢谢。', '？', '呀'];

/**
 * Applies one kind of noise. `asr` replaces about one Han character in eight (at least one)
 * by a homophone, as a speech recogniser does when it picks the wrong character for a sound.
 */
export function addNoise(question: string, kind: NoiseKind, homophones: HomophoneTable, seed: number): string {
  const rand = seededRandom(seed);
  switch (kind) {
    case 'traditional':
      return toTraditional(question);
    case 'spoken': {
      const core = question.replace(/[？?。！!]+$/, '');
      const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
      return `${pick(SPOKEN_OPENERS)}${core}${pick(SPOKEN_CLOSERS)}`;
    }
    case 'asr': {
      const chars = [...question];
      const positions = chars.flatMap((c, i) => (HAN.test(c) && homophones.alternative(c) ? [i] : []));
      const changes = Math.max(1, Math.round(positions.length / 8));
      for (let k = 0; k < changes && positions.length; k++) {
        const at = positions.splice(Math.floor(rand() * positions.length), 1)[0]!;
        chars[at] = homophones.alternative(chars[at]!)!;
      }
      return chars.join('');
    }
  }
}

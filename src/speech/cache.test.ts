import { describe, expect, it } from 'vitest';
import { AudioCache } from './cache.js';

const audio = (n: number) => ({ contentType: 'audio/wav', bytes: Buffer.alloc(n), engine: 'espeak-ng' });

describe('AudioCache', () => {
  it('drops the least recently used entries beyond its byte budget', () => {
    const cache = new AudioCache(100);
    cache.set('a', audio(40));
    cache.set('b', audio(40));
    expect(cache.get('a')).toBeDefined(); // a is now the most recent
    cache.set('c', audio(40));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.totalBytes).toBe(80);
  });
  it('keeps nothing larger than the whole budget', () => {
    const cache = new AudioCache(10);
    cache.set('big', audio(11));
    expect(cache.size).toBe(0);
  });
});

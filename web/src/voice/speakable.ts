/**
 * @module web/voice/speakable
 * The short version of an answer that is read aloud: lists are counted rather than read, web
 * addresses are left to the screen, and long text stops at a sentence end. The screen keeps the
 * full answer; speech only has to help someone find it.
 */
import type { Answer } from '../types';

const MAX_CHARS = 110;
const ORDINALS = ['一', '二', '三', '四', '五'];
const LIST_ITEM = /^\s*(?:\d+|[一二三四五六七八九十]+)[.、．)）]/;

export function speakable(answer: Answer): string {
  if (answer.type === 'clarify') {
    const prompt = answer.text.split('\n')[0]?.trim() || '您想了解的是哪一项？';
    const choices = (answer.choices ?? []).slice(0, ORDINALS.length);
    const named = choices.map((c, i) => `第${ORDINALS[i]}个，${c.title}`).join('；');
    return named ? `${prompt}${named}。请点选，或者说第几个。` : prompt;
  }
  const text = answer.text
    .replace(/【([^】]*)】/g, '$1，')
    .replace(/https?:\/\/\S+/g, '（网址见屏幕）')
    .trim();
  const lines = text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const items = lines.filter((l) => LIST_ITEM.test(l));
  const spoken =
    items.length >= 3
      ? `${lines.filter((l) => !LIST_ITEM.test(l)).join('')}共${items.length}项，请看屏幕上的清单。`
      : lines.join('');
  return shorten(spoken);
}

function shorten(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  const head = text.slice(0, MAX_CHARS);
  const end = Math.max(head.lastIndexOf('。'), head.lastIndexOf('！'), head.lastIndexOf('？'), head.lastIndexOf('；'));
  const cut = end >= 30 ? head.slice(0, end + 1) : `${head}……`;
  return `${cut}详细内容请看屏幕。`;
}

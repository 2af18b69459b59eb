/**
 * @module web/composables/useConversation
 * The conversation on screen: the turns, the server's session id (kept in memory only), sending
 * a question and starting over. An unknown session (404) starts a new one transparently.
 */
import { computed, ref, shallowRef } from 'vue';
import { ApiError, api } from '../api';
import type { Answer, Channel } from '../types';
import { modes } from './modes';

export interface Turn {
  /** Local key for rendering. */
  key: number;
  question: string;
  status: 'pending' | 'done' | 'error';
  answer?: Answer;
  turnId?: string;
  error?: string;
  /** The visitor's verdict, once given. */
  helpful?: boolean;
}

// Read at each question: the configuration may turn the kiosk mode on after the page opened.
const channelNow = (): Channel => (modes.kiosk ? 'kiosk' : modes.embed ? 'widget' : 'web');

export const turns = ref<Turn[]>([]);
/** The last answered turn, for the live region and for speech. */
export const lastAnswered = shallowRef<Turn | null>(null);
export const pending = computed(() => turns.value.some((t) => t.status === 'pending'));

let sessionId: string | undefined;
let nextKey = 1;
/** Bumped by `reset`, so that a reply to a conversation already cleared is dropped. */
let generation = 0;
let inFlight: AbortController | undefined;

export async function ask(message: string): Promise<void> {
  const question = message.trim();
  if (!question || pending.value) return;
  const mine = generation;
  turns.value.push({ key: nextKey++, question, status: 'pending' });
  // Vue wraps the pushed object; update through the reactive copy.
  const turn = turns.value[turns.value.length - 1]!;
  inFlight = new AbortController();
  try {
    let reply;
    try {
      reply = await api.chat(question, sessionId, channelNow(), inFlight.signal);
    } catch (e) {
      // The server forgot the conversation (restarted with another store, idle for a day).
      if (!(e instanceof ApiError && e.status === 404 && sessionId)) throw e;
      sessionId = undefined;
      reply = await api.chat(question, undefined, channelNow(), inFlight.signal);
    }
    if (mine !== generation) return;
    sessionId = reply.sessionId;
    turn.answer = reply.answer;
    turn.turnId = reply.turnId;
    turn.status = 'done';
    lastAnswered.value = turn;
  } catch (e) {
    if (mine !== generation) return;
    turn.status = 'error';
    turn.error =
      e instanceof ApiError && e.status === 429
        ? '提问太频繁了，请稍等片刻再问。'
        : e instanceof ApiError && e.status === 400
          ? `问题无法提交：${e.message}`
          : '暂时无法连接服务，请稍后再试，或拨打服务热线。';
  } finally {
    if (mine === generation) inFlight = undefined;
  }
}

export async function giveFeedback(turn: Turn, helpful: boolean): Promise<boolean> {
  if (!turn.turnId) return false;
  const before = turn.helpful;
  turn.helpful = helpful;
  try {
    await api.feedback(turn.turnId, helpful);
    return true;
  } catch {
    turn.helpful = before;
    return false;
  }
}

/** Forgets the conversation: turns, session and any reply still on its way. */
export function resetConversation(): void {
  generation++;
  inFlight?.abort();
  inFlight = undefined;
  sessionId = undefined;
  turns.value = [];
  lastAnswered.value = null;
}

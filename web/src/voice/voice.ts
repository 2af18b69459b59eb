/**
 * @module web/voice/voice
 * Which voice and which ears the app uses, decided by what the server offers (GET /api/config):
 * the server's voice when it has one, else the browser's speechSynthesis; the server's
 * transcription when configured, else the browser's recogniser where it exists; else no
 * microphone at all. The choice is made at each use, so it follows the configuration once loaded.
 */
import { computed } from 'vue';
import { config } from '../composables/useConfig';
import { createRecognizer } from './recognition';
import { createServerRecognizer } from './server-recognition';
import { createServerSpeaker } from './server-speech';
import { createSpeaker } from './synthesis';

export function createVoice(onHeard: (text: string) => void) {
  const browserSpeaker = createSpeaker();
  const serverSpeaker = createServerSpeaker();
  const browserEars = createRecognizer(onHeard);
  const serverEars = createServerRecognizer(onHeard);

  const serverVoice = computed(() => config.speech?.output.available === true);
  const serverHearing = computed(() => config.speech?.input.available === true && serverEars.supported);

  const speaker = {
    supported: computed(() => serverVoice.value || browserSpeaker.supported),
    speaking: computed(() => serverSpeaker.speaking.value || browserSpeaker.speaking.value),
    /** Loudness 0–1 while the server's audio plays; undefined while the browser speaks (no audio to measure). */
    level: computed(() => (serverSpeaker.speaking.value ? serverSpeaker.level.value : undefined)),
    /** Why 语音播报 cannot work here, when it cannot. */
    unavailableReason: computed(() => {
      if (serverVoice.value || browserSpeaker.supported) return '';
      const reason = config.speech?.output.reason;
      return reason ? `服务器语音不可用（${reason}），此浏览器也没有中文语音` : '服务器未开启语音播报，此浏览器也不支持语音播报';
    }),
    speak(text: string, rate: number): void {
      if (serverVoice.value) void serverSpeaker.speak(text, rate);
      else browserSpeaker.speak(text, rate);
    },
    cancel(): void {
      serverSpeaker.cancel();
      browserSpeaker.cancel();
    },
  };

  const ears = () => (serverHearing.value ? serverEars : browserEars);
  const recognizer = {
    supported: computed(() => serverHearing.value || browserEars.supported),
    listening: computed(() => serverEars.listening.value || browserEars.listening.value),
    interim: computed(() => serverEars.interim.value || browserEars.interim.value),
    error: computed({
      get: () => serverEars.error.value || browserEars.error.value,
      set: (v: string) => {
        serverEars.error.value = v;
        browserEars.error.value = v;
      },
    }),
    start: () => ears().start(),
    stop: () => ears().stop(),
    abort: () => {
      serverEars.abort();
      browserEars.abort();
    },
  };

  return { speaker, recognizer };
}

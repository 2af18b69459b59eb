/**
 * Stand-ins for the Web Speech API, installed before the app loads (`addInitScript`): headless
 * Chromium has no microphone and no voices. The test drives them from outside:
 * `window.__fakeSpeech.say(text)` makes the recogniser hear `text`; `window.__spoken` records
 * every utterance and `window.__finishSpeaking()` ends the one being spoken.
 */

declare global {
  interface Window {
    __fakeSpeech: { started: number; say(text: string): void; partial(text: string): void };
    __spoken: { text: string; lang: string; rate: number }[];
    __finishSpeaking(): void;
  }
}

/** A SpeechRecognition that hears whatever the test says. */
export function installFakeRecognition(): void {
  type Handler = ((event: unknown) => void) | null;
  let active: FakeRecognition | null = null;
  class FakeRecognition {
    lang = '';
    interimResults = false;
    continuous = false;
    maxAlternatives = 1;
    onresult: Handler = null;
    onerror: Handler = null;
    onend: Handler = null;
    onstart: Handler = null;
    start(): void {
      active = this;
      window.__fakeSpeech.started++;
      setTimeout(() => this.onstart?.({ type: 'start' }), 0);
    }
    stop(): void {
      this.end();
    }
    abort(): void {
      this.end();
    }
    end(): void {
      if (active !== this) return;
      active = null;
      setTimeout(() => this.onend?.({ type: 'end' }), 0);
    }
    emit(text: string, isFinal: boolean): void {
      const result = Object.assign([{ transcript: text, confidence: 0.92 }], { isFinal });
      this.onresult?.({ type: 'result', resultIndex: 0, results: [result] });
    }
  }
  window.__fakeSpeech = {
    started: 0,
    partial(text: string) {
      active?.emit(text, false);
    },
    say(text: string) {
      const rec = active;
      if (!rec) throw new Error('fake speech: the microphone is not on');
      rec.emit(text, true);
      rec.end();
    },
  };
  Object.defineProperty(window, 'SpeechRecognition', { value: FakeRecognition, configurable: true, writable: true });
  Object.defineProperty(window, 'webkitSpeechRecognition', { value: FakeRecognition, configurable: true, writable: true });
}

/** A speechSynthesis that records what it is asked to say and "speaks" until told to stop. */
export function installSpeechSpy(): void {
  type Handler = ((event: unknown) => void) | null;
  class FakeUtterance {
    text: string;
    lang = '';
    rate = 1;
    pitch = 1;
    volume = 1;
    voice: unknown = null;
    onstart: Handler = null;
    onend: Handler = null;
    onerror: Handler = null;
    onboundary: Handler = null;
    constructor(text = '') {
      this.text = text;
    }
  }
  let current: FakeUtterance | null = null;
  window.__spoken = [];
  const voice = { name: '测试中文语音', lang: 'zh-CN', localService: true, default: true, voiceURI: 'test-zh' };
  const synth = {
    get speaking() {
      return current !== null;
    },
    pending: false,
    paused: false,
    onvoiceschanged: null,
    getVoices: () => [voice],
    speak(u: FakeUtterance) {
      window.__spoken.push({ text: u.text, lang: u.lang, rate: u.rate });
      current = u;
      setTimeout(() => {
        u.onstart?.({ type: 'start' });
        u.onboundary?.({ type: 'boundary', charIndex: 0 });
      }, 0);
    },
    cancel() {
      const u = current;
      current = null;
      if (u) setTimeout(() => u.onerror?.({ type: 'error', error: 'interrupted' }), 0);
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  };
  window.__finishSpeaking = () => {
    const u = current;
    current = null;
    u?.onend?.({ type: 'end' });
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true, writable: true });
}

/**
 * @module web/voice/recognition
 * Speech input through the browser's own recogniser (`SpeechRecognition`, prefixed
 * `webkitSpeechRecognition` in Chromium). One utterance at a time, zh-CN, interim results shown;
 * the final result is handed over once.
 */
import { readonly, ref } from 'vue';

/** The part of the Web Speech API used here (TypeScript's DOM library does not declare it). */
interface RecognitionAlternative {
  transcript: string;
}
interface RecognitionResult {
  readonly isFinal: boolean;
  readonly length: number;
  [index: number]: RecognitionAlternative | undefined;
}
interface RecognitionEvent {
  readonly resultIndex: number;
  readonly results: { readonly length: number; [index: number]: RecognitionResult | undefined };
}
interface RecognitionErrorEvent {
  readonly error: string;
}
interface Recognition {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  maxAlternatives: number;
  onresult: ((event: RecognitionEvent) => void) | null;
  onerror: ((event: RecognitionErrorEvent) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}
type RecognitionConstructor = new () => Recognition;

function recognitionConstructor(): RecognitionConstructor | undefined {
  const w = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

const ERRORS: Record<string, string> = {
  'not-allowed': '没有麦克风权限。请在浏览器中允许使用麦克风，或直接打字提问。',
  'service-not-allowed': '此浏览器不允许语音识别，请直接打字提问。',
  'no-speech': '没有听到声音，请靠近一些再说一次。',
  'audio-capture': '没有找到麦克风，请检查设备，或直接打字提问。',
  network: '语音识别服务暂时不可用，请直接打字提问。',
  'language-not-supported': '此浏览器不支持中文语音识别，请直接打字提问。',
};

export function createRecognizer(onFinal: (text: string) => void) {
  const Ctor = recognitionConstructor();
  const listening = ref(false);
  const interim = ref('');
  const error = ref('');
  let current: Recognition | null = null;

  function finish(rec: Recognition): void {
    if (current !== rec) return;
    current = null;
    listening.value = false;
    interim.value = '';
  }

  function start(): void {
    if (!Ctor || current) return;
    error.value = '';
    interim.value = '';
    const rec = new Ctor();
    rec.lang = 'zh-CN';
    rec.interimResults = true;
    rec.continuous = false;
    rec.maxAlternatives = 1;
    rec.onresult = (event) => {
      if (current !== rec) return;
      let partial = '';
      let final = '';
      for (let i = event.resultIndex; i < event.results.length; i++) {
        const result = event.results[i];
        const text = result?.[0]?.transcript ?? '';
        if (result?.isFinal) final += text;
        else partial += text;
      }
      interim.value = partial;
      if (final.trim()) {
        finish(rec);
        try {
          rec.stop();
        } catch {
          // already stopped
        }
        onFinal(final.trim());
      }
    };
    rec.onerror = (event) => {
      if (current !== rec) return;
      if (event.error !== 'aborted') error.value = ERRORS[event.error] ?? '语音识别出错了，请再试一次或直接打字提问。';
      finish(rec);
    };
    rec.onend = () => finish(rec);
    current = rec;
    listening.value = true;
    try {
      rec.start();
    } catch {
      error.value = '语音识别无法启动，请再试一次或直接打字提问。';
      finish(rec);
    }
  }

  function stop(): void {
    current?.stop();
  }

  /** Drops the current utterance without a result (new visitor, page hidden). */
  function abort(): void {
    const rec = current;
    if (!rec) return;
    finish(rec);
    rec.abort();
  }

  return {
    supported: Ctor !== undefined,
    listening: readonly(listening),
    interim: readonly(interim),
    error,
    start,
    stop,
    abort,
  };
}

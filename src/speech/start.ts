/**
 * @module speech/start
 * Speech as `xiaoxin serve` sets it up from the configuration: the speaker checked (espeak-ng and
 * its voice), the transcriber if a server is configured, and one line each for the operator saying
 * what works and, if not, why.
 */
import { ESPEAK_VOICE } from './espeak.js';
import { Speaker } from './speaker.js';
import { Transcriber } from './transcriber.js';

export interface SpeechSettings {
  /** false: the server does not speak (XIAOXIN_SPEECH_OUT=0). */
  out?: false;
  tts?: { url: string; model: string; voice?: string | undefined; key?: string | undefined };
  asr?: { url: string; model: string; key?: string | undefined };
}

export async function startSpeech(
  settings: SpeechSettings,
  log: (line: string) => void,
  options: { espeakCommand?: string } = {},
): Promise<{ speaker?: Speaker; transcriber?: Transcriber }> {
  const transcriber = startTranscriber(settings, log);
  if (settings.out === false) {
    log("speech out: off (XIAOXIN_SPEECH_OUT=0); the web app uses the browser's own voice where it has one");
    return transcriber ? { transcriber } : {};
  }
  const tts = settings.tts;
  const speaker = new Speaker({
    ...(options.espeakCommand ? { espeak: { command: options.espeakCommand } } : {}),
    ...(tts ? { remote: { url: tts.url, model: tts.model, ...(tts.voice ? { voice: tts.voice } : {}), ...(tts.key ? { key: tts.key } : {}) } } : {}),
    logError: (m) => log(`speech out: ${m}`),
  });
  const status = await speaker.start();
  const espeak = status.reason ? `espeak-ng unavailable: ${status.reason}` : `espeak-ng (${ESPEAK_VOICE})`;
  if (tts) log(`speech out: the voice server ${tts.url} (model ${tts.model}), falling back to ${espeak}`);
  else if (status.available) log(`speech out: ${espeak}`);
  else log(`speech out: off, the web app uses the browser's own voice where it has one — ${espeak}`);
  return { speaker, ...(transcriber ? { transcriber } : {}) };
}

function startTranscriber(settings: SpeechSettings, log: (line: string) => void): Transcriber | undefined {
  const asr = settings.asr;
  if (!asr) {
    log("speech in: off on the server (XIAOXIN_ASR_URL is not set); the browser's own recogniser is used where it works");
    return undefined;
  }
  log(`speech in: the transcription server ${asr.url} (model ${asr.model})`);
  return new Transcriber({ url: asr.url, model: asr.model, ...(asr.key ? { key: asr.key } : {}) });
}

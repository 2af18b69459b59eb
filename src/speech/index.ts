/**
 * @module speech
 * Speech out (answer text → audio, offline with espeak-ng or a zone's voice server) and speech in
 * (a recording → a zone's transcription server → text). Entry point of the folder.
 */
export { readingOf } from './reading.js';
export { pinyinOf } from './pinyin.js';
export { espeakWav, espeakPhonemes, probeEspeak, ESPEAK_VOICE } from './espeak.js';
export { readWav, type WavInfo } from './wav.js';
export { Speaker, SpeakerBusy, SpeechUnavailable, NothingToSay, MAX_SPEECH_CHARS, MIN_RATE, MAX_RATE, type SpeakerOptions, type SpeechStatus } from './speaker.js';
export type { RemoteVoice } from './remote-tts.js';
export type { OpenAiEndpoint } from './endpoint.js';
export { Transcriber, TranscriptionFailed, MAX_RECORDING_BYTES, MAX_RECORDING_SECONDS, MAX_TRANSCRIPT_CHARS } from './transcriber.js';
export { startSpeech, type SpeechSettings } from './start.js';

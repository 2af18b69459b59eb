/**
 * @module speech/features
 * What GET /api/config tells the web app about speech: the one contract the server and the web
 * app share (the web imports these types). No imports, so the browser build takes nothing else.
 */

export interface SpeechStatus {
  /** Whether `POST /api/speech` can speak. */
  available: boolean;
  /** What speaks first: the zone's voice server, or espeak-ng. */
  engine: 'remote' | 'espeak-ng' | 'none';
  /** Why espeak-ng cannot speak (missing program or voice), for the start-up log and the web app. */
  reason?: string;
}

/** Whether the web app can speak and listen through the server. */
export interface SpeechFeatures {
  /** POST /api/speech: espeak-ng, or the zone's voice server (falling back to espeak-ng). */
  output: SpeechStatus;
  /** POST /api/transcribe: a transcription server is configured (XIAOXIN_ASR_URL). */
  input: { available: boolean };
}

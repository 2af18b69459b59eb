/**
 * @module server/context
 * What the route plugins share, built once per server by `buildServer`.
 */
import type { Store } from '../storage/index.js';
import type { KnowledgeCatalog } from './catalog.js';
import type { EngineGate } from './engine.js';
import type { ServerMetrics } from './metrics.js';

/** What GET /api/config tells the web app about this installation. */
export interface PublicSettings {
  zoneName: string;
  hotline: string;
  serviceWindow: string;
  kioskIdleSeconds: number;
  maxMessageChars: number;
}

export interface ServerContext {
  engine: EngineGate;
  store: Store;
  catalog: KnowledgeCatalog;
  metrics: ServerMetrics;
  settings: PublicSettings;
  /** `YYYY-MM-DD`, for policy validity. */
  today: () => string;
  now: () => Date;
  /** How long GET /api/hot reuses its answer. */
  hotCacheMs: number;
  logError: (message: string) => void;
}

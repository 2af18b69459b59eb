/**
 * @module web/composables/modes
 * How the page was opened: `?kiosk=1` (hall kiosk), `?embed=1` (inside the widget's iframe),
 * `?elderly=1` (适老 mode from the start), `?idle=N` (kiosk idle seconds, for tests). The kiosk
 * mode also turns on from the server's configuration (`kiosk` in GET /api/config), so `modes` is
 * reactive: `kiosk` may become true once the configuration has arrived.
 */
import { reactive } from 'vue';

export interface Modes {
  kiosk: boolean;
  embed: boolean;
  /** `?elderly=1` / `?elderly=0`; undefined when the URL does not say. */
  elderly: boolean | undefined;
  /** `?idle=N`: overrides the configured kiosk idle time (seconds). */
  idleSeconds: number | undefined;
}

const on = (v: string | null) => v !== null && v !== '0' && v !== 'false';

export function readModes(search: string): Modes {
  const params = new URLSearchParams(search);
  const idle = Number(params.get('idle'));
  return {
    kiosk: on(params.get('kiosk')),
    embed: on(params.get('embed')),
    elderly: params.has('elderly') ? on(params.get('elderly')) : undefined,
    idleSeconds: params.has('idle') && Number.isFinite(idle) && idle > 0 ? idle : undefined,
  };
}

export const modes: Modes = reactive(readModes(window.location.search));

/**
 * Whether the browser may keep anything at all. On a kiosk the next visitor must find nothing of
 * the last one, so not even settings are written.
 */
export function storageAllowed(): boolean {
  return !modes.kiosk;
}

/** The configuration says this installation is a kiosk (XIAOXIN_KIOSK); the URL cannot turn that off. */
export function applyConfiguredKiosk(kiosk: boolean | undefined): void {
  if (kiosk === true) modes.kiosk = true;
}

/**
 * @module web/composables/useSettings
 * The visitor's display and voice preferences. Nothing personal: the elderly mode, whether answers
 * are spoken and how fast. Kept in localStorage except on a kiosk, where nothing is kept.
 */
import { reactive, watch } from 'vue';
import { modes, storageAllowed } from './modes';

export interface Settings {
  elderly: boolean;
  voiceOut: boolean;
  /** Speech rate, 0.6–1.4 (1 is the voice's normal pace). */
  rate: number;
}

const KEY = 'xiaoxin.settings';

function defaults(): Settings {
  return {
    elderly: modes.elderly ?? false,
    // A widget on someone else's website should not start talking unasked.
    voiceOut: !modes.embed,
    rate: 1,
  };
}

function stored(): Partial<Settings> {
  if (!storageAllowed()) return {};
  try {
    const raw = window.localStorage.getItem(KEY);
    const value: unknown = raw ? JSON.parse(raw) : {};
    if (!value || typeof value !== 'object') return {};
    const v = value as Record<string, unknown>;
    const out: Partial<Settings> = {};
    if (typeof v.elderly === 'boolean') out.elderly = v.elderly;
    if (typeof v.voiceOut === 'boolean') out.voiceOut = v.voiceOut;
    if (typeof v.rate === 'number' && v.rate >= 0.6 && v.rate <= 1.4) out.rate = v.rate;
    return out;
  } catch {
    return {};
  }
}

function initial(): Settings {
  const s = { ...defaults(), ...stored() };
  // The URL wins over what was stored: a link with ?elderly=1 opens in elderly mode.
  if (modes.elderly !== undefined) s.elderly = modes.elderly;
  return s;
}

export const settings = reactive<Settings>(initial());

{
  watch(
    settings,
    (s) => {
      // Checked at each change: the configuration may make this a kiosk after the page opened.
      if (!storageAllowed()) return;
      try {
        window.localStorage.setItem(KEY, JSON.stringify(s));
      } catch {
        // Storage may be blocked (private mode, sandboxed frames); settings then last this visit.
      }
    },
    { deep: true },
  );
}

/** Back to how the page opened (the kiosk does this for each new visitor). */
export function resetSettings(): void {
  Object.assign(settings, defaults());
}

/** Elderly mode speaks more slowly. */
export function effectiveRate(): number {
  return Math.max(0.5, settings.rate * (settings.elderly ? 0.8 : 1));
}

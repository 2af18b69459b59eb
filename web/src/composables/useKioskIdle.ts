/**
 * @module web/composables/useKioskIdle
 * The kiosk's self-reset: after `idleSeconds` without a touch, key or typed character (and while
 * nothing is being said or awaited), a countdown of up to 10 seconds is shown; touching anything
 * continues, otherwise `onReset` clears everything for the next visitor.
 */
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

const COUNTDOWN_SECONDS = 10;
const EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

export interface KioskIdleOptions {
  /** A getter: the kiosk mode may turn on from the configuration after the page opened. */
  enabled: () => boolean;
  idleSeconds: Ref<number>;
  /** Something is going on (listening, thinking, speaking): not idle. */
  busy: Ref<boolean>;
  /** There is something to clear; a fresh home screen is never counted down. */
  dirty: Ref<boolean>;
  onReset: () => void;
}

export function useKioskIdle(options: KioskIdleOptions) {
  /** Seconds left before the reset, while the countdown shows; null otherwise. */
  const countdown = ref<number | null>(null);
  let last = Date.now();
  let timer: ReturnType<typeof setInterval> | undefined;

  // The countdown goes on the next tick, not during the touch itself: the tap that lands on
  // "continue" must find its button still there.
  const activity = () => {
    last = Date.now();
  };

  function tick(): void {
    if (!options.enabled()) return;
    if (!options.dirty.value || options.busy.value) {
      last = Date.now();
      countdown.value = null;
      return;
    }
    const idleMs = options.idleSeconds.value * 1000;
    const span = Math.min(COUNTDOWN_SECONDS, options.idleSeconds.value) * 1000;
    const elapsed = Date.now() - last;
    if (elapsed < idleMs) {
      countdown.value = null;
      return;
    }
    const left = idleMs + span - elapsed;
    if (left <= 0) {
      last = Date.now();
      countdown.value = null;
      options.onReset();
    } else {
      countdown.value = Math.ceil(left / 1000);
    }
  }

  onMounted(() => {
    for (const e of EVENTS) window.addEventListener(e, activity, { capture: true, passive: true });
    timer = setInterval(tick, 200);
  });
  onBeforeUnmount(() => {
    for (const e of EVENTS) window.removeEventListener(e, activity, { capture: true });
    clearInterval(timer);
  });

  return { countdown, activity };
}

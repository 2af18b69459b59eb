/**
 * @module web/composables/useConfig
 * The installation's settings (GET /api/config) and the home screen's topics (GET /api/hot),
 * loaded once. Until they arrive, or when the server is older than docs/API.md, sensible
 * defaults keep the app usable.
 */
import { reactive, ref } from 'vue';
import { api } from '../api';
import type { AppConfig, HotTopics } from '../types';
import { applyConfiguredKiosk } from './modes';

export const config = reactive<AppConfig>({
  zoneName: '高新区政务服务中心',
  hotline: '12345',
  serviceWindow: '政务服务中心综合咨询窗口',
  kioskIdleSeconds: 90,
  maxMessageChars: 500,
});

export const hot = ref<HotTopics | null>(null);
export const hotFailed = ref(false);

let loading: Promise<void> | undefined;

export function loadConfig(): Promise<void> {
  loading ??= Promise.all([
    api
      .config()
      .then((c) => {
        Object.assign(config, c);
        // A missing field (an older server) is no kiosk.
        applyConfiguredKiosk(c.kiosk === true);
        document.title = `小新 · ${c.zoneName}`;
      })
      .catch(() => undefined),
    api
      .hot()
      .then((h) => {
        hot.value = h;
      })
      .catch(() => {
        hotFailed.value = true;
      }),
  ]).then(() => undefined);
  return loading;
}

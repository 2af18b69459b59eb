/**
 * @module web/admin/composables/usePublishRule
 * Four eyes: unless the server allows self-publishing, nobody publishes (or rolls back to) a
 * version they wrote, nor publishes their own import at once. The API enforces it; here it
 * disables the buttons and says why, in the back office's words.
 */
import { ref } from 'vue';
import { adminApi, AdminApiError } from '../api';
import { user } from './useSession';

export const FOUR_EYES_HINT = '需由作者以外的审核人发布';

/** False (four eyes) until the server says otherwise. */
export const allowSelfPublish = ref(false);
let loading: Promise<void> | undefined;

/** Asks the server once per page load; a failure is retried on the next call. */
export function loadPublishRule(): Promise<void> {
  loading ??= adminApi
    .publishRule()
    .then((rule) => {
      allowSelfPublish.value = rule.allowSelfPublish;
    })
    .catch(() => {
      loading = undefined;
    });
  return loading;
}

/** Why the signed-in account may not publish what `author` wrote, or '' when it may. */
export function whyNotPublish(author: string): string {
  return !allowSelfPublish.value && user.value?.name === author ? FOUR_EYES_HINT : '';
}

/** An error of a publishing step as the page shows it: four eyes in Chinese, anything else as the API said. */
export function publishErrorText(e: unknown): string {
  if (e instanceof AdminApiError && e.status === 403 && /four eyes/.test(e.message)) return `${FOUR_EYES_HINT}：作者本人不能发布自己的修改`;
  return e instanceof Error ? e.message : String(e);
}

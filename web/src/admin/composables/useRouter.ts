/**
 * @module web/admin/composables/useRouter
 * A small history router for /admin/…: the path is a ref, links push a new entry, the back
 * button works. Routes are `/admin/<screen>[/<id>]`.
 */
import { computed, ref } from 'vue';

export const BASE = '/admin';

const path = ref(window.location.pathname + window.location.search);
window.addEventListener('popstate', () => {
  path.value = window.location.pathname + window.location.search;
});

export const route = computed(() => {
  const [pathname = '', search = ''] = path.value.split('?');
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  return { screen: parts[0] ?? '', param: parts[1], extra: parts[2], query: new URLSearchParams(search) };
});

export function href(...parts: (string | number)[]): string {
  return [BASE, ...parts.map((p) => encodeURIComponent(String(p)))].join('/');
}

export function navigate(to: string, replace = false): void {
  if (to === path.value) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  path.value = to;
  window.scrollTo(0, 0);
}

/**
 * @module web/admin/composables/useSession
 * The logged-in staff member, and what their role may do. The API enforces every permission;
 * here they only decide what the navigation and the buttons show.
 */
import { computed, ref } from 'vue';
import { adminApi, setCsrfToken, whenUnauthorized } from '../api';
import type { Permission, User } from '../types';

export const user = ref<User | null>(null);
/** True until the first GET /me has answered. */
export const checking = ref(true);

export function can(permission: Permission | 'admin'): boolean {
  const u = user.value;
  if (!u) return false;
  if (permission === 'admin') return u.role === 'admin';
  return u.permissions.includes(permission);
}

export const displayName = computed(() => user.value?.displayName ?? user.value?.name ?? '');

function signedIn(reply: { user: User; csrfToken: string }): void {
  setCsrfToken(reply.csrfToken);
  user.value = reply.user;
}

export async function restoreSession(): Promise<void> {
  try {
    signedIn(await adminApi.me());
  } catch {
    user.value = null;
  } finally {
    checking.value = false;
  }
}

export async function logIn(name: string, password: string): Promise<void> {
  signedIn(await adminApi.login(name, password));
}

export async function logOut(): Promise<void> {
  try {
    await adminApi.logout();
  } finally {
    setCsrfToken('');
    user.value = null;
  }
}

whenUnauthorized(() => {
  setCsrfToken('');
  user.value = null;
});

export const ROLE_LABELS: Record<string, string> = {
  admin: '系统管理员',
  editor: '编辑',
  reviewer: '审核员',
  window: '窗口人员',
};

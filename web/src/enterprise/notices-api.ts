/**
 * @module web/enterprise/notices-api
 * The portal's client of /api/enterprise/notices (docs/ENTERPRISE-API.md, “Notices”): the inbox,
 * marking read, the notice settings. Shapes are the server's (`import type`).
 */
import type { Notice, NoticeSettings } from '../../../src/storage/notices.js';
import { currentCsrfToken, PortalError } from './api';

export type { Notice, NoticeSettings };
export type NoticeSettingsView = NoticeSettings & { emailAvailable: boolean };
export interface Inbox {
  notices: Notice[];
  total: number;
  unread: number;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers = new Headers({ accept: 'application/json' });
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (method !== 'GET') headers.set('x-csrf-token', currentCsrfToken());
  let response: Response;
  try {
    response = await fetch(`/api/enterprise/notices${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new PortalError(0, '网络连接失败，请检查网络后重试');
  }
  const parsed = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new PortalError(response.status, parsed.error ?? response.statusText);
  return parsed as T;
}

export const noticesApi = {
  inbox: (limit = 20, offset = 0) => call<Inbox>('GET', `?limit=${limit}&offset=${offset}`),
  markRead: (ids?: string[]) => call<{ marked: number; unread: number }>('POST', '/read', ids ? { ids } : {}),
  settings: () => call<NoticeSettingsView>('GET', '/settings'),
  saveSettings: (settings: { noticesOff: boolean; webhookUrl?: string; email?: string }) => call<NoticeSettingsView>('PUT', '/settings', settings),
};

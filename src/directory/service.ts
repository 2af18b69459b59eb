/**
 * @module directory/service
 * Writing the directory: staff create, edit, take down and restore entries; an enterprise submits
 * market posts, which wait for staff review (pending → published or rejected) and expire on their
 * date. Each write is a version of the entry and an audit entry, in one transaction. Errors are
 * Chinese, naming the field.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../storage/index.js';
import { checkEntry, type EntryFieldError } from './field-errors.js';
import { type DirectoryEntry, type DirectoryKind, type StoredEntry } from './model.js';

/** A refused write: 400 with each field's problem, 404 for no such entry, 409 for a taken id or a wrong state. */
export class DirectoryInputError extends Error {
  override readonly name = 'DirectoryInputError';
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 = 400,
    readonly errors: EntryFieldError[] = [],
  ) {
    super(message);
  }
}

/** How long a market post may stay up, and how many one enterprise may have waiting. */
export const MAX_POST_DAYS = 366;
export const MAX_PENDING_POSTS = 20;

const refused = (errors: EntryFieldError[]) =>
  new DirectoryInputError(`条目有${errors.length}处需要更正：${errors.map((e) => `${e.label}（${e.field}）${e.message}`).join('；')}`, 400, errors);

const newEntryId = (kind: DirectoryKind) => `${kind}-${randomBytes(6).toString('hex')}`;

function validated(input: unknown, id: string): DirectoryEntry {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw refused([{ field: 'entry', label: '条目', message: '应为一个 JSON 对象' }]);
  }
  const checked = checkEntry({ ...input, id });
  if (!checked.ok) throw refused(checked.errors);
  return checked.entry;
}

const idOf = (input: unknown): string | undefined => {
  const id = (input as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? id : undefined;
};
const kindOf = (input: unknown): DirectoryKind => ((input as { kind?: DirectoryKind } | null)?.kind ?? 'government');

async function existing(store: Store, id: string): Promise<StoredEntry> {
  const stored = await store.directory.get(id);
  if (!stored) throw new DirectoryInputError(`id（编号）：没有编号为 ${id} 的条目`, 404);
  return stored;
}

/** Staff add an entry, published at once (staff are the review). */
export async function createEntry(store: Store, input: unknown, actor: string): Promise<StoredEntry> {
  const entry = validated(input, idOf(input) ?? newEntryId(kindOf(input)));
  return store.transaction(async (tx) => {
    if (!(await tx.directory.create({ entry, status: 'published', change: 'created' }, actor))) {
      throw new DirectoryInputError(`id（编号）：编号 ${entry.id} 已被使用`, 409);
    }
    await tx.audit.record({ actor, action: 'directory.create', target: entry.id, after: entry });
    return (await tx.directory.get(entry.id))!;
  });
}

/** Staff change an entry; its state stays (a pending post stays pending), its kind may not change. */
export async function updateEntry(store: Store, id: string, input: unknown, actor: string): Promise<StoredEntry> {
  return store.transaction(async (tx) => {
    const before = await existing(tx, id);
    const entry = validated(input, id);
    if (entry.kind !== before.entry.kind) throw refused([{ field: 'kind', label: '类别', message: `不能改变类别（原为 ${before.entry.kind}）；请新建条目` }]);
    await tx.directory.update(id, { entry, status: before.status, change: 'edited', ...(before.reviewNote ? { reviewNote: before.reviewNote } : {}) }, actor);
    await tx.audit.record({ actor, action: 'directory.edit', target: id, before: before.entry, after: entry });
    return (await tx.directory.get(id))!;
  });
}

/** Staff take an entry down (kept, with its history) or put it back. */
export async function setArchived(store: Store, id: string, archived: boolean, actor: string): Promise<StoredEntry> {
  return store.transaction(async (tx) => {
    const before = await existing(tx, id);
    if (archived === (before.status === 'archived')) throw new DirectoryInputError(`该条目已经${archived ? '下架' : '上架'}`, 409);
    const status = archived ? 'archived' : 'published';
    await tx.directory.update(id, { entry: before.entry, status, change: archived ? 'archived' : 'restored' }, actor);
    await tx.audit.record({ actor, action: archived ? 'directory.archive' : 'directory.restore', target: id, before: { status: before.status }, after: { status } });
    return (await tx.directory.get(id))!;
  });
}

/**
 * Staff decide on a pending market post: approve (published until its date) or reject with a
 * reason the enterprise reads. Only staff reach this: the portal has no route to it.
 */
export async function reviewPost(store: Store, id: string, decision: 'approve' | 'reject', actor: string, note?: string): Promise<StoredEntry> {
  const reason = note?.trim();
  if (decision === 'reject' && !reason) throw refused([{ field: 'note', label: '不通过的理由', message: '必须填写，企业会看到它' }]);
  return store.transaction(async (tx) => {
    const before = await existing(tx, id);
    if (before.status !== 'pending') throw new DirectoryInputError(`该条目不在待审核状态（现为 ${before.status}）`, 409);
    const status = decision === 'approve' ? 'published' : 'rejected';
    await tx.directory.update(id, { entry: before.entry, status, change: decision === 'approve' ? 'approved' : 'rejected', ...(reason ? { reviewNote: reason } : {}) }, actor);
    await tx.audit.record({ actor, action: `directory.${decision}`, target: id, after: { status }, ...(reason ? { detail: reason } : {}) });
    return (await tx.directory.get(id))!;
  });
}

export interface PostingEnterprise {
  id: string;
  name: string;
}

/**
 * An enterprise submits a supply or demand post: always a market post, under its own name,
 * pending until staff approve it, up within `MAX_POST_DAYS` from `today` (zone-local `YYYY-MM-DD`).
 */
export async function submitPost(store: Store, enterprise: PostingEnterprise, input: unknown, actor: string, today: string): Promise<StoredEntry> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw refused([{ field: 'entry', label: '条目', message: '应为一个 JSON 对象' }]);
  const entry = validated({ ...input, kind: 'market', enterpriseName: enterprise.name }, newEntryId('market'));
  if (entry.kind !== 'market') throw refused([{ field: 'kind', label: '类别', message: '企业只能发布供需信息（market）' }]);
  const last = addDays(today, MAX_POST_DAYS);
  if (entry.expiresOn < today) throw refused([{ field: 'expiresOn', label: '有效期至', message: `不能早于今天（${today}）` }]);
  if (entry.expiresOn > last) throw refused([{ field: 'expiresOn', label: '有效期至', message: `最长一年，不能晚于 ${last}` }]);
  return store.transaction(async (tx) => {
    if ((await tx.directory.countPending(enterprise.id)) >= MAX_PENDING_POSTS) {
      throw new DirectoryInputError(`已有${MAX_PENDING_POSTS}条供需信息在等待审核，请等审核后再发布`, 409);
    }
    await tx.directory.create({ entry, status: 'pending', change: 'submitted', enterpriseId: enterprise.id }, actor);
    await tx.audit.record({ actor, action: 'directory.submit', target: entry.id, after: entry });
    return (await tx.directory.get(entry.id))!;
  });
}

/** `YYYY-MM-DD` plus `days`, by the calendar (no time zone enters). */
export function addDays(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * @module enterprise/accounts/service
 * What enterprise accounts can do, apart from HTTP: an enterprise registers itself (pending until
 * staff approve it), staff create, approve and disable enterprises and add their users. Inputs
 * are checked here, with Chinese messages naming the field; every change is audited.
 */
import { randomBytes } from 'node:crypto';
import { NAME } from '../../accounts/service.js';
import { passwordProblem } from '../../accounts/password-strength.js';
import { hashPassword } from '../../accounts/passwords.js';
import type { Enterprise, EnterpriseStatus, EnterpriseUser, Store } from '../../storage/index.js';
import { creditCodeProblem } from '../credit-code.js';

/** A problem with the input, in Chinese, naming the field (400 over HTTP). */
export class EnterpriseInputError extends Error {
  override readonly name = 'EnterpriseInputError';
  constructor(
    readonly field: string,
    readonly problem: string,
    /** 409 rather than 400: the input is fine but taken (a credit code registered already). */
    readonly conflict = false,
  ) {
    super(`${field}：${problem}`);
  }
}

export const STATUS_LABELS: Record<EnterpriseStatus, string> = { pending: '待审核', active: '已启用', disabled: '已停用' };

/** An enterprise as it may be shown. */
export type PublicEnterprise = Enterprise & { statusLabel: string };

/** A user as it may be shown: never the password hash; the OIDC subject only as "has one". */
export interface PublicEnterpriseUser {
  id: string;
  enterpriseId: string;
  username?: string;
  displayName?: string;
  /** How the user logs in. */
  login: 'password' | 'oidc' | 'password+oidc';
  disabled: boolean;
  createdAt: string;
}

export const publicEnterprise = (e: Enterprise): PublicEnterprise => ({ ...e, statusLabel: STATUS_LABELS[e.status] });

export function publicEnterpriseUser(u: EnterpriseUser): PublicEnterpriseUser {
  const login = u.passwordHash && u.oidcSubject ? 'password+oidc' : u.oidcSubject ? 'oidc' : 'password';
  return {
    id: u.id,
    enterpriseId: u.enterpriseId,
    ...(u.username ? { username: u.username } : {}),
    ...(u.displayName ? { displayName: u.displayName } : {}),
    login,
    disabled: u.disabled,
    createdAt: u.createdAt,
  };
}

/** How an enterprise user is named in the audit log: the code and the username (or OIDC). */
export const actorOf = (enterprise: Pick<Enterprise, 'creditCode'>, user: Pick<EnterpriseUser, 'username'>): string =>
  `enterprise:${enterprise.creditCode}/${user.username ?? 'oidc'}`;

export const newId = (prefix: string): string => `${prefix}_${randomBytes(9).toString('base64url')}`;

/** The credit code written the standard's way (upper case), or an error saying what is wrong. */
export function normaliseCreditCode(input: string, field = 'creditCode'): string {
  const code = input.trim().toUpperCase();
  const problem = creditCodeProblem(code);
  if (problem) throw new EnterpriseInputError(field, problem);
  return code;
}

function text(input: string | undefined, field: string, label: string, max: number, required: boolean): string | undefined {
  const value = input?.trim();
  if (!value) {
    if (required) throw new EnterpriseInputError(field, `请填写${label}`);
    return undefined;
  }
  if ([...value].length > max) throw new EnterpriseInputError(field, `${label}最多${max}个字`);
  return value;
}

const PHONE = /^[0-9][0-9 +\-()]{5,28}[0-9]$/;

export function checkUsername(input: string): string {
  const username = input.trim().toLowerCase();
  if (!NAME.test(username)) throw new EnterpriseInputError('username', '用户名为2–32个小写字母、数字或 . _ -，以字母或数字开头');
  return username;
}

/** The staff password rule (length and zxcvbn strength), said in Chinese. */
export async function checkPassword(password: string, username: string, displayName?: string): Promise<void> {
  const problem = await passwordProblem(password, username, displayName);
  if (!problem) return;
  if (problem.startsWith('password: must be at least')) throw new EnterpriseInputError('password', '密码至少10个字符');
  throw new EnterpriseInputError('password', '密码太容易被猜到（常用密码、单词、日期、键盘顺序或与用户名相近）；几个不相关的词连在一起既安全又好记');
}

export interface EnterpriseInput {
  creditCode: string;
  name: string;
  contactName?: string;
  contactPhone?: string;
}

function checkEnterprise(input: EnterpriseInput, contactRequired: boolean) {
  const creditCode = normaliseCreditCode(input.creditCode);
  const name = text(input.name, 'name', '企业名称', 100, true)!;
  const contactName = text(input.contactName, 'contactName', '联系人', 50, contactRequired);
  const contactPhone = text(input.contactPhone, 'contactPhone', '联系电话', 30, contactRequired);
  if (contactPhone && !PHONE.test(contactPhone)) throw new EnterpriseInputError('contactPhone', '联系电话只能含数字、空格、+ - 和括号');
  return { creditCode, name, contactName, contactPhone };
}

async function insertEnterprise(store: Store, e: ReturnType<typeof checkEnterprise>, status: EnterpriseStatus, createdBy: string): Promise<Enterprise> {
  const id = newId('ent');
  const created = await store.enterprises.create({ id, ...e, status, createdBy });
  if (!created) throw new EnterpriseInputError('creditCode', `统一社会信用代码 ${e.creditCode} 已注册；如需为本企业增加账号，请联系已有账号的同事或工作人员`, true);
  return (await store.enterprises.get(id))!;
}

/**
 * An enterprise registers itself with its first user: pending until staff approve it, so a
 * stranger cannot speak for a company by typing its (public) credit code.
 */
export async function registerEnterprise(
  store: Store,
  input: EnterpriseInput & { username: string; password: string; displayName?: string },
): Promise<{ enterprise: PublicEnterprise; user: PublicEnterpriseUser }> {
  const e = checkEnterprise(input, true);
  const username = checkUsername(input.username);
  const displayName = text(input.displayName, 'displayName', '姓名', 50, false);
  await checkPassword(input.password, username, displayName);
  const passwordHash = await hashPassword(input.password);
  return store.transaction(async (tx) => {
    const enterprise = await insertEnterprise(tx, e, 'pending', 'self');
    const user = await insertUser(tx, enterprise, { username, passwordHash, displayName });
    await tx.audit.record({
      actor: actorOf(enterprise, user),
      action: 'enterprise.register',
      target: enterprise.id,
      after: { creditCode: enterprise.creditCode, name: enterprise.name, contactName: e.contactName, username },
    });
    return { enterprise: publicEnterprise(enterprise), user: publicEnterpriseUser(user) };
  });
}

/** Staff create an enterprise; it is active at once (staff are the approval). */
export async function createEnterprise(store: Store, input: EnterpriseInput, staff: string): Promise<PublicEnterprise> {
  const e = checkEnterprise(input, false);
  return store.transaction(async (tx) => {
    const enterprise = await insertEnterprise(tx, e, 'active', staff);
    await tx.enterprises.setStatus(enterprise.id, 'active', staff);
    await tx.audit.record({ actor: staff, action: 'enterprise.create', target: enterprise.id, after: { creditCode: e.creditCode, name: e.name } });
    return publicEnterprise((await tx.enterprises.get(enterprise.id))!);
  });
}

/**
 * Approves (or re-enables: `active`) or disables an enterprise. Disabling logs its users out
 * at once. Undefined for an unknown enterprise.
 */
export async function setEnterpriseStatus(store: Store, id: string, status: 'active' | 'disabled', staff: string): Promise<PublicEnterprise | undefined> {
  return store.transaction(async (tx) => {
    const before = await tx.enterprises.get(id);
    if (!before) return undefined;
    await tx.enterprises.setStatus(id, status, staff);
    if (status === 'disabled') await tx.enterprises.deleteSessionsOfEnterprise(id);
    const action = status === 'disabled' ? 'enterprise.disable' : before.status === 'pending' ? 'enterprise.approve' : 'enterprise.enable';
    await tx.audit.record({ actor: staff, action, target: id, before: { status: before.status }, after: { status } });
    return publicEnterprise((await tx.enterprises.get(id))!);
  });
}

async function insertUser(
  store: Store,
  enterprise: Enterprise,
  user: { username?: string; passwordHash?: string; oidcSubject?: string; displayName?: string },
): Promise<EnterpriseUser> {
  const id = newId('eu');
  const created = await store.enterprises.createUser({ id, enterpriseId: enterprise.id, ...user });
  if (!created) throw new EnterpriseInputError('username', `本企业已有用户名“${user.username ?? ''}”`, true);
  return (await store.enterprises.getUser(id))!;
}

/** Adds a local user to an enterprise (by staff, or by one of its own users). Undefined for an unknown enterprise. */
export async function createEnterpriseUser(
  store: Store,
  enterpriseId: string,
  input: { username: string; password: string; displayName?: string },
  actor: string,
): Promise<PublicEnterpriseUser | undefined> {
  const username = checkUsername(input.username);
  const displayName = text(input.displayName, 'displayName', '姓名', 50, false);
  await checkPassword(input.password, username, displayName);
  const passwordHash = await hashPassword(input.password);
  return store.transaction(async (tx) => {
    const enterprise = await tx.enterprises.get(enterpriseId);
    if (!enterprise) return undefined;
    const user = await insertUser(tx, enterprise, { username, passwordHash, displayName });
    await tx.audit.record({ actor, action: 'enterprise.user.create', target: enterpriseId, after: { username, displayName } });
    return publicEnterpriseUser(user);
  });
}

/** Used by the OIDC login: a user known only by the identity service's subject. */
export async function createOidcUser(store: Store, enterprise: Enterprise, oidcSubject: string, displayName: string | undefined): Promise<EnterpriseUser> {
  return insertUser(store, enterprise, { oidcSubject, ...(displayName ? { displayName: displayName.slice(0, 50) } : {}) });
}

/** Used by the OIDC login: an enterprise first seen through the identity service, pending. */
export async function createOidcEnterprise(store: Store, creditCode: string, name: string): Promise<Enterprise> {
  return insertEnterprise(store, { creditCode, name: name.slice(0, 100), contactName: undefined, contactPhone: undefined }, 'pending', 'oidc');
}

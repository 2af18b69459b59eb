/**
 * @module accounts/passwords
 * Password hashing with argon2id (the `argon2` package's defaults: 64 MiB, 3 passes), and the
 * minimum a staff password must meet.
 */
import argon2 from 'argon2';

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** False for a wrong password and for a hash that is not an argon2 hash at all. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Why a new password is not acceptable, or undefined when it is. */
export function passwordProblem(password: string, userName: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `password: must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.toLowerCase().includes(userName.toLowerCase())) return 'password: must not contain the user name';
  if (new Set(password).size < 4) return 'password: must not repeat the same few characters';
  return undefined;
}

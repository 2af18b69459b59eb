/**
 * @module accounts/passwords
 * Password hashing with argon2id (the `argon2` package's defaults: 64 MiB, 3 passes). What a new
 * password must be is in `password-strength.ts`.
 */
import argon2 from 'argon2';

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

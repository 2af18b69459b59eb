/**
 * @module storage/owner-only
 * The PGlite data folder holds staff accounts, password hashes and login sessions, so nobody but
 * the account running xiaoxin may read it. PGlite unpacks its initial database with mode 0666
 * whatever the umask, so the folder is closed (0700) before PGlite writes into it, and every file
 * in it is set to 0600 (folders 0700) after it is created and again when it is closed.
 */
import { chmod, readdir } from 'node:fs/promises';
import path from 'node:path';

export const OWNER_ONLY_FOLDER = 0o700;
export const OWNER_ONLY_FILE = 0o600;

/** Sets `folder` and everything under it to owner-only modes. Symbolic links are not followed. */
export async function restrictToOwner(folder: string): Promise<void> {
  await chmod(folder, OWNER_ONLY_FOLDER);
  // An explicit stack, not recursion: a folder's depth is not ours to trust.
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await chmod(full, OWNER_ONLY_FOLDER);
        pending.push(full);
      } else if (entry.isFile()) {
        await chmod(full, OWNER_ONLY_FILE);
      }
    }
  }
}

/**
 * @module accounts/password-strength
 * Whether a new staff password is strong enough, judged by zxcvbn-ts (a maintained port of
 * Dropbox's zxcvbn) rather than hand rules: it knows the common passwords, words, names, dates,
 * keyboard runs and repeats that guessing tools try first. A password needs at least
 * MIN_PASSWORD_LENGTH characters and a score of at least MIN_PASSWORD_SCORE: 3 means about 10^8
 * guesses, safe against online guessing (which the lock-out slows further) and, with argon2id,
 * costly offline. The user's name, display name and the product's name count as guessable words.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const MIN_PASSWORD_LENGTH = 10;
export const MIN_PASSWORD_SCORE = 3;

/** Words anyone attacking this system would try. */
const SITE_WORDS = ['xiaoxin', 'admin', 'zhengwu'];

let estimator: Promise<ZxcvbnFactory> | undefined;
/**
 * Built on first use, its packages imported then too (start-up time): importing them takes
 * ~0.1 s and the dictionaries a fraction of a second more.
 */
function zxcvbn(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([{ ZxcvbnFactory }, common, en]) =>
      new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  );
  return estimator;
}

/**
 * Why a new password is not acceptable, in plain words (`password: …`), or undefined when it is.
 * `userName` and `displayName` are the account's, which a guesser would try first.
 */
export async function passwordProblem(password: string, userName: string, displayName?: string): Promise<string | undefined> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `password: must be at least ${MIN_PASSWORD_LENGTH} characters`;
  // Whole, run together and word by word: "li.ming" is guessed as "liming" and "ming" too.
  const names = [userName, ...(displayName ? [displayName] : [])]
    .flatMap((n) => [n, n.replace(/[\s._-]+/g, ''), ...n.split(/[\s._-]+/)])
    .filter((w) => w.length > 1);
  const { score, feedback } = (await zxcvbn()).check(password, [...names, ...SITE_WORDS]);
  if (score >= MIN_PASSWORD_SCORE) return undefined;
  const why = [feedback.warning, ...feedback.suggestions].filter(Boolean).join(' ');
  return `password: too easy to guess${why ? ` (${why})` : ''}; several unrelated words together are both strong and easy to remember`;
}

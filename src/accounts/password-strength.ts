/**
 * @module accounts/password-strength
 * Whether a new staff password is strong enough, judged by zxcvbn-ts (a maintained port of
 * Dropbox's zxcvbn) rather than hand rules: it knows the common passwords, words, names, dates,
 * keyboard runs and repeats that guessing tools try first. A password needs at least
 * MIN_PASSWORD_LENGTH characters and a score of at least MIN_PASSWORD_SCORE: 3 means about 10^8
 * guesses, safe against online guessing (which the lock-out slows further) and, with argon2id,
 * costly offline. The user's name, display name and the product's name count as guessable words.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD_LENGTH = 10;
export const MIN_PASSWORD_SCORE = 3;

/** Words anyone attacking this system would try. */
const SITE_WORDS = ['xiaoxin', 'admin', 'zhengwu'];

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: the dictionaries take a fraction of a second to load. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return estimator;
}

/**
 * Why a new password is not acceptable, in plain words (`password: …`), or undefined when it is.
 * `userName` and `displayName` are the account's, which a guesser would try first.
 */
export function passwordProblem(password: string, userName: string, displayName?: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `password: must be at least ${MIN_PASSWORD_LENGTH} characters`;
  // Whole, run together and word by word: "li.ming" is guessed as "liming" and "ming" too.
  const names = [userName, ...(displayName ? [displayName] : [])]
    .flatMap((n) => [n, n.replace(/[\s._-]+/g, ''), ...n.split(/[\s._-]+/)])
    .filter((w) => w.length > 1);
  const { score, feedback } = zxcvbn().check(password, [...names, ...SITE_WORDS]);
  if (score >= MIN_PASSWORD_SCORE) return undefined;
  const why = [feedback.warning, ...feedback.suggestions].filter(Boolean).join(' ');
  return `password: too easy to guess${why ? ` (${why})` : ''}; several unrelated words together are both strong and easy to remember`;
}

/**
 * Spam rules as WordPress's discussion settings (check_comment, wp_check_comment_disallowed_list): a comment with too
 * many links or a word of the moderation list is held, one with a word of the disallowed list goes to spam. Words
 * match anywhere (as a substring, as WordPress's `#word#iu`) in the author's name, e-mail, URL, the text (also
 * without its tags), the address and the user agent, after the normalization below, so that a vowel mark, a tatweel
 * or a tag hides no word. Pure functions.
 */

export interface SpamRules {
  /** More links than this and the comment is held (`MODERATION_LINKS`). */
  maxLinks: number;
  /** Already normalized (`normalizeForMatching`), none empty. */
  moderationWords: readonly string[];
  disallowedWords: readonly string[];
}

export const NO_RULES: SpamRules = { maxLinks: Infinity, moderationWords: [], disallowedWords: [] };

/**
 * The text as words are compared in it: Unicode compatibility forms folded (NFKC: Arabic presentation forms,
 * full-width Latin), invisible format characters (zero-width space, joiners, direction marks), Arabic diacritics
 * (harakat, tanwin, shadda, sukun, the dagger alif, Quranic marks) and tatweel removed, alif with hamza or madda
 * (أ إ آ ٱ) → ا, alif maqsura ى → ي, ta marbuta ة → ه, then lower case.
 */
export function normalizeForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .toLowerCase();
}

/** A words file: one word or phrase a line, as WordPress's settings box; blank lines are skipped. */
export const parseWordList = (text: string): string[] =>
  [...new Set(text.split(/\r?\n/).map((line) => normalizeForMatching(line.trim())).filter(Boolean))];

/** The links readers would see: each `<a href` of the rendered comment (its own and the ones made from bare URLs). */
export const countLinks = (renderedHtml: string): number => renderedHtml.match(/<a\s[^>]*href/gi)?.length ?? 0;

/** The text with its tags taken out, as wp_check_comment_disallowed_list also matches it: `كا<b></b>زينو` hides nothing. */
const withoutTags = (text: string) => text.replace(/<[^>]*>/g, '');

export interface CommentFacts {
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  content: string;
  ip: string;
  userAgent: string;
  /** `content.rendered`, for counting links. */
  html: string;
}

export type Verdict = 'spam' | 'hold' | 'pass';

/** The first word of `words` found in any of the fields, if one is. */
function found(words: readonly string[], fields: readonly string[]): string | undefined {
  return words.length ? words.find((word) => fields.some((field) => field.includes(word))) : undefined;
}

/** What the rules say of a comment: disallowed words win over everything (WordPress checks them last and they stand). */
export function judge(rules: SpamRules, comment: CommentFacts): Verdict {
  // Normalized only when there are words to look for: without lists a comment costs one scan of its rendering.
  const words = rules.moderationWords.length > 0 || rules.disallowedWords.length > 0;
  const fields = words
    ? [comment.authorName, comment.authorEmail, comment.authorUrl, comment.content, withoutTags(comment.content), comment.ip, comment.userAgent].map(
        normalizeForMatching,
      )
    : [];
  if (found(rules.disallowedWords, fields)) return 'spam';
  if (countLinks(comment.html) > rules.maxLinks) return 'hold';
  if (found(rules.moderationWords, fields)) return 'hold';
  return 'pass';
}

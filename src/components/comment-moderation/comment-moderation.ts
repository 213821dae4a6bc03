import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '../../i18n/msg.js';
import { formatNumber, formatPublished } from '../../i18n/format.js';
import { formatTag } from '../../i18n/localize.js';
import { NwElement } from '../../internal/nw-element.js';
import { theme } from '../../internal/theme.styles.js';
import { visuallyHidden } from '../../internal/visually-hidden.styles.js';
import { safeHttpUrl } from '../../internal/url.js';
import { sanitize } from '../comment-list/sanitize.js';
import { ACTIONS, type Action, actionForKey, type Change, moveIndex, type Request, TARGET, undoOf } from './actions.js';
import { forget, recall, remember } from './credentials-store.js';
import {
  type Credentials,
  deleteForever,
  fetchCounts,
  fetchPostTitles,
  fetchQueue,
  type ModComment,
  ModerationError,
  setStatus,
  siblingRoute,
  type Tab,
  TABS,
  tabOf,
  whoAmI,
} from './moderation-api.js';
import { moderationStyles } from './comment-moderation.styles.js';

interface Failure {
  message: string;
  retry: () => void;
}

const tabLabel = (tab: Tab): string =>
  tab === 'hold'
    ? msg('Pending', { id: 'comment-moderation.tab.hold' })
    : tab === 'approve'
      ? msg('Approved', { id: 'comment-moderation.tab.approve' })
      : tab === 'spam'
        ? msg('Spam', { id: 'comment-moderation.tab.spam' })
        : msg('Trash', { id: 'comment-moderation.tab.trash' });

const actionLabel = (action: Action): string =>
  ({
    approve: () => msg('Approve', { id: 'comment-moderation.action.approve' }),
    unapprove: () => msg('Unapprove', { id: 'comment-moderation.action.unapprove' }),
    spam: () => msg('Spam', { id: 'comment-moderation.action.spam' }),
    unspam: () => msg('Not spam', { id: 'comment-moderation.action.unspam' }),
    trash: () => msg('Trash', { id: 'comment-moderation.action.trash' }),
    restore: () => msg('Restore', { id: 'comment-moderation.action.restore' }),
    delete: () => msg('Delete permanently', { id: 'comment-moderation.action.delete' }),
  })[action]();

/** What a failed request tells the moderator; `auth` signs out instead (see `#fail`). */
const failureText = (error: unknown): string =>
  error instanceof ModerationError && error.kind === 'forbidden'
    ? msg('You are not allowed to do this.', { id: 'comment-moderation.error.forbidden' })
    : error instanceof ModerationError && error.kind === 'timeout'
      ? msg('The site took too long to answer.', { id: 'comment-moderation.error.timeout' })
      : error instanceof ModerationError && (error.kind === 'server' || error.kind === 'refused')
        ? msg('The site could not do this just now.', { id: 'comment-moderation.error.server' })
        : msg('The site could not be reached. Check the connection.', { id: 'comment-moderation.error.network' });

/**
 * The moderation queue of a WordPress site or the reference server: sign-in with an Application Password, tabs for
 * pending, approved, spam and trash with counts, per-comment and bulk actions, undo of the last action, and
 * WordPress's comment shortcuts (j/k or arrows to move, a/u/s/d/z to act, x to select).
 *
 * @tagname nw-comment-moderation
 * @summary The comment moderation queue, over WordPress's REST API.
 *
 * @fires nw-moderate - A comment's status changed: `{ id, from, to }` (`to` is `deleted` after delete permanently).
 *
 * @csspart moderation - The outermost section.
 * @csspart sign-in - The sign-in form.
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab.
 * @csspart comment - Each comment's `<article>`.
 * @csspart actions - The buttons under each comment.
 * @csspart error - A failure's message and its "Try again" button.
 * @csspart undo - The "Undo" button.
 *
 * @cssprop --nw-font-family - Font (default `inherit`).
 * @cssprop --nw-color-text - Text colour.
 * @cssprop --nw-color-muted - Secondary text.
 * @cssprop --nw-color-accent - Buttons, the current tab and the focus ring.
 * @cssprop --nw-color-surface - Background.
 * @cssprop --nw-color-border - Lines between comments.
 * @cssprop --nw-radius - Corner radius.
 * @cssprop --nw-space - Base spacing.
 */
export class NwCommentModeration extends NwElement {
  static override styles = [theme, visuallyHidden, moderationStyles];

  static override properties: PropertyDeclarations = {
    endpoint: {},
    perPage: { attribute: 'per-page', type: Number },
    signedIn: { state: true },
    checking: { state: true },
    signInError: { state: true },
    tab: { state: true },
    counts: { state: true },
    comments: { state: true },
    loading: { state: true },
    busy: { state: true },
    failure: { state: true },
    selected: { state: true },
    last: { state: true },
    announcement: { state: true },
  };

  /** The comments endpoint: `…/wp-json/wp/v2/comments` of WordPress or the reference server. */
  endpoint = '';

  /** Comments shown a tab, 1–100 (default 20). */
  perPage = 20;

  private signedIn?: string;
  private checking = false;
  private signInError = '';
  private tab: Tab = 'hold';
  private counts?: Record<Tab, number>;
  private comments: ModComment[] = [];
  private loading = false;
  private busy = false;
  private failure?: Failure;
  private selected = new Set<number>();
  private last?: Change[];
  private announcement = '';

  /** Held in memory only, unless "remember in this tab" was ticked (see credentials-store.ts). */
  #credentials?: Credentials;
  #titles = new Map<number, { title: string; link: string }>();
  #contents = new Map<number, DocumentFragment>();
  #focusId?: number;
  #generation = 0;

  get #usable(): boolean {
    return siblingRoute(this.endpoint, 'users/me') !== undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint')) {
      this.#reset('');
      const stored = this.#usable ? recall(this.endpoint) : undefined;
      if (stored) void this.#signIn(stored, true);
    }
  }

  /** Signs out: what "remember in this tab" kept is forgotten too. */
  #signOut(message: string): void {
    if (this.#usable) forget(this.endpoint);
    this.#reset(message);
  }

  #reset(message: string): void {
    this.#generation++;
    this.#credentials = undefined;
    this.signedIn = undefined;
    this.signInError = message;
    this.counts = undefined;
    this.comments = [];
    this.selected = new Set();
    this.last = undefined;
    this.failure = undefined;
    this.busy = this.loading = false;
  }

  async #signIn(credentials: Credentials, keep: boolean): Promise<void> {
    const generation = ++this.#generation;
    this.checking = true;
    this.signInError = '';
    try {
      const me = await whoAmI(this.endpoint, credentials);
      if (generation !== this.#generation) return;
      if (!me.mayModerate) {
        this.signInError = this.localized(() => msg('This account may not moderate comments.', { id: 'comment-moderation.error.role' }));
        return;
      }
      this.#credentials = credentials;
      if (keep) remember(this.endpoint, credentials);
      const { name } = me;
      this.signedIn = name;
      this.announcement = this.localized(() => msg(str`Signed in as ${name}.`, { id: 'comment-moderation.signed-in' }));
      await this.#load();
    } catch (error) {
      if (generation !== this.#generation) return;
      const refused = error instanceof ModerationError && error.kind === 'auth';
      if (refused) forget(this.endpoint);
      this.signInError = this.localized(() =>
        refused
          ? msg('Sign-in failed: check the user name and the application password.', { id: 'comment-moderation.error.sign-in' })
          : failureText(error),
      );
    } finally {
      if (generation === this.#generation) this.checking = false;
    }
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const user = String(data.get('user') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!user || !password) {
      this.signInError = this.localized(() => msg('Enter the user name and the application password.', { id: 'comment-moderation.error.empty' }));
      return;
    }
    void this.#signIn({ user, password }, data.get('remember') === 'on');
  }

  /** A failed request: signed out on 401, else the message with a way to try again. */
  #fail(error: unknown, retry: () => void): void {
    if (error instanceof ModerationError && error.kind === 'auth') {
      this.#signOut(this.localized(() => msg('The site no longer accepts this sign-in. Sign in again.', { id: 'comment-moderation.error.expired' })));
      return;
    }
    this.failure = { message: this.localized(() => failureText(error)), retry };
  }

  async #load(): Promise<void> {
    const credentials = this.#credentials;
    if (!credentials) return;
    const generation = this.#generation;
    const tab = this.tab;
    this.loading = true;
    this.failure = undefined;
    try {
      const perPage = Math.min(100, Math.max(1, Math.trunc(this.perPage) || 20));
      const [queue, counts] = await Promise.all([
        fetchQueue(this.endpoint, credentials, tab, perPage),
        fetchCounts(this.endpoint, credentials),
      ]);
      const missing = queue.comments.map((c) => c.post).filter((post) => !this.#titles.has(post));
      // Titles are a help, not the queue: a site that will not name its posts still gets moderated.
      const titles = await fetchPostTitles(this.endpoint, credentials, missing).catch(() => new Map());
      await Promise.all(queue.comments.map(async (c) => this.#contents.set(c.id, await sanitize(c.content.rendered))));
      if (generation !== this.#generation || tab !== this.tab) return;
      for (const [id, title] of titles) this.#titles.set(id, title);
      this.comments = queue.comments;
      this.counts = { ...counts, [tab]: queue.total };
      this.selected = new Set();
    } catch (error) {
      if (generation === this.#generation && tab === this.tab) this.#fail(error, () => void this.#load());
    } finally {
      if (generation === this.#generation && tab === this.tab) this.loading = false;
    }
  }

  async #selectTab(tab: Tab, focus = false): Promise<void> {
    if (tab !== this.tab) {
      this.tab = tab;
      this.comments = [];
      this.#focusId = undefined;
      void this.#load();
    }
    if (focus) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
    }
  }

  #onTabKey(event: KeyboardEvent): void {
    const rtl = this.direction === 'rtl';
    const index = TABS.indexOf(this.tab);
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    const next = step ? (index + step + TABS.length) % TABS.length : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    event.preventDefault();
    void this.#selectTab(TABS[next], true);
  }

  /**
   * Applies `changes` (built from `action` on each comment); the ones done leave the tab. Each is reported with
   * `nw-moderate`; all done become the one action "Undo" reverts.
   */
  async #run(changes: Request[], undoing = false): Promise<void> {
    const credentials = this.#credentials;
    if (!credentials || !changes.length || this.busy) return;
    const generation = this.#generation;
    this.busy = true;
    this.failure = undefined;
    const results = await Promise.allSettled(
      changes.map(({ id, to }) =>
        to === 'deleted' ? deleteForever(this.endpoint, credentials, id).then(() => to) : setStatus(this.endpoint, credentials, id, to),
      ),
    );
    if (generation !== this.#generation) return;
    this.busy = false;
    // Each done change with the status the site answered (untrash and unspam find theirs there).
    const done = changes.flatMap((change, i): Change[] => {
      const result = results[i];
      return result.status === 'fulfilled' ? [{ ...change, to: result.value }] : [];
    });
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const change of done) this.emit('nw-moderate', change);
    this.last = undoing ? undefined : done.length ? done : this.last;
    this.#leave(done);
    if (done.length) {
      this.announcement = this.localized(() =>
        undoing
          ? msg('Undone.', { id: 'comment-moderation.undone' })
          : msg(str`Comments updated: ${formatNumber(done.length, formatTag(this.locale))}.`, { id: 'comment-moderation.updated' }),
      );
    }
    if (failed) this.#fail(failed.reason, () => void this.#run(changes.filter((_, i) => results[i].status === 'rejected'), undoing));
    // Undone changes bring comments back into a tab (maybe this one) in their place: read it again.
    if (undoing && done.length) void this.#load();
  }

  /** Takes the comments `done` moved out of the current tab, and moves the counts with them. */
  #leave(done: Change[]): void {
    if (!done.length) return;
    const counts = { ...this.counts! };
    for (const { from, to } of done) {
      counts[tabOf(from)] = Math.max(0, counts[tabOf(from)] - 1);
      if (to !== 'deleted') counts[tabOf(to)]++;
    }
    const gone = new Set(done.filter((c) => tabOf(c.from) === this.tab && (c.to === 'deleted' || tabOf(c.to) !== this.tab)).map((c) => c.id));
    const index = this.comments.findIndex((c) => c.id === this.#focusId);
    this.comments = this.comments.filter((c) => !gone.has(c.id));
    this.selected = new Set([...this.selected].filter((id) => !gone.has(id)));
    this.counts = counts;
    // Focus stays in the queue: on the comment that took the place of the one that left.
    if (this.#focusId !== undefined && gone.has(this.#focusId)) {
      const next = this.comments[Math.min(index, this.comments.length - 1)];
      this.#focusId = next?.id;
      void this.updateComplete.then(() => (next ? this.#focusRow(next.id) : this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus()));
    }
    if (!this.comments.length && counts[this.tab] > 0) void this.#load();
  }

  #act(action: Action, ids: number[]): void {
    const to = TARGET[action] ?? 'deleted';
    const changes = this.comments.filter((c) => ids.includes(c.id)).map((c): Request => ({ id: c.id, from: c.status, to }));
    void this.#run(changes);
  }

  #undo(): void {
    if (this.last) void this.#run(undoOf(this.last), true);
  }

  /** The one comment reached by Tab (roving tabindex): the one last focused, however it was. */
  #rove(id: number): void {
    if (this.#focusId === id) return;
    this.#focusId = id;
    this.requestUpdate();
  }

  #focusRow(id: number): void {
    this.#rove(id);
    this.renderRoot.querySelector<HTMLElement>(`#comment-${id}`)?.focus();
  }

  #onQueueKey(event: KeyboardEvent): void {
    const target = event.composedPath()[0] as HTMLElement;
    if (event.altKey || event.ctrlKey || event.metaKey || target.matches('select, input:not([type=checkbox])')) return;
    const row = target.closest<HTMLElement>('article');
    const index = this.comments.findIndex((c) => row?.id === `comment-${c.id}`);
    const next = moveIndex(event.key, index, this.comments.length);
    if (next !== undefined) {
      event.preventDefault();
      this.#focusRow(this.comments[next].id);
      return;
    }
    if (index < 0) return;
    const { id } = this.comments[index];
    const action = actionForKey(event.key, this.tab);
    if (action) this.#act(action, [id]);
    else if (event.key === 'z') this.#undo();
    else if (event.key === 'x') this.#toggle(id);
    else return;
    event.preventDefault();
  }

  #toggle(id: number): void {
    const selected = new Set(this.selected);
    if (!selected.delete(id)) selected.add(id);
    this.selected = selected;
  }

  #toggleAll(event: Event): void {
    this.selected = (event.target as HTMLInputElement).checked ? new Set(this.comments.map((c) => c.id)) : new Set();
  }

  #applyBulk(): void {
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#bulk')!;
    const action = select.value as Action;
    if (ACTIONS[this.tab].includes(action)) this.#act(action, [...this.selected]);
  }

  #renderSignIn(): TemplateResult {
    return html`<form part="sign-in" @submit=${this.#submit} aria-describedby="sign-in-note" novalidate>
      <p id="sign-in-note">
        ${msg('Sign in with your user name and an application password.', { id: 'comment-moderation.sign-in.note' })}
      </p>
      <label for="user">${msg('User name', { id: 'comment-moderation.user' })}</label>
      <input id="user" name="user" autocomplete="username" dir="auto" maxlength="200" required />
      <label for="password">${msg('Application password', { id: 'comment-moderation.password' })}</label>
      <input id="password" name="password" type="password" autocomplete="current-password" dir="ltr" maxlength="200" required />
      <label class="check"><input type="checkbox" name="remember" /> ${msg('Remember in this tab', { id: 'comment-moderation.remember' })}</label>
      <button type="submit" ?disabled=${this.checking}>
        ${this.checking ? msg('Signing in…', { id: 'comment-moderation.signing-in' }) : msg('Sign in', { id: 'comment-moderation.sign-in' })}
      </button>
      <p role="alert" part="error">${this.signInError}</p>
    </form>`;
  }

  #renderComment(c: ModComment, index: number): TemplateResult {
    const date = new Date(`${c.date_gmt.replace(/Z$/, '')}Z`);
    const when = formatPublished(date, formatTag(this.locale));
    const post = this.#titles.get(c.post);
    const postUrl = safeHttpUrl(c.link || post?.link);
    const author = c.author_name || msg('Anonymous', { id: 'comment-list.anonymous' });
    const focusable = this.#focusId === undefined ? index === 0 : this.#focusId === c.id;
    return html`<li>
      <article id="comment-${c.id}" part="comment" tabindex=${focusable ? 0 : -1} aria-labelledby="author-${c.id}" @focus=${() => this.#rove(c.id)}>
        <header>
          <input type="checkbox" id="select-${c.id}" aria-labelledby="author-${c.id}" .checked=${this.selected.has(c.id)} @change=${() => this.#toggle(c.id)} />
          <bdi id="author-${c.id}" class="author">${author}</bdi>
          ${c.author_email ? html`<bdi dir="ltr" class="muted">${c.author_email}</bdi>` : nothing}
          ${c.author_ip ? html`<bdi dir="ltr" class="muted">${c.author_ip}</bdi>` : nothing}
        </header>
        <p class="muted">
          ${postUrl
            ? html`<a href=${postUrl}><bdi>${post?.title || msg(str`Post ${c.post}`, { id: 'comment-moderation.post' })}</bdi></a>`
            : html`<bdi>${post?.title || msg(str`Post ${c.post}`, { id: 'comment-moderation.post' })}</bdi>`}
          ${when ? html` · <time datetime=${date.toISOString()}>${when}</time>` : nothing}
        </p>
        <div class="content" dir="auto">${this.#contents.get(c.id)?.cloneNode(true) ?? nothing}</div>
        <div part="actions">
          ${ACTIONS[this.tab].map(
            (action) =>
              html`<button type="button" class=${action} aria-describedby="author-${c.id}" ?disabled=${this.busy} @click=${() => this.#act(action, [c.id])}>
                ${actionLabel(action)}
              </button>`,
          )}
        </div>
      </article>
    </li>`;
  }

  #renderQueue(): TemplateResult {
    const tag = formatTag(this.locale);
    const all = this.comments.length > 0 && this.selected.size === this.comments.length;
    const name = this.signedIn;
    return html`<p class="who">
        ${msg(str`Signed in as ${name}.`, { id: 'comment-moderation.signed-in' })}
        <button type="button" class="link" @click=${() => this.#signOut('')}>${msg('Sign out', { id: 'comment-moderation.sign-out' })}</button>
      </p>
      <div role="tablist" part="tabs" aria-label=${msg('Comments by status', { id: 'comment-moderation.tabs' })} @keydown=${this.#onTabKey}>
        ${TABS.map(
          (tab) =>
            html`<button type="button" role="tab" part="tab" id="tab-${tab}" aria-controls="panel" aria-selected=${String(tab === this.tab)}
              tabindex=${tab === this.tab ? 0 : -1} @click=${() => this.#selectTab(tab)}>
              ${tabLabel(tab)} <span class="count">(${this.counts ? formatNumber(this.counts[tab], tag) : '…'})</span>
            </button>`,
        )}
      </div>
      <div role="tabpanel" id="panel" aria-labelledby="tab-${this.tab}" aria-busy=${String(this.loading)}>
        ${this.failure
          ? html`<p part="error" role="alert">${this.failure.message} <button type="button" @click=${this.failure.retry}>
                ${msg('Try again', { id: 'comment-list.retry' })}
              </button></p>`
          : nothing}
        ${this.last
          ? html`<p class="undo"><button type="button" part="undo" ?disabled=${this.busy} @click=${this.#undo}>
                ${msg('Undo', { id: 'comment-moderation.undo' })}
              </button></p>`
          : nothing}
        ${this.comments.length
          ? html`<div class="bulk">
                <label class="check"><input type="checkbox" .checked=${all} @change=${this.#toggleAll} /> ${msg('Select all', { id: 'comment-moderation.select-all' })}</label>
                <label for="bulk">${msg('Bulk action', { id: 'comment-moderation.bulk' })}</label>
                <select id="bulk">${ACTIONS[this.tab].map((action) => html`<option value=${action}>${actionLabel(action)}</option>`)}</select>
                <button type="button" ?disabled=${this.busy || !this.selected.size} @click=${this.#applyBulk}>${msg('Apply', { id: 'comment-moderation.apply' })}</button>
              </div>
              <ol @keydown=${this.#onQueueKey}>${this.comments.map((c, i) => this.#renderComment(c, i))}</ol>`
          : html`<p>
              ${this.loading ? msg('Loading comments…', { id: 'comment-list.loading' }) : msg('No comments here.', { id: 'comment-moderation.empty' })}
            </p>`}
      </div>`;
  }

  protected override render(): TemplateResult {
    return html`<section part="moderation" lang=${this.locale} dir=${this.direction} aria-labelledby="title">
      <h2 id="title">${msg('Comment moderation', { id: 'comment-moderation.heading' })}</h2>
      ${!this.#usable
        ? html`<p role="alert">${msg('This moderation queue has no valid comments endpoint.', { id: 'comment-moderation.no-endpoint' })}</p>`
        : this.signedIn
          ? this.#renderQueue()
          : this.#renderSignIn()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }
}

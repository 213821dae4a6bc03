import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg } from '../../i18n/msg.js';
import { NwElement } from '../../internal/nw-element.js';
import { ICONS } from './icons.js';
import { actionName, DEFAULT_NETWORKS, NETWORKS, parseNetworks, targetUrl, type NetworkName, type ShareData } from './networks.js';
import { safeHttpUrl as safeUrl } from '../../internal/url.js';
import { pageTitle, pageUrl, withUtm } from './share-data.js';
import { theme } from '../../internal/theme.styles.js';
import { styles } from './share-button.styles.js';

export type ShareMode = 'auto' | 'menu' | 'inline' | 'native';

/** Detail of `nw-share`: the network (`native` for the system share sheet) and the URL about to be shared. */
export interface NwShareDetail {
  network: NetworkName | 'native';
  url: string;
}

/** Detail of `nw-copy`: the URL now on the clipboard. */
export interface NwCopyDetail {
  url: string;
}

function warn(message: string): void {
  console.warn(`news-widgets: <nw-share-button> ${message}`);
}

const MODES: readonly ShareMode[] = ['auto', 'menu', 'inline', 'native'];

/** How long a "Link copied" message stays on screen. */
const STATUS_MS = 5000;

/** The space, in CSS px, kept between the menu or the status and the edges of the viewport. */
const EDGE = 8;

/**
 * An icon and its label, the label hidden where the control shows the icon only (its name is then an
 * `aria-label`). Inside an `html` template the `<svg>` root already puts its `<path>` in the SVG namespace.
 */
function iconAndLabel(name: string, label: string, hidden: boolean): TemplateResult {
  return html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true"><path d=${ICONS[name]}></path></svg
    ><span part="label" ?hidden=${hidden}>${label}</span>`;
}

/**
 * A share button for the current page: the system share sheet where the browser has one, else a menu of
 * networks; or an inline row of share links. Every target is a plain link: no third-party script, request,
 * cookie or storage before the reader clicks.
 *
 * @tagname nw-share-button
 * @summary Private, accessible, bidirectional share button.
 *
 * @csspart trigger - The button that opens the menu or the share sheet.
 * @csspart menu - The pop-up menu of networks.
 * @csspart heading - The inline row's heading ("Share this article").
 * @csspart item - One network's link, or the copy-link button.
 * @csspart icon - An icon (inline SVG).
 * @csspart label - The text of the trigger or of an item.
 * @csspart status - The live region announcing "Link copied".
 *
 * @cssprop --nw-font-family - Font (default `inherit`).
 * @cssprop --nw-color-text - Text colour.
 * @cssprop --nw-color-accent - Hover, focus ring and icon colour.
 * @cssprop --nw-color-surface - Background of the trigger, the items and the menu.
 * @cssprop --nw-color-border - Borders.
 * @cssprop --nw-radius - Corner radius.
 * @cssprop --nw-space - Base spacing.
 *
 * @fires nw-share - Before a target opens (cancelable; `preventDefault()` stops it). Detail: `{ network, url }`.
 * @fires nw-copy - After the link was copied. Detail: `{ url }`.
 */
export class NwShareButton extends NwElement {
  static override styles = [theme, styles];

  // Declared without decorators, like NwElement's: their runtime costs about 0.7 KB gzip in the bundle.
  static override properties: PropertyDeclarations = {
    url: {},
    shareTitle: { attribute: 'share-title' },
    text: {},
    networks: {},
    // Reflected for :host([mode=inline]), but not the default (see the card's layout).
    mode: { reflect: true, useDefault: true },
    label: {},
    utm: {},
    mastodonInstance: { attribute: 'mastodon-instance' },
    iconOnly: { type: Boolean, reflect: true, attribute: 'icon-only' },
    open: { state: true },
    announcement: { state: true },
    sheetFailed: { state: true },
  };

  /** What to share; default: `<link rel="canonical">` → `<meta property="og:url">` → the page's address. */
  url?: string;

  /** The title shared; default `og:title` → `document.title`. */
  shareTitle?: string;

  /** Optional extra text. */
  text?: string;

  /** Space- or comma-separated networks, order kept. */
  networks?: string;

  /** `auto` (default), `menu`, `inline` or `native`. */
  mode: ShareMode = 'auto';

  /** The trigger's text, or the inline heading. */
  label?: string;

  /** Query parameters added to the shared URL; `{network}` is replaced by the network's name. */
  utm?: string;

  /** A Mastodon instance host, e.g. `mastodon.social`. */
  mastodonInstance?: string;

  /** Icons only, each with its localized accessible name. */
  iconOnly = false;

  private open = false;
  private announcement = '';
  /** Set when the share sheet failed: `auto` mode then offers the menu instead. */
  private sheetFailed = false;

  // Members that are not reactive are #private: the minifier shortens those names, not `private` ones.
  #list: NetworkName[] = [...DEFAULT_NETWORKS];
  #statusTimer?: ReturnType<typeof setTimeout>;

  #onOutside = (event: Event): void => {
    if (!event.composedPath().includes(this)) this.#closeMenu(false);
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#closeMenu(false);
    clearTimeout(this.#statusTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Only a changed value is checked, so each bad value set gets one warning, not one per render.
    if (changed.has('networks')) {
      const parsed = parseNetworks(this.networks);
      this.#list = parsed.networks;
      if (parsed.problem) warn(`networks="${this.networks}": ${parsed.problem}.`);
    }
    if (changed.has('url') && this.url?.trim() && !safeUrl(this.url)) {
      warn(`url="${this.url}" is not http(s): sharing the page's URL`);
    }
  }

  get #mode(): ShareMode {
    return MODES.includes(this.mode) ? this.mode : 'auto';
  }

  /** The URL shared through `network`: a safe `url` attribute, else the page's canonical URL, with `utm`. */
  #shareUrl(network: string): string {
    const base = safeUrl(this.url) ?? pageUrl(document);
    return withUtm(base, this.utm, network);
  }

  #shareData(network: string): ShareData {
    const text = this.text?.trim();
    return { url: this.#shareUrl(network), title: this.shareTitle?.trim() || pageTitle(document), ...(text && { text }) };
  }

  /**
   * Whether the trigger opens the system share sheet rather than the menu: always in `native` mode; in `auto`
   * mode when the browser's sheet accepts this page's data and has not failed before.
   */
  get #usesSheet(): boolean {
    const mode = this.#mode;
    if (mode !== 'auto') return mode === 'native';
    return (
      !this.sheetFailed && typeof navigator.share === 'function' && !!navigator.canShare?.(this.#shareData('native'))
    );
  }

  /** Fires the cancelable `nw-share`; `false` when a listener stopped the share. */
  #beforeShare(network: NwShareDetail['network'], url: string): boolean {
    return this.emit<NwShareDetail>('nw-share', { network, url }, true);
  }

  protected override render(): TemplateResult {
    return html`<div class="base" lang=${this.locale} dir=${this.direction}>
      ${this.#mode === 'inline' ? this.#renderInline() : this.#renderTrigger()}
      <div part="status" class="status" role="status">${this.announcement}</div>
    </div>`;
  }

  #renderInline(): TemplateResult {
    const heading = this.label?.trim() || msg('Share this article', { id: 'share.heading' });
    return html`<div role="group" aria-labelledby="heading">
      <h2 part="heading" id="heading">${heading}</h2>
      <ul class="row">
        ${this.#list.map((network) => html`<li>${this.#renderItem(network, false)}</li>`)}
      </ul>
    </div>`;
  }

  #renderTrigger(): TemplateResult {
    const label = this.label?.trim() || msg('Share', { id: 'share.label' });
    const hasMenu = !this.#usesSheet;
    const menu = hasMenu ? 'menu' : nothing;
    const named = this.iconOnly ? label : nothing;
    return html`<button
        part="trigger"
        type="button"
        aria-haspopup=${menu}
        aria-expanded=${hasMenu ? String(this.open) : nothing}
        aria-controls=${menu}
        aria-label=${named}
        title=${named}
        @click=${this.#onTriggerClick}
        @keydown=${hasMenu ? this.#onTriggerKeydown : nothing}
      >
        ${iconAndLabel('share', label, this.iconOnly)}
      </button>
      ${hasMenu
        ? html`<div
            id="menu"
            part="menu"
            role="menu"
            aria-label=${label}
            ?hidden=${!this.open}
            @keydown=${this.#onMenuKeydown}
          >
            ${this.open ? this.#list.map((network) => this.#renderItem(network, true)) : nothing}
          </div>`
        : nothing}`;
  }

  /** One network: a real link (or the copy button), in the menu (`role="menuitem"`) or the inline row. */
  #renderItem(network: NetworkName, inMenu: boolean): TemplateResult {
    const entry = NETWORKS[network];
    const iconOnly = this.iconOnly && !inMenu;
    const name = iconOnly ? actionName(network) : nothing;
    const content = iconAndLabel(network, entry.label(), iconOnly);
    const role = inMenu ? 'menuitem' : nothing;
    const tabindex = inMenu ? '-1' : nothing;
    if (network === 'copy') {
      return html`<button
        part="item"
        type="button"
        data-network=${network}
        role=${role}
        tabindex=${tabindex}
        aria-label=${name}
        title=${name}
        @click=${this.#onCopyClick}
      >
        ${content}
      </button>`;
    }
    const href = targetUrl(network, this.#shareData(network), { mastodonInstance: this.mastodonInstance });
    return html`<a
      part="item"
      href=${href ?? nothing}
      target=${network === 'email' ? nothing : '_blank'}
      rel="noopener noreferrer"
      data-network=${network}
      role=${role}
      tabindex=${tabindex}
      aria-label=${name}
      title=${name}
      @click=${this.#onTargetClick}
    >
      ${content}
    </a>`;
  }

  #onTargetClick(event: MouseEvent): void {
    const network = (event.currentTarget as HTMLAnchorElement).dataset.network as NetworkName;
    if (!this.#beforeShare(network, this.#shareUrl(network))) event.preventDefault();
    // A no-op in the inline row: only an open menu closes and gives focus back.
    this.#closeMenu(true);
  }

  async #onCopyClick(): Promise<void> {
    this.#closeMenu(true);
    await this.#copy();
  }

  async #onTriggerClick(): Promise<void> {
    if (this.#usesSheet) {
      if (await this.#shareNatively()) return;
      if (this.#mode === 'native') {
        await this.#copy();
        return;
      }
      this.sheetFailed = true;
    }
    if (this.open) this.#closeMenu(true);
    else void this.#openMenu(true);
  }

  /**
   * Opens the system share sheet. `true` when it was handled (shared, cancelled by the reader, or stopped by
   * `nw-share`); `false` when the browser has none or refused, so the caller falls back.
   */
  async #shareNatively(): Promise<boolean> {
    if (typeof navigator.share !== 'function') return false;
    const data = this.#shareData('native');
    if (!this.#beforeShare('native', data.url)) return true;
    try {
      await navigator.share(data);
      return true;
    } catch (error) {
      return error instanceof DOMException && error.name === 'AbortError';
    }
  }

  async #copy(): Promise<void> {
    const url = this.#shareUrl('copy');
    if (!this.#beforeShare('copy', url)) return;
    const copied = await writeClipboard(url);
    if (copied) this.emit<NwCopyDetail>('nw-copy', { url });
    void this.#announce(
      this.localized(() =>
        copied
          ? msg('Link copied', { id: 'share.copied' })
          : msg("Couldn't copy the link", { id: 'share.copy-failed' }),
      ),
    );
  }

  /** Puts `text` in the live region; clearing it first makes a repeated message heard again. */
  async #announce(text: string): Promise<void> {
    clearTimeout(this.#statusTimer);
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
    await this.updateComplete;
    this.#place('.status');
    this.#statusTimer = setTimeout(() => (this.announcement = ''), STATUS_MS);
  }

  #items(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role=menuitem]')];
  }

  /** Focuses the item at `index` (counted around the menu) and scrolls all of it into view in the menu. */
  #focusItem(index: number): void {
    const items = this.#items();
    const item = items[(index + items.length) % items.length];
    item?.focus();
    // Focus scrolls a hidden item into view, but Firefox leaves one that shows in part as it is.
    item?.scrollIntoView({ block: 'nearest' });
  }

  async #openMenu(focusFirst: boolean): Promise<void> {
    this.open = true;
    await this.updateComplete;
    this.#place('#menu');
    this.#focusItem(focusFirst ? 0 : -1);
    document.addEventListener('pointerdown', this.#onOutside, true);
    window.addEventListener('resize', this.#onResize);
  }

  #closeMenu(refocus: boolean): void {
    document.removeEventListener('pointerdown', this.#onOutside, true);
    window.removeEventListener('resize', this.#onResize);
    if (!this.open) return;
    this.open = false;
    if (refocus) this.renderRoot.querySelector<HTMLElement>('[part=trigger]')?.focus();
  }

  /**
   * Keeps `box` (the menu or the status) on screen. Measured where CSS puts it (under the trigger, from its
   * inline start, as tall as its content), it moves toward the inline start just as far as it must to end inside
   * the viewport, and opens above the trigger when it does not fit below and there is more room above; it is
   * never taller than that room (the menu then scrolls). Boxes are measured and moved physically, so one
   * computation serves both directions.
   */
  #place(selector: string): void {
    const box = this.renderRoot.querySelector<HTMLElement>(selector);
    if (!box) return;
    const { clientWidth: width, clientHeight: height } = document.documentElement;
    const { style } = box;
    style.cssText = `--_w:${width - 2 * EDGE}px`;
    const anchor = box.parentElement!.getBoundingClientRect();
    const { top, left, right, height: size } = box.getBoundingClientRect();
    const below = height - EDGE - top;
    // The room above the trigger, leaving the same gap as below it: from its top less that gap to the margin.
    const above = anchor.top + anchor.bottom - top - EDGE;
    const up = size > below && above > below;
    const room = up ? above : below;
    style.cssText += `;max-block-size:${room}px;translate:${Math.max(EDGE - left, Math.min(0, width - EDGE - right))}px ${up ? above + EDGE - top - Math.min(size, room) : 0}px`;
  }

  /** A viewport resized under an open menu (rotation, zoom, a keyboard that resizes the page) places it again. */
  #onResize = (): void => this.#place('#menu');

  #onTriggerKeydown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    void this.#openMenu(event.key === 'ArrowDown');
  }

  #onMenuKeydown(event: KeyboardEvent): void {
    const items = this.#items();
    const current = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    switch (event.key) {
      case 'ArrowDown':
        this.#focusItem(current + 1);
        break;
      case 'ArrowUp':
        this.#focusItem(current - 1);
        break;
      case 'Home':
        this.#focusItem(0);
        break;
      case 'End':
        this.#focusItem(-1);
        break;
      case 'Escape':
      case 'Tab':
        this.#closeMenu(true);
        break;
      case ' ':
        // Space activates a button natively, but not a link.
        if (!(items[current] instanceof HTMLAnchorElement)) return;
        items[current].click();
        break;
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        const key = event.key.toLocaleLowerCase(this.locale);
        // From the item after the current one, wrapping around.
        const next = [...items.slice(current + 1), ...items].findIndex((item) => item.textContent?.trim().toLocaleLowerCase(this.locale).startsWith(key));
        if (next >= 0) this.#focusItem(current + 1 + next);
      }
    }
    event.preventDefault();
    event.stopPropagation();
  }
}

/**
 * Writes `text` to the clipboard: the Clipboard API, else (pages served over plain http have none) the
 * `execCommand('copy')` of older pages, filling the `copy` event it fires.
 */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const fill = (event: ClipboardEvent): void => {
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
    };
    document.addEventListener('copy', fill);
    try {
      return document.execCommand('copy');
    } finally {
      document.removeEventListener('copy', fill);
    }
  }
}

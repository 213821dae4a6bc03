/**
 * The share targets (SPEC §5) as one table: a network's entry turns the share data into its intent URL.
 * Adding a network is one entry here (plus its icon in `icons.ts`). Pure: no DOM, no state.
 */
import { msg, str } from '../../i18n/msg.js';
import { truncateGraphemes as truncate } from '../../internal/text.js';

/** What is shared: the final URL (with `utm` already applied), a title and optional extra text. */
export interface ShareData {
  url: string;
  title: string;
  text?: string;
}

export interface TargetOptions {
  /** A Mastodon instance host (`mastodon.social`); without it Mastodon goes through share.joinmastodon.org. */
  mastodonInstance?: string;
}

interface Network {
  /** The network's name as shown on its button ("WhatsApp" / "واتساب"); call during a render. */
  label(): string;
  /** The accessible name of an icon-only button, where it is not "Share on <label>". */
  action?(): string;
  /** The target URL; absent for `copy`, which is a button, not a link. */
  href?(data: ShareData, options: TargetOptions): string;
}

const enc = encodeURIComponent;

/** Networks without a limit of their own still get a sane one: a share is a teaser, not the article. */
const MESSAGE_LIMIT = 2000;

/** Title and text as one message, one per line. */
function message(data: ShareData): string {
  return truncate([data.title, data.text].map((part) => part?.trim()).filter(Boolean).join('\n'), MESSAGE_LIMIT);
}

/**
 * Message and URL in one text field, the URL on its own line, the message cut so the whole stays within
 * `limit` graphemes when the network counts the URL as `urlWeight` graphemes. By default that is the URL's
 * length: a shared URL is serialized by `URL`, so it is ASCII, one grapheme per character (and for any other
 * string the length is never below the grapheme count, so the limit still holds).
 */
function withUrl(data: ShareData, limit = Infinity, urlWeight = data.url.length): string {
  const text = truncate(message(data), limit - urlWeight - 1);
  return text ? `${text}\n${data.url}` : data.url;
}

/** Mastodon's own limit, counting every link as 23 characters. */
const MASTODON_LIMIT = 500;

/** The share targets, in the order the `networks` attribute lists them in SPEC §5. */
export const NETWORKS = {
  whatsapp: {
    label: () => msg('WhatsApp', { id: 'share.network.whatsapp' }),
    href: (d) => `https://wa.me/?text=${enc(withUrl(d))}`,
  },
  telegram: {
    label: () => msg('Telegram', { id: 'share.network.telegram' }),
    href: (d) => `https://t.me/share/url?url=${enc(d.url)}&text=${enc(message(d))}`,
  },
  x: {
    label: () => msg('X', { id: 'share.network.x' }),
    // X counts any link as 23 characters and joins text and URL with a space.
    href: (d) => `https://x.com/intent/tweet?text=${enc(truncate(message(d), 280 - 23 - 1))}&url=${enc(d.url)}`,
  },
  facebook: {
    label: () => msg('Facebook', { id: 'share.network.facebook' }),
    href: (d) => `https://www.facebook.com/sharer/sharer.php?u=${enc(d.url)}`,
  },
  linkedin: {
    label: () => msg('LinkedIn', { id: 'share.network.linkedin' }),
    href: (d) => `https://www.linkedin.com/sharing/share-offsite/?url=${enc(d.url)}`,
  },
  reddit: {
    label: () => msg('Reddit', { id: 'share.network.reddit' }),
    // Reddit titles hold at most 300 characters.
    href: (d) => `https://www.reddit.com/submit?url=${enc(d.url)}&title=${enc(truncate(d.title.trim(), 300))}`,
  },
  bluesky: {
    label: () => msg('Bluesky', { id: 'share.network.bluesky' }),
    href: (d) => `https://bsky.app/intent/compose?text=${enc(withUrl(d, 300))}`,
  },
  threads: {
    label: () => msg('Threads', { id: 'share.network.threads' }),
    href: (d) => `https://www.threads.com/intent/post?text=${enc(truncate(message(d), 500))}&url=${enc(d.url)}`,
  },
  mastodon: {
    label: () => msg('Mastodon', { id: 'share.network.mastodon' }),
    href: (d, o) => {
      const text = enc(withUrl(d, MASTODON_LIMIT, 23));
      const instance = mastodonHost(o.mastodonInstance);
      return instance ? `https://${instance}/share?text=${text}` : `https://share.joinmastodon.org/#text=${text}`;
    },
  },
  email: {
    label: () => msg('Email', { id: 'share.network.email' }),
    action: () => msg('Share by email', { id: 'share.action.email' }),
    // RFC 6068: encodeURIComponent gives %20 for spaces; line breaks must be CRLF.
    href: (d) => {
      const body = [truncate(d.text?.trim() ?? '', MESSAGE_LIMIT), d.url].filter(Boolean).join('\n\n');
      return `mailto:?subject=${enc(crlf(truncate(d.title.trim(), MESSAGE_LIMIT)))}&body=${enc(crlf(body))}`;
    },
  },
  copy: {
    label: () => msg('Copy link', { id: 'share.network.copy' }),
    // The same words: an icon-only copy button is named by what it does.
    action: () => msg('Copy link', { id: 'share.network.copy' }),
  },
} satisfies Record<string, Network>;

export type NetworkName = keyof typeof NETWORKS;

export const DEFAULT_NETWORKS: readonly NetworkName[] = ['whatsapp', 'x', 'facebook', 'telegram', 'email', 'copy'];

export function isNetwork(name: string): name is NetworkName {
  return Object.hasOwn(NETWORKS, name);
}

/** The accessible name of an icon-only button: "Share on WhatsApp" / "شارك على واتساب"; call during a render. */
export function actionName(network: NetworkName): string {
  const entry: Network = NETWORKS[network];
  return entry.action?.() ?? msg(str`Share on ${entry.label()}`, { id: 'share.action' });
}

/** The target URL for `network`, or `undefined` for `copy`. */
export function targetUrl(network: NetworkName, data: ShareData, options: TargetOptions = {}): string | undefined {
  const entry: Network = NETWORKS[network];
  return entry.href?.(data, options);
}

export interface ParsedNetworks {
  networks: NetworkName[];
  /** Why the list was not used as written (unknown names, or nothing usable), for one warning. */
  problem?: string;
}

/**
 * The `networks` attribute: space- or comma-separated names, order kept, duplicates dropped, case ignored.
 * Unknown names are left out; a list with nothing usable gives the defaults.
 */
export function parseNetworks(value: string | null | undefined): ParsedNetworks {
  const names = value?.toLowerCase().split(/[\s,]+/).filter(Boolean) ?? [];
  const networks = [...new Set(names.filter(isNetwork))];
  const unknown = names.filter((name) => !isNetwork(name));
  if (networks.length) {
    return unknown.length ? { networks, problem: `ignored ${unknown.join(', ')}` } : { networks };
  }
  return {
    networks: [...DEFAULT_NETWORKS],
    ...(value != null && { problem: 'using the defaults' }),
  };
}

/** A bare host name (with an optional port) from `mastodon-instance`, tolerating a pasted `https://…/`. */
export function mastodonHost(value: string | undefined): string | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  try {
    const host = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`).host;
    return host.includes('.') ? host : undefined;
  } catch {
    return undefined;
  }
}

function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

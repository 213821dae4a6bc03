import { css } from 'lit';

export const articleCardStyles = css`
  :host {
    display: block;
    /*
     * Off screen, the card is not laid out or painted: it keeps the size it last had (before its first
     * rendering, the estimate below), so a page of a thousand cards lays out the few in view. Only the block
     * size is estimated: an inline size would widen fr tracks and flex rows the card sits in; its remembered
     * one keeps a card sized by its content (a shrink-to-fit scroller) from collapsing once it has been seen,
     * and min-inline-size: 0 keeps that memory from holding a grid column or flex row at an old width.
     */
    content-visibility: auto;
    contain: layout style;
    contain-intrinsic-inline-size: auto none;
    contain-intrinsic-block-size: auto 25em;
    min-inline-size: 0;
    /* Paint containment comes with it: let the focus ring (3 px, 2 px outside the card) and its anti-aliased edge show. */
    overflow-clip-margin: 6px;
    --_muted: var(--nw-color-muted, light-dark(#595959, #b4b4b4));
    --_border: var(--nw-color-border, light-dark(#d9d9d9, #3d3d3d));
    --_placeholder: light-dark(#e9e9e9, #333);
    --_radius: var(--nw-radius, .5rem);
    --_space: var(--nw-space, 1rem);
    --_headline-lines: var(--nw-headline-lines, 3);
    --_excerpt-lines: var(--nw-excerpt-lines, 3);
    /* The type scale, in ems of the card, that the reserved box below is computed from. */
    --_small: .8125em;
    /* A headline line: its font size times its line height (.headline). */
    --_headline-line: 1.51875em;
  }

  :host([layout='horizontal']) {
    contain-intrinsic-block-size: auto 14em;
  }

  :host([layout='compact']) {
    contain-intrinsic-block-size: auto 8em;
  }

  .placeholder {
    display: contents;
  }

  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    block-size: 100%;
    box-sizing: border-box;
    overflow: clip;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    line-height: 1.5;
    overflow-wrap: anywhere;
  }

  .card:has(.link:focus-visible) {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  /*
   * The card, its picture and its meta line clip with overflow: clip, not hidden: a hidden box is a scroll
   * container, which both engines back with a scrolling structure of its own, for boxes no one can scroll. As
   * flex items, scroll containers could shrink to nothing; min-block-size: 0 keeps that. The boxes that end in
   * "…" (section, headline, excerpt) stay hidden: Firefox does not clip the "…" of a clip box squeezed below
   * its line. (Being a scroll container is also what lets the reserved excerpt shrink to the lines left.)
   */
  .media,
  .meta {
    overflow: clip;
    min-block-size: 0;
  }

  .media {
    aspect-ratio: var(--nw-card-image-ratio, 16/9);
    background: var(--_placeholder);
  }

  .media.own-ratio {
    aspect-ratio: var(--nw-card-image-ratio, auto);
  }

  .media img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }

  .media.failed img {
    visibility: hidden;
  }

  .body {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    padding: var(--_space);
    min-inline-size: 0;
  }

  .section {
    margin: 0;
    font-size: var(--_small);
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--_accent);
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .headline {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.35;
  }

  .headline,
  .excerpt {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }

  .headline {
    -webkit-line-clamp: var(--_headline-lines);
  }

  .excerpt {
    margin: 0;
    color: var(--_muted);
    -webkit-line-clamp: var(--_excerpt-lines);
  }

  .link {
    color: inherit;
    text-decoration: none;
  }

  .link::after {
    content: '';
    position: absolute;
    inset: 0;
    z-index: 1;
  }

  .link:hover {
    color: var(--_accent);
    text-decoration: underline;
  }

  .link:focus-visible {
    outline: none;
  }

  /*
   * Each item has its "·" just before its start, in the gap; the first item of every line has it outside the
   * box, where overflow clips it: no line starts with a separator, and a wrapped name's lines all start in the box.
   * The "·" stays where it would be in flow (no inset) and steps back into the gap by its margin, so its
   * containing block can be the line itself, positioned once, rather than each item.
   */
  .meta {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    column-gap: 1.5em;
    margin: 0;
    margin-block-start: auto;
    font-size: var(--_small);
    color: var(--_muted);
  }

  .meta > *::before {
    content: '·';
    position: absolute;
    margin-inline-start: -1.5em;
    inline-size: 1.5em;
    text-align: center;
  }

  .message {
    margin: 0;
    color: var(--_muted);
  }

  /*
   * Cards that load their data reserve their text at its final size, so nothing moves when it arrives: one box
   * for the section line, the headline's and the excerpt's lines and one meta line. Inside it the headline
   * takes the lines it needs, the meta line wraps if it must, and the excerpt fills the rest, clamped to the
   * whole lines that fit (the element sets --_fit).
   */
  .reserve .body {
    block-size: calc(
      (2 * var(--_small) + var(--_excerpt-lines) * 1em) * 1.5 + var(--_headline-lines) * var(--_headline-line) + 1.5 *
        var(--_space)
    );
  }

  /* Two meta lines: in a narrow column (a sidebar list) author, date and reading time wrap, with no excerpt to give way. */
  .reserve.compact .body {
    block-size: calc(
      2 * var(--_small) * 1.5 + var(--_headline-lines) * var(--_headline-line) + var(--_space) / 2
    );
  }

  .reserve .section {
    block-size: 1lh;
  }

  .reserve .headline.pending {
    block-size: calc(var(--_headline-lines) * 1lh);
  }

  /*
   * The box keeps what the headline and meta line leave it, seldom a whole number of lines: the clip-path cuts it at
   * the last line shown, so no sliver of the next one (the hamzas and dots above an Arabic line) shows under it.
   * Until --_fit is set the clip-path is invalid, so none.
   */
  .reserve .excerpt {
    flex: 1;
    -webkit-line-clamp: var(--_fit, var(--_excerpt-lines));
    clip-path: inset(0 0 calc(100% - var(--_fit) * 1lh));
  }

  .reserve .meta.pending {
    block-size: 1lh;
  }

  .pending {
    border-radius: 0.25em;
    background: repeating-linear-gradient(to bottom, var(--_placeholder) 0 0.75lh, transparent 0.75lh 1lh);
  }

  /* Layouts. */
  .horizontal {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
  }

  /* Positioned only where its picture needs it: Chromium gives each positioned box a paint layer. */
  .horizontal .media {
    position: relative;
    aspect-ratio: auto;
    min-block-size: 7rem;
  }

  .horizontal .media img {
    position: absolute;
    inset: 0;
  }

  .compact .body {
    padding: calc(var(--_space) * 0.75);
  }

  @media (forced-colors: active) {
    .card {
      border-color: CanvasText;
    }
    .card:has(.link:focus-visible) {
      outline-color: Highlight;
    }
    .media,
    .pending {
      background: Canvas;
    }
  }
`;

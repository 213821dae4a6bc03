/** Text helpers every element needs for untrusted input. */

const segmenters = new Map<string, Intl.Segmenter>();

function graphemes(tag: string): Intl.Segmenter {
  let segmenter = segmenters.get(tag);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(tag, { granularity: 'grapheme' });
    segmenters.set(tag, segmenter);
  }
  return segmenter;
}

/** Collapses runs of white space (incl. line breaks) to single spaces and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Cuts `text` to at most `max` graphemes, the last of them "…" when it was cut; never splits a grapheme
 * (an emoji sequence or a letter with its marks).
 */
export function truncateGraphemes(text: string, max: number, tag = 'en'): string {
  if (max <= 0) return '';
  // Fewer UTF-16 units than `max` means fewer graphemes too: nothing to segment.
  if (text.length <= max) return text;
  const kept: string[] = [];
  for (const { segment } of graphemes(tag).segment(text)) {
    if (kept.length === max) return `${kept.slice(0, max - 1).join('').trimEnd()}…`;
    kept.push(segment);
  }
  return text;
}

/** Text helpers every element needs for untrusted input. */

/**
 * One grapheme segmenter for every language: extended grapheme clusters are Unicode's, the same in all of them
 * (CLDR tailors word, line and sentence breaks, not these), so it is made once, when a text first needs cutting.
 */
let graphemes: Intl.Segmenter | undefined;

/** Collapses runs of white space (incl. line breaks) to single spaces and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Cuts `text` to at most `max` graphemes, the last of them "…" when it was cut; never splits a grapheme
 * (an emoji sequence or a letter with its marks).
 */
export function truncateGraphemes(text: string, max: number): string {
  if (max <= 0) return '';
  // Fewer UTF-16 units than `max` means fewer graphemes too: nothing to segment.
  if (text.length <= max) return text;
  const kept: string[] = [];
  for (const { segment } of (graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(text)) {
    if (kept.length === max) return `${kept.slice(0, max - 1).join('').trimEnd()}…`;
    kept.push(segment);
  }
  return text;
}

/**
 * Source-map byte attribution: which original source each byte of a generated file came from; bytes before the
 * first segment and after a segment without a source count as "(unmapped)". Raw minified bytes only: compression
 * cannot be split by source.
 */
import { readFileSync } from 'node:fs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

/** Decodes one segment's Base64 VLQ fields. */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad VLQ character "${char}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Per generated line: segments `{ column, source }` in column order (source index or -1). */
export function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    if (line !== '') {
      for (const text of line.split(',')) {
        const fields = decodeSegment(text);
        column += fields[0];
        if (fields.length >= 4) {
          source += fields[1];
          segments.push({ column, source });
        } else {
          segments.push({ column, source: -1 });
        }
      }
    }
    segments.sort((a, b) => a.column - b.column);
    lines.push(segments);
  }
  return lines;
}

/**
 * Bytes of `file` per source path (as the map names it), largest first. A byte belongs to the last segment at or
 * before it, across line ends too: the lines inside a multi-line template literal (CSS in `css\`…\``) have no
 * segments of their own and belong to the module the literal started in. Columns count UTF-16 units.
 */
export function attributeBytes(file, mapFile = `${file}.map`) {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const lines = decodeMappings(map.mappings);
  const totals = new Map();
  const add = (name, text) => {
    if (text.length > 0) totals.set(name, (totals.get(name) ?? 0) + Buffer.byteLength(text));
  };
  const nameOf = (segment) => (segment.source >= 0 ? (map.sources[segment.source] ?? '(unmapped)') : '(unmapped)');
  let current = '(unmapped)';
  const codeLines = code.split('\n');
  codeLines.forEach((text, index) => {
    const segments = lines[index] ?? [];
    const line = index < codeLines.length - 1 ? `${text}\n` : text;
    let start = 0;
    for (const segment of segments) {
      add(current, line.slice(start, segment.column));
      start = segment.column;
      current = nameOf(segment);
    }
    add(current, line.slice(start));
  });
  return [...totals.entries()].map(([source, bytes]) => ({ source, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** `../../node_modules/@lit/reactive-element/x.js` → `@lit/reactive-element/x.js`; `../../src/a/b.ts` → `src/a/b.ts`. */
export function shortSource(source) {
  const nodeModules = source.lastIndexOf('node_modules/');
  if (nodeModules >= 0) return source.slice(nodeModules + 'node_modules/'.length);
  return source.replace(/^(\.\.\/)+/, '');
}

/** The package (`lit-html`, `@lit/localize`) or the source folder (`src/i18n`) a source belongs to. */
export function sourceGroup(source) {
  const short = shortSource(source);
  if (short !== source.replace(/^(\.\.\/)+/, '') || source.includes('node_modules/')) {
    const parts = short.split('/');
    return short.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const parts = short.split('/');
  return parts.length > 2 ? parts.slice(0, parts.length - 1).join('/') : short;
}

/** The npm packages whose code a generated file carries, by the `sources` of its source map. */
export function packagesIn(mapFile) {
  const { sources } = JSON.parse(readFileSync(mapFile, 'utf8'));
  return [...new Set(sources.filter((source) => source.includes('node_modules/')).map(sourceGroup))];
}

/** Plain-text tables and number formats for the bench output. */

const width = (text) => [...String(text)].length;

/**
 * `columns`: `{ title, align: 'left' | 'right' }[]`; `rows`: arrays of cells (strings or numbers), or the
 * string `'-'` for a separator line. Returns the table as text, indented by two spaces.
 */
export function table(columns, rows) {
  const cells = rows.map((row) => (row === '-' ? row : row.map((cell) => (cell === undefined ? '' : String(cell)))));
  const widths = columns.map((column, i) =>
    Math.max(width(column.title), ...cells.filter((row) => row !== '-').map((row) => width(row[i] ?? ''))),
  );
  const pad = (text, i) => {
    const gap = ' '.repeat(Math.max(0, widths[i] - width(text)));
    return columns[i].align === 'right' ? gap + text : text + gap;
  };
  const line = (row) => `  ${row.map(pad).join('   ')}`.trimEnd();
  const rule = `  ${widths.map((w) => '─'.repeat(w)).join('   ')}`;
  return [line(columns.map((column) => column.title)), rule, ...cells.map((row) => (row === '-' ? rule : line(row)))].join(
    '\n',
  );
}

export const heading = (text) => `\n${text}\n${'═'.repeat(width(text))}`;

const grouped = new Intl.NumberFormat('en-US');
export const int = (value) => grouped.format(Math.round(value));
export const fixed = (value, digits = 1) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
/** KB = 1000 bytes. */
export const kb = (bytes, digits = 2) => `${fixed(bytes / 1000, digits)} KB`;
export const mark = (ok) => (ok ? '✓' : '✗');

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `min–max` of `values`. */
export const spread = (values, digits = 1) => `${fixed(Math.min(...values), digits)}–${fixed(Math.max(...values), digits)}`;

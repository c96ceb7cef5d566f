/** A table of a query result: named columns and rows of cells. */
export interface Table {
  title?: string;
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

export type OutputFormat = 'table' | 'json' | 'csv';

/**
 * Quotes one CSV field (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.
 *
 * @example
 *   csvField('a "b", c'); // '"a ""b"", c"'
 */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Tables as CSV; several tables are separated by a blank line, each with its header row. */
export function toCsv(tables: Table[]): string {
  return tables
    .map((t) => [t.columns, ...t.rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n')
    .join('\n');
}

/**
 * Tables as aligned plain text for a terminal, numbers right-aligned, long cells cut at `maxWidth`
 * (the last column, usually the text — evidence, snippet, value — at three times that).
 *
 * @example
 *   toText([{ columns: ['month', 'events'], rows: [['2017-04', 3]] }]);
 */
export function toText(tables: Table[], maxWidth = 60): string {
  const out: string[] = [];
  for (const t of tables) {
    if (t.title) out.push(t.title);
    if (!t.rows.length) {
      out.push('  (none)', '');
      continue;
    }
    const last = t.columns.length - 1;
    const cells = t.rows.map((r) => r.map((c, i) => cut(c === null || c === undefined ? '' : String(c), i === last ? maxWidth * 3 : maxWidth)));
    const widths = t.columns.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
    const numeric = t.columns.map((_, i) => t.rows.every((r) => r[i] === null || typeof r[i] === 'number'));
    const line = (r: string[]) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
    out.push(line(t.columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line), '');
  }
  return out.join('\n');
}

function cut(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/**
 * Plain-text formatting shared by the demo sections: an aligned table and a few number formats.
 */

/**
 * An aligned plain-text table: a header, a rule, then the rows; columns marked in `rightAligned` are padded on the
 * left (numbers), the others on the right. Trailing spaces are trimmed.
 *
 * @example
 * ```ts
 * table(['segment', 'customers'], [['Champions', '1,204']], [false, true])
 * // 'segment    customers\n─────────  ─────────\nChampions      1,204'
 * ```
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: readonly boolean[] = header.map((_, c) => c > 0),
): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (rightAligned[c] === true ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A share in [0, 1] as a percentage (`—` for null). @example percent(0.1234) // '12.3%' */
export function percent(share: number | null, digits = 1): string {
  return share === null ? '—' : `${(100 * share).toFixed(digits)}%`;
}

/** A number with fixed decimals (`—` for null). @example fixed(3.14159, 2) // '3.14' */
export function fixed(value: number | null, digits = 1): string {
  return value === null ? '—' : value.toFixed(digits);
}

/** An integer count with thousands separators. @example count(1234.4) // '1,234' */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

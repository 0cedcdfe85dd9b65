import { LineCounter, parseDocument } from 'yaml';
import { type NoticeIssue, yamlPosition } from '../../domain/holiday-notice';

/**
 * A notice may be for a year already loaded (a correction) or for the year right after the last official
 * one. A later year would leave the years between without any calendar, since provisional years follow only
 * the last official one: that is what a mistyped year looks like, and it would stop every deadline there.
 * Read from the text itself, so the issue has its line and is reported with the file's other problems.
 */
export function yearGapIssue(text: string, lastOfficialYear: number | undefined): NoticeIssue | undefined {
  if (lastOfficialYear === undefined) return undefined;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const year = document.errors.length > 0 ? undefined : document.get('year');
  const next = lastOfficialYear + 1;
  if (typeof year !== 'number' || !Number.isInteger(year) || year <= next) return undefined;
  const position = yamlPosition(document, lineCounter, ['year']);
  const skipped = year - 1 === next ? `${next}` : `${next}–${year - 1}`;
  return {
    path: 'year',
    ...(position ? { line: position.line, column: position.column } : {}),
    code: 'YEAR_LEAVES_GAP',
    message: `最近的正式安排为 ${lastOfficialYear} 年，只能加载已有年份或 ${next} 年；加载 ${year} 年会使 ${skipped} 年没有日历 / The last official notice is for ${lastOfficialYear}: only a loaded year or ${next} can be loaded; ${year} would leave ${skipped} without a calendar`,
  };
}

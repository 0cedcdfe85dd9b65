import type { FieldDefinition } from './field-rules';
import { chineseDate } from '@/format/dates';
import { formsText } from './text';

/** A typed value as the check page shows it: in full, since checking it is the point of that page. */
export function displayValue(field: FieldDefinition, raw: string | undefined): string {
  const value = (raw ?? '').trim();
  if (value === '') return formsText.notFilled;
  if (field.type === 'boolean') return value === 'true' ? formsText.yes : formsText.no;
  if (field.type === 'date') return chineseDate(value);
  return value;
}

import type { Schema } from '@/api/client';
import type { FieldProblem } from '@/api/problem';
import { formsText } from './text';

/**
 * The item's form as the guide defines it (formFields), checked in the browser by the same rules the API applies
 * (functions/intake/domain/case/submission.ts), so most mistakes are shown before anything is sent. The API stays the
 * judge: its FORM_INVALID details are mapped back onto the same fields.
 */
export type FieldDefinition = Schema<'ItemGuide'>['formFields'][number];
/** What the applicant typed, per field key, as the inputs hold it (strings); converted to typed values when sent. */
export type FieldValues = Record<string, string>;
/** One message per field key. */
export type FieldErrors = Record<string, string>;

export const TEXT_LIMIT = 500;
const ID_NUMBER = /^\d{17}[\dX]$/;
const PHONE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isIdNumber = (value: string) => ID_NUMBER.test(value.trim().toUpperCase());
export const isPhone = (value: string) => PHONE.test(value.trim());

/** Why the typed value does not fit its field, or undefined when it fits. */
export function fieldError(field: FieldDefinition, raw: string | undefined): string | undefined {
  const value = (raw ?? '').trim();
  const { errors } = formsText;
  if (value === '')
    return field.required ? (field.type === 'select' || field.type === 'boolean' ? errors.chooseRequired : errors.required)(field.label) : undefined;
  switch (field.type) {
    case 'number':
      return Number.isFinite(Number(value)) ? undefined : errors.number(field.label);
    case 'date':
      return DATE.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : errors.date(field.label);
    case 'select':
      return (field.options ?? []).includes(value) ? undefined : errors.select(field.label);
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : errors.chooseRequired(field.label);
    case 'idNumber':
      return isIdNumber(value) ? undefined : errors.idNumber(field.label);
    case 'phone':
      return isPhone(value) ? undefined : errors.phone(field.label);
    default:
      return [...value].length <= TEXT_LIMIT ? undefined : errors.tooLong(field.label, TEXT_LIMIT);
  }
}

export function formErrors(fields: readonly FieldDefinition[], values: FieldValues): FieldErrors {
  const found: FieldErrors = {};
  for (const field of fields) {
    const problem = fieldError(field, values[field.key]);
    if (problem) found[field.key] = problem;
  }
  return found;
}

/** The `formData` the API takes: typed values, empty optional fields left out. */
export function formDataOf(fields: readonly FieldDefinition[], values: FieldValues): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const value = (values[field.key] ?? '').trim();
    if (value === '') continue;
    if (field.type === 'number') data[field.key] = Number(value);
    else if (field.type === 'boolean') data[field.key] = value === 'true';
    else if (field.type === 'idNumber') data[field.key] = value.toUpperCase();
    else data[field.key] = value;
  }
  return data;
}

/** The Chinese half of an API detail message ("项目名称为必填项 / required"). */
export const chineseOf = (message: string) => message.split(' / ')[0] ?? message;

/**
 * The API's details that concern one part of the request body, keyed by the rest of their path: `formData.projectName`
 * (FORM_INVALID) and `body.applicant.phone` (schema validation) both name a field under a part.
 */
export function detailsUnder(details: readonly FieldProblem[], part: string): FieldErrors {
  const found: FieldErrors = {};
  for (const detail of details) {
    const path = detail.path.replace(/^body\./, '');
    if (path.startsWith(`${part}.`)) found[path.slice(part.length + 1)] ??= chineseOf(detail.message);
  }
  return found;
}

/** Submission (申请): the form checked against the item's configured fields, and the case opened under the item's current version. */

import type { CaseEvent } from '../../../kernel/events/case-events';
import { ValidationError } from '../../../shared/errors';
import type { PublishedItem } from '../../../catalogue/domain/service-item';
import type { FormField } from '../../../catalogue/domain/tenant-config/index';
import type { Applicant, ApplicantAccount, Case, Channel, Commitment } from './model';

export interface NewCaseInput {
  readonly tenantId: string;
  readonly caseId: string;
  readonly item: PublishedItem;
  readonly channel: Channel;
  readonly window?: { readonly windowId: string; readonly clerk: string };
  readonly applicant: Applicant;
  readonly applicantAccount?: ApplicantAccount;
  readonly queryCodeDigest?: string;
  readonly formData: Readonly<Record<string, unknown>>;
  readonly commitment?: Commitment;
}

const ID_NUMBER = /^\d{17}[\dX]$/;
const PHONE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day that exists (2026-02-28, not 2026-02-30, which `Date.parse` would roll over to March). */
function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why a value does not fit its configured field, or undefined when it fits. */
function fieldProblem(field: FormField, value: unknown): string | undefined {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : '应为数字 / must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : '应为是或否 / must be true or false';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? undefined : '应为日期 YYYY-MM-DD / must be a date YYYY-MM-DD';
    case 'select':
      return typeof value === 'string' && (field.options ?? []).includes(value)
        ? undefined
        : `应为以下之一：${(field.options ?? []).join('、')} / must be one of the options`;
    case 'idNumber':
      return typeof value === 'string' && ID_NUMBER.test(value.toUpperCase()) ? undefined : '应为18位公民身份号码 / must be an 18-character citizen ID number';
    case 'phone':
      return typeof value === 'string' && PHONE.test(value) ? undefined : '应为手机或座机号码 / must be a mobile or landline number';
    default:
      return typeof value === 'string' && value.length <= 500 ? undefined : '应为不超过500字的文本 / must be text of at most 500 characters';
  }
}

/**
 * The form is checked against the item's configured fields only: nothing the guide does not ask for
 * is accepted (seed 004 art.7), every required field is present, and every value fits its type.
 */
function formProblems(fields: readonly FormField[], formData: Readonly<Record<string, unknown>>): { path: string; label: string; message: string }[] {
  const known = new Set(fields.map((field) => field.key));
  const unknown = Object.keys(formData)
    .filter((key) => !known.has(key))
    .map((key) => ({ path: `formData.${key}`, label: key, message: '办事指南未要求此项 / not a field of this item' }));
  const checked = fields.flatMap((field) => {
    const value = formData[field.key];
    const at = { path: `formData.${field.key}`, label: field.label };
    if (value === undefined || value === '' || value === null) return field.required ? [{ ...at, message: `${field.label}为必填项 / required` }] : [];
    const problem = fieldProblem(field, value);
    return problem ? [{ ...at, message: `${field.label}${problem}` }] : [];
  });
  return [...unknown, ...checked];
}

/** Refuses, with every problem at once, a form that does not fit the item's configured fields. */
export function validateForm(item: Pick<PublishedItem, 'formFields'>, formData: Readonly<Record<string, unknown>>): void {
  const problems = formProblems(item.formFields, formData);
  if (problems.length > 0) {
    throw new ValidationError(
      `申请表有${problems.length}处不符合要求：${problems.map((problem) => problem.label).join('、')}`,
      `The application form has ${problems.length} problem(s): ${problems.map((problem) => problem.path).join(', ')}`,
      problems.map(({ path, message }) => ({ path, message })),
      'FORM_INVALID',
    );
  }
}

/** Opens a case under the item's current version; refuses a form that lacks required fields. */
export function submitCase(input: NewCaseInput, now: string, eventId: string): { case: Case; event: CaseEvent } {
  validateForm(input.item, input.formData);
  if (input.commitment && !input.item.commitmentAllowed) {
    throw new ValidationError(
      '该事项不适用告知承诺制',
      'This item does not allow a commitment (告知承诺) instead of proofs',
      [{ path: 'commitment', message: 'not allowed for this item' }],
      'COMMITMENT_NOT_ALLOWED',
    );
  }
  const created: Case = {
    tenantId: input.tenantId,
    caseId: input.caseId,
    itemCode: input.item.code,
    itemName: input.item.name,
    itemVersion: input.item.version,
    ...(input.item.bundleOf ? { bundleOf: input.item.bundleOf } : {}),
    channel: input.channel,
    ...(input.window ? { window: input.window } : {}),
    ...(input.commitment ? { commitment: input.commitment } : {}),
    applicant: input.applicant,
    ...(input.applicantAccount ? { applicantAccount: input.applicantAccount } : {}),
    ...(input.queryCodeDigest ? { queryCodeDigest: input.queryCodeDigest } : {}),
    formData: input.formData,
    status: 'submitted',
    createdAt: now,
    receivedAt: now,
    updatedAt: now,
    promisedDays: input.item.promisedDays,
    noticeDays: input.item.noticeDays,
    tasks: [],
    revision: 1,
  };
  return {
    case: created,
    event: {
      eventId,
      caseId: input.caseId,
      type: 'CaseSubmitted',
      at: now,
      // the clerk of record at a window (their 工号 from the token), the applicant online
      actor: input.channel === 'online' ? 'applicant' : (input.window?.clerk ?? 'window'),
      detail: {
        itemCode: input.item.code,
        itemVersion: input.item.version,
        channel: input.channel,
        ...(input.item.bundleOf ? { bundleOf: input.item.bundleOf.map((member) => member.code) } : {}),
      },
    },
  };
}

/**
 * A new receipt query code for a case whose filing reply was lost (the call died after the case was stored): the first
 * code reached nobody, so it is replaced rather than kept as a code nobody holds. Only the digest is stored.
 */
export function reissueQueryCode(current: Case, queryCodeDigest: string, now: string): Case {
  return { ...current, queryCodeDigest, updatedAt: now, revision: current.revision + 1 };
}

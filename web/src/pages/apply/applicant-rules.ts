import { type FieldErrors, isIdNumber, isPhone } from '@/components/forms/field-rules';
import { type ApplicantEntry, idDigestOf } from './draft';
import { applyText } from './text';

const { errors, idTypes } = applyText.applicant;
const [residentIdCard] = idTypes;

/**
 * The applicant as the API checks it (kernel/applicant.ts), and, when the account's token carries its ID digest, that
 * the ID is the account holder's own: online one files in one's own name (APPLICANT_NOT_ACCOUNT_HOLDER otherwise).
 */
export async function applicantErrors(applicant: ApplicantEntry, accountIdDigest: string | undefined): Promise<FieldErrors> {
  const found: FieldErrors = {};
  const idNumber = applicant.idNumber.trim();
  if (applicant.name.trim() === '') found.name = errors.name;
  if (applicant.idType === '') found.idType = errors.idType;
  if (idNumber === '') found.idNumber = errors.idNumber;
  else if (idNumber.length < 6 || idNumber.length > 32) found.idNumber = errors.idNumberFormat;
  else if (applicant.idType === residentIdCard && !isIdNumber(idNumber)) found.idNumber = errors.idNumber18;
  else if (applicant.idType !== '' && accountIdDigest && (await idDigestOf(applicant.idType, idNumber)) !== accountIdDigest)
    found.idNumber = errors.notAccountHolder;
  if (applicant.phone.trim() === '') found.phone = errors.phone;
  else if (!isPhone(applicant.phone)) found.phone = errors.phoneFormat;
  return found;
}

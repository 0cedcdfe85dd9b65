/**
 * Prints an ID token of the running local platform (`npm start`), for curl:
 *
 *   npm run token -- --citizen <phone>
 *   npm run token -- --staff <工号> --tenant <county code>
 *
 * It signs in the way a person does, through the local identity provider's real authorization code + PKCE flow,
 * reading the one-time code from the local SMS outbox (infra/local/sign-in.ts). Staff accounts come from
 * config/local/staff.yaml, real-name citizens from config/local/citizens.yaml (any other phone signs in as a
 * self-registered L2 account). The token alone goes to stdout, so `TOKEN=$(npm run --silent token -- …)` works.
 * Data directory: TONGBAN_DATA_DIR (default .data). Exit codes: 0 printed; 1 sign-in refused; 2 bad arguments or
 * no running platform.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { environmentNames } from '../functions/shared/environment-names';
import { SignInError, signInCitizen, signInStaff } from '../infra/local/sign-in';

const usage = '用法 / usage: npm run token -- --citizen <phone> | --staff <工号> --tenant <county code>';

/** English for the refusals the sign-in pages state in Chinese. */
const english: Readonly<Record<string, string>> = {
  UNKNOWN_STAFF: 'No such staff account: check the county code and 工号 (accounts: config/local/staff.yaml)',
  INVALID_PHONE: 'Not an 11-digit mainland mobile number',
  INVALID_TENANT: 'The county code must be 6 digits',
  MISSING_STAFF_ID: 'The 工号 is missing',
  CODE_LOCKED: 'The open code was locked after 5 wrong tries; wait a minute and try again',
};

async function main(): Promise<number> {
  let values: { citizen?: string; staff?: string; tenant?: string };
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: { citizen: { type: 'string' }, staff: { type: 'string' }, tenant: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`✗ 参数有误 / Bad arguments: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  const citizen = values.citizen !== undefined;
  const staff = values.staff !== undefined || values.tenant !== undefined;
  if (citizen === staff || (staff && (!values.staff || !values.tenant))) {
    console.error(usage);
    return 2;
  }
  const dataDir = process.env[environmentNames.dataDir] ?? join(__dirname, '..', '.data');
  try {
    const token = citizen
      ? await signInCitizen({ dataDir, phone: values.citizen as string })
      : await signInStaff({ dataDir, tenantId: values.tenant as string, staffId: values.staff as string });
    process.stdout.write(`${token}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    const translation = english[error.code];
    console.error(`✗ ${error.message}${translation ? ` / ${translation}` : ''}`);
    return ['PLATFORM_NOT_RUNNING', 'PLATFORM_WITHOUT_SIGN_IN', 'PROVIDER_UNREACHABLE'].includes(error.code) ? 2 : 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`✗ ${error.message}`);
    process.exit(2);
  },
);

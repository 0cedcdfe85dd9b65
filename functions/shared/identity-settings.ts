import { z } from 'zod';
import { environmentNames } from './environment-names';

/**
 * Where the claims of a verified ID token come from, per audience. A deployment names its issuers and
 * claim names once (config/deployments/<name>.yaml); the stacks hand them to every HTTP function as
 * JSON in `IDENTITY_SETTINGS`, and the local platform does the same for its own provider. The edge
 * (functions/shared/http.ts) reads a principal out of the claims by these names, so a province's
 * identity platform with other claim names needs a deployment file, not a code change.
 */
const citizenClaimsSchema = z.object({
  /** The provider's stable id of the person or organisation (`sub`). */
  subject: z.string().min(1).default('sub'),
  /** 实名等级: how well the provider checked who this is (for example L2 self-declared, L3 name and ID checked). */
  trustLevel: z.string().min(1).default('custom:trustLevel'),
  /**
   * The ID digest the provider gives for a real-name account: lowercase hex SHA-256 of `<idType>|<ID number in upper case>`
   * (`nationalIdDigest` in functions/kernel/applicant.ts). Absent for accounts without a checked identity.
   */
  idDigest: z.string().min(1).default('custom:idDigest'),
  /** `person` or `organisation` (自然人 / 法人). */
  subjectType: z.string().min(1).default('custom:subjectType'),
  name: z.string().min(1).default('name'),
});

const staffClaimsSchema = z.object({
  tenantId: z.string().min(1).default('custom:tenantId'),
  staffId: z.string().min(1).default('custom:staffId'),
  /** The role; may be a list claim (Cognito groups), in which case the first known role in it counts. */
  role: z.string().min(1).default('cognito:groups'),
  deptId: z.string().min(1).default('custom:deptId'),
  name: z.string().min(1).default('name'),
});

const audienceSchema = <C extends z.ZodType>(claims: C) =>
  z.object({
    /** `iss` of the tokens; a token of another issuer is not of this audience. */
    issuer: z.string().min(1),
    /** `aud` (or Cognito's `client_id`) the tokens are issued for: the app clients of this audience. */
    audiences: z.array(z.string().min(1)).min(1),
    claims,
  });

export const identitySettingsSchema = z.object({
  citizen: audienceSchema(citizenClaimsSchema.prefault({})),
  staff: audienceSchema(staffClaimsSchema.prefault({})),
});

export type IdentitySettings = z.infer<typeof identitySettingsSchema>;
export type IdentityAudience = keyof IdentitySettings;
export type CitizenClaimNames = IdentitySettings['citizen']['claims'];
export type StaffClaimNames = IdentitySettings['staff']['claims'];

let cached: { text: string; settings: IdentitySettings } | undefined;

/**
 * The settings of this function, or undefined where none are set (functions that are not on a signed-in
 * route). Parsed once per cold start; a malformed value is a deployment error and fails loudly.
 */
export function identitySettings(): IdentitySettings | undefined {
  const text = process.env[environmentNames.identitySettings];
  if (!text) return undefined;
  if (cached?.text !== text) cached = { text, settings: identitySettingsSchema.parse(JSON.parse(text)) };
  return cached.settings;
}

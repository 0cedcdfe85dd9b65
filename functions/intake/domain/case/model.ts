/** The case (办件) as stored: its status, applicant, notices, commitment and the department tasks it routes to. */

import type { TrustLevel } from '../../../kernel/principal';
import type { PublishedItem } from '../../../catalogue/domain/service-item';

import type { CaseStatus } from '../../../kernel/case-vocabulary';

export type { CaseStatus };

export type Channel = 'online' | 'window';

export interface Applicant {
  readonly kind: 'person' | 'organisation';
  readonly name: string;
  readonly idType: string;
  readonly idNumber: string;
  readonly phone: string;
}

export interface CaseTaskRef {
  readonly taskId: string;
  readonly deptId: string;
  readonly lead: boolean;
}

export type NoticeKind = 'acceptance' | 'supplement' | 'rejection' | 'return';

export interface SupplementItem {
  readonly materialId: string;
  readonly reason: string;
}

/** A written notice to the applicant (受理通知书, 一次性告知书, 不予受理通知书, 退件通知). */
export interface CaseNotice {
  readonly noticeNo: string;
  readonly kind: NoticeKind;
  readonly issuedAt: string;
  readonly items?: readonly SupplementItem[];
  readonly reason?: string;
}

/** 告知承诺: the applicant's signed commitment that stands in for proofs, verified after approval. */
export interface Commitment {
  readonly statement: string;
  readonly signedBy: string;
  readonly signedAt: string;
}

export interface DeferredMaterials {
  readonly materialIds: readonly string[];
  readonly commitment: { readonly statement: string; readonly signedBy: string; readonly signedAt: string };
}

export interface PostVerification {
  readonly status: 'pending' | 'confirmed' | 'false-commitment';
  readonly verifiedAt?: string;
  readonly verifier?: string;
  readonly note?: string;
}

/** The citizen account behind an online application, as its token said at filing. */
export interface ApplicantAccount {
  readonly subject: string;
  readonly trustLevel: TrustLevel;
  readonly idDigest?: string;
}

export interface Case {
  readonly tenantId: string;
  readonly caseId: string;
  readonly itemCode: string;
  readonly itemName: string;
  readonly itemVersion: number;
  /** A 一件事 case: the items (at their versions) its bundle stands for. */
  readonly bundleOf?: PublishedItem['bundleOf'];
  readonly channel: Channel;
  /** Window intake: the window and the clerk who filed for the applicant. */
  readonly window?: { readonly windowId: string; readonly clerk: string };
  readonly applicant: Applicant;
  /** The signed-in account that filed the case online (absent at a window): the applicant's actions need it, or the applicant's checked ID. */
  readonly applicantAccount?: ApplicantAccount;
  /** Digest of the receipt's query code (查询码) for the public progress lookup; the code itself is shown once, at filing. */
  readonly queryCodeDigest?: string;
  readonly formData: Readonly<Record<string, unknown>>;
  readonly commitment?: Commitment;
  /** 容缺受理: materials the window accepted the case without, on the applicant's commitment to supply them. */
  readonly deferredMaterials?: DeferredMaterials;
  readonly postVerification?: PostVerification;
  /** A false commitment revoked the approval; recorded for the credit system (信用记录). */
  readonly creditRecord?: { readonly recordedAt: string; readonly reason: string };
  readonly status: CaseStatus;
  readonly createdAt: string;
  /** When the complete application was received: filing, or the supplement that completed it. */
  readonly receivedAt?: string;
  readonly updatedAt: string;
  readonly acceptedAt?: string;
  /** Accepted by the timer because no decision came within the notice window (视为受理). */
  readonly deemedAccepted?: boolean;
  readonly notices?: readonly CaseNotice[];
  readonly promisedDays: number;
  /** One-time-notice window of the item version (1 or 5 working days from receipt). */
  readonly noticeDays: 1 | 5;
  readonly promisedDeadline?: string;
  /** The one-time-notice deadline, stored only once a holiday notice moved it (otherwise counted on read). */
  readonly noticeDeadline?: string;
  readonly approvalStartedAt?: string;
  readonly completedAt?: string;
  readonly outcomeReason?: string;
  /** With a denial: the applicant's right to reconsideration or litigation. */
  readonly rightsNotice?: string;
  readonly tasks: readonly CaseTaskRef[];
  /** Optimistic lock: every stored change increments it and is conditional on the previous value. */
  readonly revision: number;
}

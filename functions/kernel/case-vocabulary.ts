/**
 * Words about a case that several contexts use: its statuses and their labels, the rights notice that goes with a
 * refusal, the touchpoints at which an applicant may rate. The case aggregate (functions/intake/domain/case) owns the
 * transitions; this is only the vocabulary, so a context that names a status does not carry the aggregate with it.
 */

export type CaseStatus = 'submitted' | 'supplement_requested' | 'accepted' | 'in_approval' | 'completed' | 'denied' | 'rejected' | 'returned' | 'revoked';

const statusLabel: Readonly<Record<CaseStatus, string>> = {
  submitted: '已提交待受理',
  supplement_requested: '待补正材料',
  accepted: '已受理',
  in_approval: '审批中',
  completed: '已办结',
  denied: '不予许可',
  rejected: '不予受理',
  returned: '已退件',
  revoked: '已撤销许可',
};

export const caseStatusLabel = (status: CaseStatus): string => statusLabel[status];

/** With a denial (行政复议法, 行政诉讼法): the applicant's right to reconsideration or litigation. */
export const RECONSIDERATION_RIGHTS = '如不服本决定，可自收到之日起六十日内依法申请行政复议，或者自收到之日起六个月内依法向人民法院提起行政诉讼。';

/** Service touchpoints at which an applicant may rate (好差评): after acceptance, after the case ended, after a refusal. */
export const reviewTouchpoints = ['acceptance', 'completion', 'refusal'] as const;

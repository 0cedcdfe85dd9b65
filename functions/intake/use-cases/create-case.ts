/** Create a case (申请): an application filed online by the applicant, or at a window by a clerk for a walk-in applicant. */

import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { nationalIdDigest } from '../../kernel/applicant';
import { authorize, realNameDigest } from '../../kernel/permissions';
import type { RequestContext } from '../../shared/request-context';
import { ForbiddenError, notFound, RuleNotSatisfiableError, ValidationError } from '../../shared/errors';
import { type ApplicantAccount, type Case, reissueQueryCode, submitCase } from '../domain/case';
import { newQueryCode, queryCodeDigest } from '../domain/query-code';
import { armAcceptanceTimer } from './acceptance-timer';
import type { IntakeDependencies } from './dependencies';
import type { createCaseBody } from './requests';
import { loadCase } from './support';

type Filing = { channel: 'online'; account: ApplicantAccount } | { channel: 'window'; window: { windowId: string; clerk: string } };

/**
 * Who files decides how: a citizen's token files online in their own name (a real-name account whose ID is the
 * applicant's), a window clerk's token files at their window for the person in front of them.
 */
function filingOf(ctx: RequestContext, input: z.infer<typeof createCaseBody>): Filing {
  if (ctx.principal.kind === 'staff') {
    authorize(ctx.principal, 'case.file-at-window');
    if (!input.window) {
      throw new ValidationError(
        '窗口收件须填写窗口编号',
        'Filing at a window needs the windowId',
        [{ path: 'body.window.windowId', message: 'required' }],
        'WINDOW_REQUIRED',
      );
    }
    return { channel: 'window', window: { windowId: input.window.windowId, clerk: ctx.principal.staff.staffId } };
  }
  authorize(ctx.principal, 'case.file-online');
  const idDigest = realNameDigest(ctx.principal);
  if (nationalIdDigest(input.applicant.idType, input.applicant.idNumber) !== idDigest) {
    throw new ForbiddenError(
      '网上申报只能以本人（本单位）名义提交：申请人证件与登录账号的实名信息不一致',
      "Online, one applies in one's own name: the applicant's ID is not the signed-in account's",
      'APPLICANT_NOT_ACCOUNT_HOLDER',
    );
  }
  const citizen = ctx.citizen as NonNullable<RequestContext['citizen']>;
  return { channel: 'online', account: { subject: citizen.subject, trustLevel: citizen.trustLevel, idDigest } };
}

/**
 * Primary course: the applicant (or a window clerk for them) files an application for a published
 * item; the case is stored with its first timeline event and waits for acceptance review. The reply
 * carries the receipt's query code once: only its digest is kept.
 */
export async function createCase(
  deps: Pick<IntakeDependencies, 'cases' | 'catalogue' | 'tenants' | 'clock' | 'ids' | 'monitor' | 'acceptanceTimer' | 'calendar'>,
  ctx: RequestContext,
  input: z.infer<typeof createCaseBody>,
) {
  const filing = filingOf(ctx, input);
  const code = (input.itemCode ?? input.bundleCode) as string;
  const [tenant, item] = await Promise.all([deps.tenants.profile(ctx.tenantId), deps.catalogue.publishedItem(ctx.tenantId, code)]);
  if (!tenant) throw notFound.tenant(ctx.tenantId);
  if (filing.channel === 'window' && !tenant.halls.some((hall) => hall.windows.some((window) => window.windowId === filing.window.windowId))) {
    throw new ValidationError(
      `本县（区）没有该窗口：${filing.window.windowId}`,
      `No such window in this county: ${filing.window.windowId}`,
      [{ path: 'body.window.windowId', message: 'not a window of the county halls' }],
      'UNKNOWN_WINDOW',
    );
  }
  if (!item || (input.bundleCode !== undefined && !item.bundleOf)) throw input.bundleCode !== undefined ? notFound.bundle(code) : notFound.item(code);
  if (filing.channel === 'online' && item.onlineAllowed === false) {
    // the guide tells applicants this item is handled at a window only (e.g. it needs the original documents seen)
    throw new RuleNotSatisfiableError(
      `「${item.name}」须到政务服务大厅窗口办理，不能网上申报`,
      `${item.code} is handled at a window only`,
      'ONLINE_NOT_ALLOWED',
    );
  }
  const now = deps.clock.now().toISOString();
  const caseId = deps.ids.next();
  const queryCode = newQueryCode((below) => randomInt(below));
  const submitted = submitCase(
    {
      tenantId: ctx.tenantId,
      caseId,
      item,
      channel: filing.channel,
      applicant: input.applicant,
      formData: input.formData,
      ...(filing.channel === 'window' ? { window: filing.window } : { applicantAccount: filing.account }),
      queryCodeDigest: queryCodeDigest(caseId, queryCode),
      ...(input.commitment ? { commitment: input.commitment } : {}),
    },
    now,
    deps.ids.next(),
  );
  await deps.cases.create(submitted.case, submitted.event);
  const timer = await armAcceptanceTimer(deps, submitted.case, tenant);
  return filedReply(submitted.case, timer.noticeDeadline, queryCode);
}

const filedReply = (filed: Case, noticeDeadline: string | null, queryCode: string) => ({
  caseId: filed.caseId,
  status: filed.status,
  channel: filed.channel,
  itemVersion: filed.itemVersion,
  createdAt: filed.createdAt,
  noticeDeadline,
  receipt: { caseId: filed.caseId, queryCode, hint: '凭办件编号和查询码可在“办件进度查询”中查看进度，请妥善保管' },
});

/**
 * The reply to a retried filing whose first call stored the case and died before answering: the same case, its timer
 * armed (harmless if it was), and a new query code, since the first one never reached the applicant.
 */
export async function replayFiling(
  deps: Pick<IntakeDependencies, 'cases' | 'tenants' | 'clock' | 'monitor' | 'acceptanceTimer' | 'calendar'>,
  ctx: RequestContext,
  caseId: string,
) {
  const filed = await loadCase(deps.cases, ctx, caseId);
  const queryCode = newQueryCode((below) => randomInt(below));
  const reissued = reissueQueryCode(filed, queryCodeDigest(caseId, queryCode), deps.clock.now().toISOString());
  await deps.cases.save(reissued, []);
  const timer = reissued.status === 'submitted' ? await armAcceptanceTimer(deps, reissued) : { noticeDeadline: reissued.noticeDeadline ?? null };
  return filedReply(reissued, timer.noticeDeadline, queryCode);
}

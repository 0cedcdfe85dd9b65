import type { Case, CaseNotice } from './case';

const titles: Record<CaseNotice['kind'], string> = {
  acceptance: '受理通知书（电子回执）',
  supplement: '补正材料一次性告知书',
  rejection: '不予受理通知书',
  return: '退件通知书',
};

/** Port: where issued notices are archived (S3 on both targets). Returns the document's storage key. */
export interface NoticeArchive {
  archive(current: Case, notice: CaseNotice, document: NoticeDocument): Promise<string>;
}

export interface NoticeDocument {
  readonly title: string;
  readonly noticeNo: string;
  readonly issuedAt: string;
  readonly tenantId: string;
  readonly caseId: string;
  readonly item: { readonly code: string; readonly name: string; readonly version: number };
  readonly applicantName: string;
  readonly text: string;
  readonly items?: CaseNotice['items'];
}

/** The written notice as the applicant receives it; pure, so its wording is tested. */
export function noticeDocument(current: Case, notice: CaseNotice): NoticeDocument {
  const lines: Record<CaseNotice['kind'], string> = {
    acceptance: `您申请的「${current.itemName}」已于${notice.issuedAt.slice(0, 10)}受理，办件编号 ${current.caseId}。`,
    supplement: `您申请的「${current.itemName}」材料不全或不符合法定形式，请一次性补正以下材料：${(notice.items ?? []).map((item) => `${item.materialId}（${item.reason}）`).join('；')}。补正齐全之日起受理。`,
    rejection: `您申请的「${current.itemName}」不予受理，理由：${notice.reason ?? ''}。如不服，可依法申请行政复议或提起行政诉讼。`,
    return: `您申请的「${current.itemName}」已退件，理由：${notice.reason ?? ''}。`,
  };
  return {
    title: titles[notice.kind],
    noticeNo: notice.noticeNo,
    issuedAt: notice.issuedAt,
    tenantId: current.tenantId,
    caseId: current.caseId,
    item: { code: current.itemCode, name: current.itemName, version: current.itemVersion },
    applicantName: current.applicant.name,
    text: lines[notice.kind],
    ...(notice.items ? { items: notice.items } : {}),
  };
}

import { readFileSync } from 'node:fs';
import { anApplicant, aPublishedItem } from '../support/fixtures';
import { aPlatformForThisFile, applicantApi, eventually, staffApi } from './support/platform';

type Sent = { kind?: string; caseId: string; to: { phone: string }; text: string; sourceEventId: string };

describe('given an applicant whose case moves on', () => {
  const item = aPublishedItem({ tenantId: '522732' });
  const running = aPlatformForThisFile([item]);

  it('when the window accepts and then rejects another case, then each notice reaches the outbox once and is on the timeline', async () => {
    const { platform } = running;
    const applicant = await applicantApi(running, anApplicant());
    const window = await staffApi(running, '522732', 'CK-01');
    const accepted = await applicant.post<{ caseId: string }>('/v1/tenants/522732/cases', {
      itemCode: item.code,
      applicant: anApplicant(),
      formData: { businessName: '通知' },
    });
    await window.post(`/v1/tenants/522732/cases/${accepted.body.caseId}/acceptance`, { decision: 'accept' });
    const rejected = await applicant.post<{ caseId: string }>('/v1/tenants/522732/cases', {
      itemCode: item.code,
      applicant: anApplicant(),
      formData: { businessName: '通知二' },
    });
    await window.post(`/v1/tenants/522732/cases/${rejected.body.caseId}/acceptance`, { decision: 'reject', reason: '不属于本机关职权范围' });

    const outbox = platform.environment.NOTIFICATION_OUTBOX_FILE as string;
    const sent = await eventually(async () => {
      const lines = (() => {
        try {
          return (
            readFileSync(outbox, 'utf8')
              .trim()
              .split('\n')
              .map((line) => JSON.parse(line) as Sent)
              // the same outbox holds the sign-in codes of the local providers: not notices about cases
              .filter((line) => line.kind !== 'sign-in-code')
          );
        } catch {
          return [];
        }
      })();
      return lines.length >= 2 ? lines : undefined;
    });
    const forAccepted = sent.filter((notice) => notice.caseId === accepted.body.caseId);
    const forRejected = sent.filter((notice) => notice.caseId === rejected.body.caseId);
    expect(forAccepted).toHaveLength(1);
    expect(forAccepted[0]?.text).toContain('已受理');
    expect(forRejected[0]?.text).toContain('行政复议');
    expect(forAccepted[0]?.to.phone).toBe(anApplicant().phone);

    const timeline = await eventually(async () => {
      const view = await applicant.get<{ timeline: { type: string; detail: Record<string, unknown> }[] }>(`/v1/tenants/522732/cases/${accepted.body.caseId}`);
      const record = view.body.timeline.find((event) => event.type === 'NotificationSent');
      return record ? view.body.timeline : undefined;
    });
    const record = timeline.find((event) => event.type === 'NotificationSent');
    expect(record?.detail).toMatchObject({ channel: 'outbox', sourceType: 'CaseAccepted' });
    expect(JSON.stringify(record)).not.toContain(anApplicant().phone);
  });
});

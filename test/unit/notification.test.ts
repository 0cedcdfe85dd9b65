import { acceptCase, concludeApproval, refuseCase, submitCase } from '../../functions/intake/domain/case';
import { notificationFor, staffNotificationsFor } from '../../functions/notifications/domain/notification';
import { anApplicant, aPublishedItem } from '../support/fixtures';

const submitted = submitCase(
  { tenantId: '522732', caseId: 'C1', item: aPublishedItem(), channel: 'online', applicant: anApplicant(), formData: { businessName: 'x' } },
  '2026-11-23T02:00:00.000Z',
  'E1',
);

describe('given events of a case', () => {
  it('then an acceptance tells the applicant, in Chinese, by name, with the case number', () => {
    const { case: accepted, event } = acceptCase(
      submitted.case,
      { tasks: [{ taskId: 'T', deptId: 'D', lead: true }], actor: 'W' },
      '2026-11-23T03:00:00.000Z',
      'E2',
    );
    expect(notificationFor(accepted, event)).toMatchObject({
      to: { phone: anApplicant().phone },
      sourceEventId: 'E2',
      text: expect.stringMatching(/^【通办】韦小宝：.*已受理.*C1/),
    });
  });

  it('then a refusal states the reason and the right to reconsideration or litigation', () => {
    const { case: rejected, event } = refuseCase(submitted.case, 'reject', '不属于本机关职权范围', 'W', '2026-11-23T03:00:00.000Z', 'E2');
    expect(notificationFor(rejected, event)?.text).toMatch(/不属于本机关职权范围.*行政复议.*行政诉讼/);
  });

  it('then an internal step (the submission itself) calls for no notice', () => {
    expect(notificationFor(submitted.case, submitted.event)).toBeUndefined();
  });

  it('then a completion filed at a window tells that window to hand the result out within 3 working days; an online one tells no window', () => {
    const atWindow = submitCase(
      {
        tenantId: '522732',
        caseId: 'C2',
        item: aPublishedItem(),
        channel: 'window',
        window: { windowId: 'ZH-SCZR', clerk: 'W-07' },
        applicant: anApplicant(),
        formData: { businessName: 'x' },
      },
      '2026-11-23T02:00:00.000Z',
      'E1',
    );
    const accepted = acceptCase(atWindow.case, { tasks: [{ taskId: 'T', deptId: 'D', lead: true }], actor: 'W-07' }, '2026-11-23T03:00:00.000Z', 'E2');
    const completed = concludeApproval({ ...accepted.case, status: 'in_approval' }, [{ deptId: 'D', decision: 'approve' }], '2026-11-24T03:00:00.000Z', 'E3');
    expect(staffNotificationsFor(completed.case, completed.event)).toEqual([
      expect.objectContaining({ to: { staff: { role: 'window', windowId: 'ZH-SCZR', staffId: 'W-07' } }, text: expect.stringContaining('3个工作日内') }),
    ]);
    const online = concludeApproval(
      {
        ...acceptCase(submitted.case, { tasks: [{ taskId: 'T', deptId: 'D', lead: true }], actor: 'W' }, '2026-11-23T03:00:00.000Z', 'E2').case,
        status: 'in_approval',
      },
      [{ deptId: 'D', decision: 'approve' }],
      '2026-11-24T03:00:00.000Z',
      'E3',
    );
    expect(staffNotificationsFor(online.case, online.event)).toEqual([]);
  });
});

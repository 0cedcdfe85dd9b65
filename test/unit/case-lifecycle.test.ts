import { acceptCase, type Case, concludeApproval, markApprovalStarted, refuseCase, submitCase } from '../../functions/intake/domain/case';
import { InvalidTransitionError, ValidationError } from '../../functions/shared/errors';
import { anApplicant, aPublishedItem } from '../support/fixtures';

const NOW = '2026-11-23T02:00:00.000Z';

const aSubmittedCase = (): Case =>
  submitCase(
    { tenantId: '522732', caseId: 'CASE1', item: aPublishedItem(), channel: 'online', applicant: anApplicant(), formData: { businessName: '米粉店' } },
    NOW,
    'E1',
  ).case;

const tasks = [
  { taskId: 'T1', deptId: 'SCJGJ', lead: true },
  { taskId: 'T2', deptId: 'SWJ', lead: false },
];

describe('given an application for a published item', () => {
  describe('when the form has every required field', () => {
    it('then a submitted case is opened under the item version, with a CaseSubmitted event', () => {
      const result = submitCase(
        {
          tenantId: '522732',
          caseId: 'CASE1',
          item: aPublishedItem({ version: 3 }),
          channel: 'window',
          applicant: anApplicant(),
          formData: { businessName: '米粉店' },
        },
        NOW,
        'E1',
      );
      expect(result.case).toMatchObject({ status: 'submitted', itemVersion: 3, revision: 1, createdAt: NOW });
      expect(result.event).toMatchObject({ type: 'CaseSubmitted', actor: 'window', detail: { itemVersion: 3, channel: 'window' } });
    });

    it('then the timeline event carries no personal data', () => {
      const { event } = submitCase(
        { tenantId: '522732', caseId: 'C', item: aPublishedItem(), channel: 'online', applicant: anApplicant(), formData: { businessName: 'x' } },
        NOW,
        'E',
      );
      expect(JSON.stringify(event)).not.toContain(anApplicant().idNumber);
      expect(JSON.stringify(event)).not.toContain(anApplicant().phone);
    });
  });

  describe('when a required field is missing or empty', () => {
    it('then it is refused with FORM_INVALID naming the field in both languages', () => {
      const attempt = () =>
        submitCase(
          { tenantId: '522732', caseId: 'C', item: aPublishedItem(), channel: 'online', applicant: anApplicant(), formData: { businessName: '' } },
          NOW,
          'E',
        );
      expect(attempt).toThrow(ValidationError);
      try {
        attempt();
      } catch (error) {
        expect(error).toMatchObject({ code: 'FORM_INVALID', details: [{ path: 'formData.businessName' }] });
        expect((error as ValidationError).messageZh).toContain('个体工商户名称');
      }
    });
  });
});

describe('given an application whose form breaks the configured fields', () => {
  const item = aPublishedItem({
    formFields: [
      { key: 'businessName', label: '名称', type: 'text', required: true },
      { key: 'capital', label: '资金数额', type: 'number', required: true },
      { key: 'form', label: '组成形式', type: 'select', required: true, options: ['个人经营', '家庭经营'] },
      { key: 'operatorId', label: '经营者身份证号', type: 'idNumber', required: false },
      { key: 'openedOn', label: '开业日期', type: 'date', required: false },
    ],
  });

  it('when values have the wrong type or the form asks for more than the guide, then every problem is reported at once', () => {
    const attempt = () =>
      submitCase(
        {
          tenantId: '522732',
          caseId: 'C',
          item,
          channel: 'online',
          applicant: anApplicant(),
          formData: { businessName: '米粉店', capital: '五万', form: '合伙经营', operatorId: '12345', openedOn: '2026-13-45', favouriteColour: '红' },
        },
        NOW,
        'E',
      );
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'FORM_INVALID',
        details: expect.arrayContaining([
          expect.objectContaining({ path: 'formData.favouriteColour' }),
          expect.objectContaining({ path: 'formData.capital' }),
          expect.objectContaining({ path: 'formData.form' }),
          expect.objectContaining({ path: 'formData.operatorId' }),
          expect.objectContaining({ path: 'formData.openedOn' }),
        ]),
      }),
    );
  });

  it('when every value fits, then the case is opened', () => {
    const { case: opened } = submitCase(
      {
        tenantId: '522732',
        caseId: 'C',
        item,
        channel: 'online',
        applicant: anApplicant(),
        formData: { businessName: '米粉店', capital: 5, form: '个人经营', operatorId: '52273219900101123x', openedOn: '2026-11-20' },
      },
      NOW,
      'E',
    );
    expect(opened.status).toBe('submitted');
  });
});

describe('given a submitted case', () => {
  describe('when the window accepts it', () => {
    it('then it is accepted with its tasks and the promised deadline, revision advanced', () => {
      const { case: accepted, event } = acceptCase(aSubmittedCase(), { tasks, promisedDeadline: '2026-11-30T23:59:59+08:00', actor: 'W01' }, NOW, 'E2');
      expect(accepted).toMatchObject({ status: 'accepted', acceptedAt: NOW, promisedDeadline: '2026-11-30T23:59:59+08:00', revision: 2 });
      expect(accepted.tasks).toHaveLength(2);
      expect(event).toMatchObject({ type: 'CaseAccepted', actor: 'W01', detail: { departments: ['SCJGJ', 'SWJ'] } });
    });

    it('then an item without departments cannot be accepted', () => {
      expect(() => acceptCase(aSubmittedCase(), { tasks: [], actor: 'W01' }, NOW, 'E2')).toThrow(InvalidTransitionError);
    });
  });

  describe('when the window rejects (不予受理) or returns (退件) it', () => {
    it.each([
      ['reject', 'rejected', 'CaseRejected'],
      ['return', 'returned', 'CaseReturned'],
    ] as const)('then %s records the reason and ends as %s', (kind, status, type) => {
      const { case: refused, event } = refuseCase(aSubmittedCase(), kind, '不属于本机关职权范围', 'W01', NOW, 'E2');
      expect(refused).toMatchObject({ status, outcomeReason: '不属于本机关职权范围' });
      expect(event.type).toBe(type);
    });
  });
});

describe('given a case already accepted', () => {
  const accepted = () => acceptCase(aSubmittedCase(), { tasks, actor: 'W01' }, NOW, 'E2').case;

  it('then accepting again is an invalid transition (409 material)', () => {
    expect(() => acceptCase(accepted(), { tasks, actor: 'W01' }, NOW, 'E3')).toThrow(expect.objectContaining({ code: 'CASE_STATE_CONFLICT' }));
  });

  it('then rejecting it is an invalid transition', () => {
    expect(() => refuseCase(accepted(), 'reject', 'x', 'W01', NOW, 'E3')).toThrow(InvalidTransitionError);
  });

  it('then starting approval moves it to in_approval once, and only once', () => {
    const started = markApprovalStarted(accepted(), 'arn:execution', NOW, 'E3').case;
    expect(started.status).toBe('in_approval');
    expect(() => markApprovalStarted(started, 'arn:execution', NOW, 'E4')).toThrow(InvalidTransitionError);
  });
});

describe('given a case in approval', () => {
  const inApproval = () => markApprovalStarted(acceptCase(aSubmittedCase(), { tasks, actor: 'W01' }, NOW, 'E2').case, 'x', NOW, 'E3').case;

  describe('when every department approved', () => {
    it('then the join completes the case', () => {
      const { case: done, event } = concludeApproval(
        inApproval(),
        [
          { deptId: 'SCJGJ', decision: 'approve' },
          { deptId: 'SWJ', decision: 'approve' },
        ],
        NOW,
        'E4',
      );
      expect(done).toMatchObject({ status: 'completed', completedAt: NOW });
      expect(event.type).toBe('CaseCompleted');
    });
  });

  describe('when one department denied', () => {
    it('then the case ends denied with that department and its reason', () => {
      const { case: done, event } = concludeApproval(
        inApproval(),
        [
          { deptId: 'SCJGJ', decision: 'approve' },
          { deptId: 'SWJ', decision: 'deny', reason: '存在欠税' },
        ],
        NOW,
        'E4',
      );
      expect(done.status).toBe('denied');
      expect(done.outcomeReason).toContain('SWJ');
      expect(done.outcomeReason).toContain('存在欠税');
      expect(event.type).toBe('CaseDenied');
    });
  });
});

import {
  acceptCase,
  checkDeferrable,
  completeOnTheSpot,
  deemAccepted,
  noticeNumber,
  requestSupplement,
  resubmitCase,
  submitCase,
} from '../../functions/intake/domain/case';
import { noticeDocument } from '../../functions/intake/domain/notices';
import { InvalidTransitionError } from '../../functions/shared/errors';
import { anApplicant, aPublishedItem } from '../support/fixtures';

const RECEIVED = '2026-11-23T02:00:00.000Z';
const submitted = () =>
  submitCase(
    {
      tenantId: '522732',
      caseId: '01M851TX2Q09H4XXEDYSTXJVQW',
      item: aPublishedItem(),
      channel: 'online',
      applicant: anApplicant(),
      formData: { businessName: 'x' },
    },
    RECEIVED,
    'E1',
  ).case;
const missing = [
  { materialId: 'PREMISES_PROOF', reason: '缺少经营场所使用证明' },
  { materialId: 'ID_CARD', reason: '身份证复印件不清晰' },
];

describe('given a submitted application with missing materials (一次性告知)', () => {
  it('then ONE notice lists every missing material with its reason, and the case waits for the supplement', () => {
    const { case: waiting, event, notice } = requestSupplement(submitted(), missing, 'W01', '2026-11-23T03:00:00.000Z', 'E2');
    expect(waiting.status).toBe('supplement_requested');
    expect(notice).toMatchObject({ kind: 'supplement', items: missing, noticeNo: 'BZ52273220261123YSTXJVQW' });
    expect(event).toMatchObject({ type: 'SupplementRequested', detail: { materials: ['PREMISES_PROOF', 'ID_CARD'] } });
    expect(noticeDocument(waiting, notice).text).toContain('缺少经营场所使用证明');
  });

  it('then after the applicant supplements, a second supplement notice is refused', () => {
    const first = requestSupplement(submitted(), missing, 'W01', '2026-11-23T03:00:00.000Z', 'E2').case;
    const resubmitted = resubmitCase(first, { businessName: 'y' }, '2026-11-25T02:00:00.000Z', 'E3').case;
    expect(resubmitted).toMatchObject({ status: 'submitted', receivedAt: '2026-11-25T02:00:00.000Z', formData: { businessName: 'y' } });
    expect(() => requestSupplement(resubmitted, missing, 'W01', '2026-11-25T03:00:00.000Z', 'E4')).toThrow(
      expect.objectContaining({ code: 'SUPPLEMENT_ALREADY_NOTIFIED' }),
    );
  });

  it('then resubmitting a case that was not asked for a supplement is an invalid transition', () => {
    expect(() => resubmitCase(submitted(), undefined, RECEIVED, 'E2')).toThrow(InvalidTransitionError);
  });
});

describe('given no decision within the notice window', () => {
  it('then the case is deemed accepted, dated from the receipt of the complete application, notice stage overdue', () => {
    const { case: deemed, event } = deemAccepted(
      submitted(),
      { tasks: [{ taskId: 'T1', deptId: 'SCJGJ', lead: true }], actor: 'system' },
      '2026-11-24T23:59:59+08:00',
      '2026-11-24T16:00:05.000Z',
      'E2',
    );
    expect(deemed).toMatchObject({ status: 'accepted', acceptedAt: RECEIVED, deemedAccepted: true });
    expect(event).toMatchObject({ type: 'CaseDeemedAccepted', detail: { acceptedAt: RECEIVED, noticeStageOverdue: true } });
  });

  it('then a decision that already happened wins: the timer cannot accept an accepted case again', () => {
    const accepted = acceptCase(submitted(), { tasks: [{ taskId: 'T1', deptId: 'SCJGJ', lead: true }], actor: 'W01' }, '2026-11-23T05:00:00.000Z', 'E2').case;
    expect(() => deemAccepted(accepted, { tasks: accepted.tasks, actor: 'system' }, '2026-11-24T23:59:59+08:00', '2026-11-24T16:00:05.000Z', 'E3')).toThrow(
      InvalidTransitionError,
    );
  });
});

describe('given a 即办件 at the window', () => {
  const immediate = aPublishedItem({ handlingKind: '即办件', promisedDays: 0 });

  it('then the clerk completes it on the spot: accepted and completed at once, with its result', () => {
    const { case: done, events } = completeOnTheSpot(
      submitted(),
      immediate,
      'W02',
      noticeNumber('acceptance', '522732', 'C', RECEIVED),
      '2026-11-23T02:10:00.000Z',
      ['E2', 'E3'],
    );
    expect(done).toMatchObject({ status: 'completed', acceptedAt: '2026-11-23T02:10:00.000Z', completedAt: '2026-11-23T02:10:00.000Z', revision: 2 });
    expect(events.map((event) => event.type)).toEqual(['CaseAccepted', 'CaseCompleted']);
    expect(events[1]?.detail).toMatchObject({ onTheSpot: true, result: '营业执照' });
  });

  it('then a 承诺件 cannot be completed on the spot', () => {
    expect(() => completeOnTheSpot(submitted(), aPublishedItem(), 'W02', 'SL1', RECEIVED, ['E2', 'E3'])).toThrow(
      expect.objectContaining({ code: 'NOT_AN_IMMEDIATE_ITEM' }),
    );
  });
});

describe('given notices', () => {
  it('then each kind has its prefix, the tenant, the Shanghai date and the case id tail', () => {
    // 2026-11-23T17:00Z is already 2026-11-24 in Shanghai
    expect(noticeNumber('acceptance', '522732', '01M851TX2Q09H4XXEDYSTXJVQW', '2026-11-23T17:00:00.000Z')).toBe('SL52273220261124YSTXJVQW');
    expect(noticeNumber('rejection', '522732', 'ABCDEFGHIJ', RECEIVED)).toBe('BY52273220261123CDEFGHIJ');
  });
});

describe('given an item whose project approval may be missing at acceptance (容缺)', () => {
  const item = aPublishedItem({
    materials: [
      { id: 'PROJECT_APPROVAL', name: '立项文件', required: true, mayBeMissingAtAcceptance: true, electronicAccepted: true, fileTypes: ['pdf'] },
      { id: 'DESIGN_SCHEME', name: '设计方案', required: true, mayBeMissingAtAcceptance: false, electronicAccepted: true, fileTypes: ['pdf'] },
    ],
  });

  it('then deferring it is allowed, and the acceptance records the list with the commitment', () => {
    expect(() => checkDeferrable(item, ['PROJECT_APPROVAL'])).not.toThrow();
    const deferred = { materialIds: ['PROJECT_APPROVAL'], commitment: { statement: '发证前补齐立项文件', signedBy: '韦工', signedAt: RECEIVED } };
    const { case: accepted, event } = acceptCase(
      submitted(),
      { tasks: [{ taskId: 'T1', deptId: 'SCJGJ', lead: true }], actor: 'W01', deferred },
      RECEIVED,
      'E2',
    );
    expect(accepted.deferredMaterials).toEqual(deferred);
    expect(event.detail).toMatchObject({ deferredMaterials: ['PROJECT_APPROVAL'] });
  });

  it('then deferring a material that is not 容缺 (or unknown) is refused, naming it', () => {
    expect(() => checkDeferrable(item, ['DESIGN_SCHEME', 'NOPE'])).toThrow(
      expect.objectContaining({ code: 'MATERIAL_NOT_DEFERRABLE', messageZh: expect.stringContaining('DESIGN_SCHEME、NOPE') }),
    );
  });
});

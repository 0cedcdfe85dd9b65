import { staffOf } from '../../functions/kernel/audit-record';
import { auditRecordOf } from '../../functions/supervision/domain/audit';

const anEvent = (overrides: Record<string, unknown>) => ({
  eventId: 'E1',
  tenantId: '522732',
  type: 'DepartmentTaskDecided',
  at: '2026-11-30T17:30:00Z',
  actor: 'GTJ',
  caseId: 'C1',
  detail: {},
  ...overrides,
});

describe('given an event on the case-events topic', () => {
  it('when a named handler decided a task, then the record names the person, role, case, task and the Shanghai day', () => {
    const record = auditRecordOf(anEvent({ detail: { taskId: 'T1', deptId: 'GTJ', decision: 'approve', staffId: 'GTJ-007' } }));
    expect(record).toMatchObject({
      recordId: 'E1',
      who: 'GTJ-007',
      role: 'handler',
      action: 'DepartmentTaskDecided',
      caseId: 'C1',
      taskId: 'T1',
      day: '2026-12-01',
    });
    expect(staffOf(record)).toBe('GTJ-007');
  });

  it('when a ledger step carries its role and before/after, then the record keeps them', () => {
    const record = auditRecordOf(
      anEvent({
        type: 'RectificationStepRecorded',
        actor: 'JC-001',
        role: 'supervisor',
        rectificationId: 'R1',
        detail: { step: 'close', before: 'called_back', after: 'closed' },
      }),
    );
    expect(record).toMatchObject({ who: 'JC-001', role: 'supervisor', rectificationId: 'R1', before: 'called_back', after: 'closed' });
  });

  it('when the system or the applicant acted, then nobody is named as staff', () => {
    for (const actor of ['system', 'applicant', 'public']) {
      const record = auditRecordOf(anEvent({ type: 'CaseCompleted', actor }));
      expect(record.role).toBe(actor);
      expect(staffOf(record)).toBeUndefined();
    }
  });
});

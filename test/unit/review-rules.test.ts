import { checkReviewAllowed, handlersOf, hasReached, isBadReview, isSatisfied, reviewLevels } from '../../functions/reviews/domain/review';

const allowed = {
  touchpoint: 'completion' as const,
  openTouchpoints: ['acceptance', 'completion'] as const,
  progress: { status: 'completed', acceptedAt: '2026-11-23T02:00:00Z' },
};

describe('given the review rules (好差评)', () => {
  it('when the applicant rates a completed case at an open touchpoint, then it is allowed', () => {
    expect(() => checkReviewAllowed({ ...allowed, openTouchpoints: [...allowed.openTouchpoints] })).not.toThrow();
  });

  it('when a member of staff tries to rate, then it is refused whatever else holds (staff cannot rate for the applicant)', () => {
    expect(() => checkReviewAllowed({ ...allowed, openTouchpoints: ['completion'], staff: { staffId: 'CK-02', role: 'window' } })).toThrow(
      expect.objectContaining({ code: 'STAFF_CANNOT_REVIEW' }),
    );
  });

  it('when the county has not opened the touchpoint, then it is refused as not open', () => {
    expect(() => checkReviewAllowed({ ...allowed, touchpoint: 'refusal', openTouchpoints: ['completion'], progress: { status: 'rejected' } })).toThrow(
      expect.objectContaining({ code: 'TOUCHPOINT_NOT_OPEN' }),
    );
  });

  it.each([
    ['completion', { status: 'in_approval', acceptedAt: 'x' }, false],
    ['completion', { status: 'completed' }, true],
    ['completion', { status: 'denied' }, true],
    ['acceptance', { status: 'submitted' }, false],
    ['acceptance', { status: 'in_approval', acceptedAt: '2026-11-23T02:00:00Z' }, true],
    ['refusal', { status: 'rejected' }, true],
    ['refusal', { status: 'completed' }, false],
  ] as const)('when the touchpoint is %s and the case is %j, then reached is %s', (touchpoint, progress, reached) => {
    expect(hasReached(progress, touchpoint)).toBe(reached);
  });

  it('when the case has not reached the touchpoint, then rating is a 409 (not yet)', () => {
    expect(() => checkReviewAllowed({ ...allowed, openTouchpoints: ['completion'], progress: { status: 'in_approval' } })).toThrow(
      expect.objectContaining({ code: 'TOUCHPOINT_NOT_REACHED' }),
    );
  });

  it('then exactly 不满意 and 非常不满意 are bad reviews, and the satisfaction rate counts the three others', () => {
    expect(reviewLevels.filter(isBadReview)).toEqual(['不满意', '非常不满意']);
    expect(reviewLevels.filter(isSatisfied)).toEqual(['非常满意', '满意', '基本满意']);
  });

  it('when the timeline names handlers on claims and decisions, then each is linked once', () => {
    const timeline = [
      { type: 'DepartmentTaskClaimed', detail: { staffId: 'GTJ-007' } },
      { type: 'DepartmentTaskDecided', detail: { staffId: 'GTJ-007', decision: 'approve' } },
      { type: 'DepartmentTaskDecided', detail: { staffId: 'ZJJ-002', decision: 'approve' } },
      { type: 'DepartmentTaskDecided', detail: { decision: 'approve' } },
      { type: 'CaseAccepted', detail: { staffId: 'CK-01' } },
    ];
    expect(handlersOf(timeline)).toEqual(['GTJ-007', 'ZJJ-002']);
  });
});

import { deemedAcceptanceDue } from '../../functions/intake/domain/notice-timer';

describe('given a one-time-notice deadline at the end of a working day in Beijing time', () => {
  const deadline = '2026-12-09T23:59:59+08:00';

  it('when the deadline has passed in Beijing but the UTC date is still that day, then 视为受理 is due (instants, not strings)', () => {
    expect(deemedAcceptanceDue(deadline, '2026-12-09T16:00:59.000Z')).toBe(true);
  });

  it('when the deadline has not passed yet, then it is not due', () => {
    expect(deemedAcceptanceDue(deadline, '2026-12-09T15:59:00.000Z')).toBe(false);
  });

  it('when the deadline could not be counted (no calendar), then it is never due', () => {
    expect(deemedAcceptanceDue(null, '2027-12-31T00:00:00.000Z')).toBe(false);
  });
});

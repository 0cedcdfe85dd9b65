import { nationalCalendar } from '../../functions/domain/calendar';
import {
  chooseDelivery,
  deliveryDeadline,
  handOver,
  outstandingDeferredMaterials,
  type Release,
  releaseView,
} from '../../functions/certificates/domain/release';

const completed = { tenantId: '522732', caseId: '01KAB4M7Q0Y8ZB1N2P3R4S5T6V', status: 'completed', completedAt: '2026-11-24T02:00:00.000Z' };
const staff = { staffId: 'sd-window-07', role: 'window' as const };
const address = { recipient: '韦小宝', phone: '13800000000', detail: '三都县三合街道民族路1号' };

describe('given the result-delivery deadline (3 working days after completion)', () => {
  it('when completed on an ordinary Tuesday then it is the end of Friday', () => {
    expect(deliveryDeadline('2026-11-24T02:00:00.000Z', nationalCalendar)).toBe('2026-11-27T23:59:59+08:00');
  });

  it('when completed just before National Day then the holiday is skipped and the make-up Saturday counts', () => {
    // 10-01..10-07 rest; 10-08 Thu, 10-09 Fri, 10-10 Sat (调休 working day)
    expect(deliveryDeadline('2026-09-30T02:00:00.000Z', nationalCalendar)).toBe('2026-10-10T23:59:59+08:00');
  });

  it('when a county declares an extra closure then its calendar skips that day too', () => {
    expect(deliveryDeadline('2026-11-24T02:00:00.000Z', nationalCalendar.withExtraClosures(['2026-11-26']))).toBe('2026-11-30T23:59:59+08:00');
  });

  it('when the deadline reaches a year without an official calendar then it is unknown rather than guessed', () => {
    expect(deliveryDeadline('2028-12-30T02:00:00.000Z', nationalCalendar)).toBeNull();
  });
});

describe('given a completed case', () => {
  it('when the applicant chooses mail with an address then the release records the deadline and an event without the address', () => {
    const { release, event } = chooseDelivery(undefined, completed, { method: 'mail', address }, nationalCalendar, '2026-11-24T03:00:00.000Z', 'E1');
    expect(release).toMatchObject({ method: 'mail', address, status: 'chosen', deadline: '2026-11-27T23:59:59+08:00', revision: 1 });
    expect(event).toMatchObject({ type: 'ResultDeliveryChosen', detail: { method: 'mail' } });
    expect(JSON.stringify(event)).not.toContain('13800000000');
  });

  it('when the same choice is made again then nothing changes; a different one is a new revision', () => {
    const first = chooseDelivery(undefined, completed, { method: 'pickup' }, nationalCalendar, '2026-11-24T03:00:00.000Z', 'E1').release;
    expect(chooseDelivery(first, completed, { method: 'pickup' }, nationalCalendar, '2026-11-24T04:00:00.000Z', 'E2')).toEqual({ release: first });
    expect(chooseDelivery(first, completed, { method: 'mail', address }, nationalCalendar, '2026-11-24T04:00:00.000Z', 'E2').release.revision).toBe(2);
  });

  it('when mail is chosen without an address, or the case is not completed, then it is refused with a code', () => {
    expect(() => chooseDelivery(undefined, completed, { method: 'mail' }, nationalCalendar, '2026-11-24T03:00:00.000Z', 'E1')).toThrow(
      expect.objectContaining({ code: 'DELIVERY_ADDRESS_REQUIRED' }),
    );
    expect(() =>
      chooseDelivery(undefined, { ...completed, status: 'revoked' }, { method: 'pickup' }, nationalCalendar, '2026-11-24T03:00:00.000Z', 'E1'),
    ).toThrow(expect.objectContaining({ code: 'CASE_NOT_COMPLETED' }));
  });
});

describe('given a chosen delivery', () => {
  const mailed: Release = chooseDelivery(undefined, completed, { method: 'mail', address }, nationalCalendar, '2026-11-24T03:00:00.000Z', 'E1').release;

  it('when 容缺 materials are outstanding then the handover is refused until they are provided', () => {
    const waitingFor = outstandingDeferredMaterials(['PROJECT_APPROVAL', 'LAND_TITLE'], ['LAND_TITLE']);
    expect(waitingFor).toEqual(['PROJECT_APPROVAL']);
    expect(() =>
      handOver(mailed, completed, waitingFor, staff, { trackingNumber: '1187654321098' }, nationalCalendar, '2026-11-25T03:00:00.000Z', 'E2'),
    ).toThrow(expect.objectContaining({ code: 'RELEASE_BLOCKED_BY_DEFERRED_MATERIALS' }));
  });

  it('when staff post it with a tracking number within the deadline then it is delivered on time', () => {
    const { release, event } = handOver(mailed, completed, [], staff, { trackingNumber: '1187654321098' }, nationalCalendar, '2026-11-25T03:00:00.000Z', 'E2');
    expect(release).toMatchObject({ status: 'delivered', deliveredBy: 'sd-window-07', trackingNumber: '1187654321098' });
    expect(event).toMatchObject({ type: 'ResultDelivered', actor: 'sd-window-07', detail: { method: 'mail', onTime: true } });
    expect(releaseView(release, completed, [], nationalCalendar, '2026-12-10T03:00:00.000Z')).toMatchObject({
      status: 'delivered',
      light: 'green',
      blocked: false,
    });
  });

  it('when it is handed over after the deadline then it is late and the light stays red', () => {
    const { event, release } = handOver(mailed, completed, [], staff, { trackingNumber: '1187654321098' }, nationalCalendar, '2026-11-28T03:00:00.000Z', 'E2');
    expect(event?.detail).toMatchObject({ onTime: false });
    expect(releaseView(release, completed, [], nationalCalendar, '2026-12-10T03:00:00.000Z')).toMatchObject({ light: 'red' });
  });

  it('when mail has no tracking number, or a tracking number comes before anyone chose mail, then it is refused with a code', () => {
    expect(() => handOver(mailed, completed, [], staff, {}, nationalCalendar, '2026-11-25T03:00:00.000Z', 'E2')).toThrow(
      expect.objectContaining({ code: 'TRACKING_NUMBER_REQUIRED' }),
    );
    expect(() => handOver(undefined, completed, [], staff, { trackingNumber: '1187654321098' }, nationalCalendar, '2026-11-25T03:00:00.000Z', 'E2')).toThrow(
      expect.objectContaining({ code: 'DELIVERY_NOT_CHOSEN' }),
    );
  });

  it('when the applicant comes to the window before choosing, then the handover records a pickup chosen and delivered at once', () => {
    const { release, event } = handOver(undefined, completed, [], staff, {}, nationalCalendar, '2026-11-25T03:00:00.000Z', 'E2');
    expect(release).toMatchObject({ method: 'pickup', status: 'delivered', chosenAt: '2026-11-25T03:00:00.000Z', deliveredBy: staff.staffId, revision: 1 });
    expect(event).toMatchObject({ type: 'ResultDelivered', detail: { method: 'pickup', onTime: true } });
  });

  it('when nothing is handed over yet then the light turns yellow on the last working day and red after it', () => {
    expect(releaseView(mailed, completed, [], nationalCalendar, '2026-11-25T03:00:00.000Z')).toMatchObject({ light: 'green', status: 'chosen' });
    expect(releaseView(mailed, completed, [], nationalCalendar, '2026-11-26T03:00:00.000Z')).toMatchObject({ light: 'yellow' });
    expect(releaseView(mailed, completed, [], nationalCalendar, '2026-11-28T03:00:00.000Z')).toMatchObject({ light: 'red' });
  });
});

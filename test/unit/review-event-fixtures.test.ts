import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { relayedEventSchema } from '../../functions/kernel/events/envelope';
import { reviewEventSchema, reviewEventTypes } from '../../functions/kernel/events/review-events';

const fixturesDir = join(__dirname, '..', '..', 'events', 'reviews');
const fixture = (type: string) => JSON.parse(readFileSync(join(fixturesDir, `${type}.json`), 'utf8')) as Record<string, unknown>;

describe('given the review and rectification event fixtures in events/reviews/', () => {
  it('then there is exactly one fixture per event type', () => {
    expect(
      readdirSync(fixturesDir)
        .map((file) => file.replace(/\.json$/, ''))
        .sort(),
    ).toEqual([...reviewEventTypes].sort());
  });

  it.each([...reviewEventTypes])('when %s is read, then it matches the versioned schema and the supervision consumer takes its relayed form', (type) => {
    const event = fixture(type);
    expect(reviewEventSchema.parse(event).type).toBe(type);
    expect(relayedEventSchema.safeParse({ version: 1, tenantId: '522732', ...event }).success).toBe(true);
  });

  it('then no fixture carries a phone number or an ID number', () => {
    for (const type of reviewEventTypes) expect(JSON.stringify(fixture(type))).not.toMatch(/(?<![0-9A-Z])(1\d{10}|\d{17}[\dX])(?![0-9A-Z])/);
  });

  it('when a case event of a type added later is relayed, then the supervision consumer still takes it (to audit it)', () => {
    expect(
      relayedEventSchema.safeParse({
        version: 1,
        tenantId: '522732',
        eventId: 'e',
        caseId: 'c',
        type: 'DepartmentTaskReassigned',
        at: '2026-11-27T03:00:00Z',
        actor: 'GTJ-HEAD',
        detail: { toDeptId: 'ZJJ' },
      }).success,
    ).toBe(true);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { taskMessageSchema } from '../../functions/approval/use-cases';
import { caseEventSchema, caseEventTypes } from '../../functions/kernel/events/case-events';

const eventsDir = join(__dirname, '..', '..', 'events');
const fixtures = readdirSync(eventsDir).filter((name) => name.endsWith('.json'));

describe('given the event fixtures in events/', () => {
  it.each(fixtures)('when %s is read then it matches the versioned schema of its event', (file) => {
    const event = JSON.parse(readFileSync(join(eventsDir, file), 'utf8'));
    const name = file.replace(/\.json$/, '');
    if (name === 'DepartmentTaskDispatched') {
      expect(taskMessageSchema.safeParse(event).success).toBe(true);
    } else {
      expect(caseEventSchema.parse(event).type).toBe(name);
    }
  });

  it('then every fixture names a known event, in <Resource><PastTense> form', () => {
    for (const file of fixtures) {
      const name = file.replace(/\.json$/, '');
      expect([...caseEventTypes, 'DepartmentTaskDispatched']).toContain(name);
    }
  });

  it('then an event of an unknown type is refused by the schema', () => {
    const wrong = { ...JSON.parse(readFileSync(join(eventsDir, 'CaseSubmitted.json'), 'utf8')), type: 'CaseVanished' };
    expect(caseEventSchema.safeParse(wrong).success).toBe(false);
  });
});

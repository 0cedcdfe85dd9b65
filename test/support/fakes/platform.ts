import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApprovalDependencies } from '../../../functions/approval/use-cases';
import { parseTenantConfigText } from '../../../functions/catalogue/domain/tenant-config/index';
import type { PublishedItem } from '../../../functions/catalogue/domain/service-item';
import { applyTenantConfig, type CatalogueDependencies } from '../../../functions/catalogue/use-cases';
import type { IntakeDependencies } from '../../../functions/intake/use-cases';
import { fixedNationalCalendar } from '../calendar';
import { InMemoryCaseFiles } from './case-files';
import { InMemoryCaseRecords, InMemoryCaseRepository } from './cases';
import { InMemoryItemCatalogue, InMemoryTenantDirectory } from './configuration';
import { InMemoryNoticeArchive } from './notices';
import { aClock, RecordingClockMonitor, sequentialIds } from './runtime';
import { InMemoryTable } from './table';
import { InMemoryTaskRepository } from './tasks';
import { RecordingAcceptanceTimer, RecordingApprovalWorkflow, RecordingWorkflowCallback } from './workflows';

const sampleTenantsDirectory = join(__dirname, '..', '..', '..', 'config', 'tenants');
/** The two real sample counties, as every test platform (and `npm start`) onboards them. */
export const sampleTenants = ['522732.yaml', '630103.yaml'] as const;

/**
 * The platform's ports on one in-memory table, wired as each context's wiring.ts wires the adapters:
 * what a use case writes through one port, another reads (intake's case, approval's tasks, the view's
 * records). The clock starts on a Monday morning in Beijing and moves a second with every reading.
 */
export function anInMemoryPlatform(options: { now?: string } = {}) {
  const table = new InMemoryTable();
  const cases = new InMemoryCaseRepository(table);
  const tasks = new InMemoryTaskRepository(table);
  const catalogue = new InMemoryItemCatalogue(table);
  const tenants = new InMemoryTenantDirectory(table);
  const records = new InMemoryCaseRecords(table);
  const caseFiles = new InMemoryCaseFiles({ cases, records, tasks, catalogue, tenants });
  const workflow = new RecordingApprovalWorkflow();
  const acceptanceTimer = new RecordingAcceptanceTimer();
  const notices = new InMemoryNoticeArchive();
  const callback = new RecordingWorkflowCallback();
  const monitor = new RecordingClockMonitor();
  const clock = aClock(options.now ?? '2026-11-23T02:00:00.000Z', { tickMs: 1000 });
  const ids = sequentialIds();
  const calendar = fixedNationalCalendar();

  const intake: IntakeDependencies = {
    cases,
    tasks,
    catalogue,
    tenants,
    records,
    caseFiles,
    workflow,
    clock,
    ids,
    calendar,
    monitor,
    notices,
    acceptanceTimer,
  };
  const approval: ApprovalDependencies = { tasks, tenants, cases, callback, clock, ids, calendar };
  const configuration: CatalogueDependencies = { catalogue, tenants, clock, calendar };

  return {
    table,
    cases,
    tasks,
    catalogue,
    tenants,
    records,
    workflow,
    acceptanceTimer,
    notices,
    callback,
    monitor,
    clock,
    ids,
    calendar,
    /** Each context's dependencies, as its wiring.ts builds them. */
    deps: { intake, approval, catalogue: configuration },

    /** Onboards sample counties from config/tenants (both by default), as the test platform does before serving. */
    async onboard(files: readonly string[] = sampleTenants): Promise<void> {
      for (const name of files) {
        const file = join(sampleTenantsDirectory, name);
        const parsed = parseTenantConfigText(readFileSync(file, 'utf8'), file);
        if (!parsed.ok) throw new Error(`sample tenant ${file} is invalid`);
        await applyTenantConfig({ catalogue, tenants, clock }, parsed.config, { by: 'test', reason: 'sample tenant' });
      }
    },

    /** Publishes extra items (version 1 and on), as the test platform publishes its fixtures. */
    async publish(...items: readonly PublishedItem[]): Promise<void> {
      for (const item of items) await catalogue.publish({ published: item, change: { by: 'test', at: clock.now().toISOString(), reason: 'fixture' } });
    },
  };
}

export type InMemoryPlatform = ReturnType<typeof anInMemoryPlatform>;

/**
 * Shared in-memory fakes of the ports (functions/<context>/domain/ports.ts and the dependency interfaces
 * of the use cases). Each honours its DynamoDB adapter's semantics: conditional writes fail with the
 * same typed domain errors, versions and revisions are checked, writes are idempotent where the
 * adapter's are. test/contract runs one behaviour spec per port against both.
 */
export { InMemoryCaseRecords, InMemoryCaseRepository } from './cases';
export { InMemoryCertificateRepository, InMemoryDocumentStore, InMemoryReleaseRepository } from './certificates';
export { InMemoryItemCatalogue, InMemoryTenantDirectory } from './configuration';
export { InMemoryHolidayNoticeStore, InMemoryNoticeArchive } from './notices';
export { anInMemoryPlatform, type InMemoryPlatform, sampleTenants } from './platform';
export { aClock, aFixedClock, type ManualClock, RecordingClockMonitor, sequentialIds } from './runtime';
export { copy, InMemoryTable, keyOf } from './table';
export { InMemoryTaskRepository } from './tasks';
export { RecordingAcceptanceTimer, RecordingApprovalWorkflow, RecordingWorkflowCallback } from './workflows';

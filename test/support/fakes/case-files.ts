import type { Certificate } from '../../../functions/certificates/domain/certificate';
import type { CaseFile, CaseFileRelations, CaseFiles } from '../../../functions/intake/domain/ports';
import type { InMemoryCaseRecords, InMemoryCaseRepository } from './cases';
import type { InMemoryItemCatalogue, InMemoryTenantDirectory } from './configuration';
import { copy, keyOf } from './table';
import type { InMemoryTaskRepository } from './tasks';

/** The case view's two reads on the in-memory table, from the same stores the other fakes keep. */
export class InMemoryCaseFiles implements CaseFiles {
  constructor(
    private readonly stores: {
      readonly cases: InMemoryCaseRepository;
      readonly records: InMemoryCaseRecords;
      readonly tasks: InMemoryTaskRepository;
      readonly catalogue: InMemoryItemCatalogue;
      readonly tenants: InMemoryTenantDirectory;
    },
  ) {}

  async read(tenantId: string, caseId: string): Promise<CaseFile | undefined> {
    const found = await this.stores.cases.find(tenantId, caseId);
    if (!found) return undefined;
    const release = await this.stores.records.release(tenantId, caseId);
    return {
      case: found,
      timeline: await this.stores.cases.timeline(tenantId, caseId),
      checklist: await this.stores.records.checklist(tenantId, caseId),
      ...(release ? { release } : {}),
      certificateNos: [...(this.stores.records.table.certificatePointers.get(keyOf(tenantId, caseId))?.values() ?? [])],
    };
  }

  async relations(
    tenantId: string,
    wanted: { readonly taskIds: readonly string[]; readonly certificateNos: readonly string[]; readonly itemCode: string; readonly itemVersion: number },
  ): Promise<CaseFileRelations> {
    const certificates = wanted.certificateNos
      .map((certificateNo) => copy(this.stores.records.table.certificates.get(keyOf(tenantId, certificateNo)) as Certificate | undefined))
      .filter((certificate): certificate is Certificate => certificate !== undefined)
      .sort((a, b) => (a.itemCode < b.itemCode ? -1 : a.itemCode > b.itemCode ? 1 : 0));
    const [tasks, profile, item] = await Promise.all([
      this.stores.tasks.findMany(tenantId, wanted.taskIds),
      this.stores.tenants.profile(tenantId),
      this.stores.catalogue.itemVersion(tenantId, wanted.itemCode, wanted.itemVersion),
    ]);
    return { tasks, certificates, ...(profile ? { profile } : {}), ...(item ? { item } : {}) };
  }
}

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ItemCatalogue, PublishedItem } from '../../catalogue/domain/service-item';
import type { Certificate } from '../../certificates/domain/certificate';
import type { Case } from '../../intake/domain/case';
import type { CaseRepository } from '../../intake/domain/ports';
import { itemVersionEntity } from '../../shared/table/catalogue';
import { caseEntity } from '../../shared/table/cases';
import { certificateEntity } from '../../shared/table/certificates';
import type { CertificateLibrary } from '../domain/ports';

/** What materials are taken against, read only: the case (its status and applicant) and the material list of the item version it was filed under. */
export class DynamoCaseFacts implements Pick<CaseRepository, 'find'>, Pick<ItemCatalogue, 'itemVersion'> {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  find(tenantId: string, caseId: string): Promise<Case | undefined> {
    return caseEntity.get<Case>(this.documents, this.tableName, tenantId, caseId);
  }

  itemVersion(tenantId: string, itemCode: string, version: number): Promise<PublishedItem | undefined> {
    return itemVersionEntity.get<PublishedItem>(this.documents, this.tableName, tenantId, itemCode, version);
  }
}

/** The certificate library (免证办) a material may name instead of an upload: the certificates context's records, read only. */
export class DynamoCertificateLibrary implements CertificateLibrary {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  find(tenantId: string, certificateNo: string): Promise<Certificate | undefined> {
    return certificateEntity.get<Certificate>(this.documents, this.tableName, tenantId, certificateNo);
  }
}

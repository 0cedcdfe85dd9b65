import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Certificate } from '../../certificates/domain/certificate';
import type { Release } from '../../certificates/domain/release';
import type { ProvidedMaterial } from '../../materials/domain/material';
import { certificateEntity, releaseEntity } from '../../shared/table/certificates';
import { materialEntity } from '../../shared/table/materials';
import type { CaseRecords } from '../domain/ports';

/** The materials, release and certificates of a case, read from its partition for the case view. */
export class DynamoCaseRecords implements CaseRecords {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  checklist(tenantId: string, caseId: string): Promise<ProvidedMaterial[]> {
    return materialEntity.ofCase<ProvidedMaterial>(this.documents, this.tableName, tenantId, caseId);
  }

  release(tenantId: string, caseId: string): Promise<Release | undefined> {
    return releaseEntity.get<Release>(this.documents, this.tableName, tenantId, caseId);
  }

  certificates(tenantId: string, caseId: string): Promise<Certificate[]> {
    return certificateEntity.ofCase<Certificate>(this.documents, this.tableName, tenantId, caseId);
  }
}

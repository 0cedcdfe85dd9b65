import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseEvent } from '../../kernel/events/case-events';
import { InvalidTransitionError } from '../../shared/errors';
import { caseEntity, caseEventEntity } from '../../shared/table/cases';
import { caseCertificateEntity, certificateEntity, releaseEntity } from '../../shared/table/certificates';
import { putNew } from '../../shared/table/items';
import { keys } from '../../shared/table/keys';
import { queryPage } from '../../shared/table/reads';
import type { Certificate } from '../domain/certificate';
import type { Release, ReleaseEvent } from '../domain/release';
import type { CertificateRepository, ReleaseRepository } from '../domain/ports';

/** Which operations of a cancelled transaction failed their condition. */
const failedConditions = (error: TransactionCanceledException): boolean[] =>
  (error.CancellationReasons ?? []).map((reason) => reason.Code === 'ConditionalCheckFailed');

/** Certificates and results are only written while their case is completed (a revocation may have overtaken them). */
const caseIsCompleted = (tableName: string, tenantId: string, caseId: string) => caseEntity.inStatus(tableName, tenantId, caseId, ['completed']);

/** Certificates under their own tenant-first partition; each case holds a pointer per item (the issuance guard). */
export class DynamoCertificateRepository implements CertificateRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async issue(certificate: Certificate, event: CaseEvent): Promise<'issued' | 'exists' | 'case-not-completed'> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            caseIsCompleted(this.tableName, certificate.tenantId, certificate.caseId),
            putNew(this.tableName, certificateEntity.toItem(certificate)),
            putNew(this.tableName, caseCertificateEntity.toItem(certificate)),
            caseEventEntity.putNew(this.tableName, certificate.tenantId, event),
          ],
        }),
      );
      return 'issued';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [caseMovedOn, certificateExists, pointerExists] = failedConditions(error);
      if (certificateExists || pointerExists) return 'exists';
      if (caseMovedOn) return 'case-not-completed';
      throw error;
    }
  }

  find(tenantId: string, certificateNo: string): Promise<Certificate | undefined> {
    return certificateEntity.get<Certificate>(this.documents, this.tableName, tenantId, certificateNo);
  }

  forCase(tenantId: string, caseId: string): Promise<Certificate[]> {
    return certificateEntity.ofCase<Certificate>(this.documents, this.tableName, tenantId, caseId);
  }

  async forHolder(tenantId: string, holderDigest: string, limit: number): Promise<Certificate[]> {
    const items = await queryPage(this.documents, {
      TableName: this.tableName,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :holder',
      ExpressionAttributeValues: { ':holder': keys.holderCertificates(tenantId, holderDigest) },
      ScanIndexForward: false,
      Limit: limit,
    });
    return items.map((item) => certificateEntity.fromItem<Certificate>(item));
  }

  async revoke(certificate: Certificate, event: CaseEvent): Promise<boolean> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: certificateEntity.key(certificate.tenantId, certificate.certificateNo),
                UpdateExpression: 'SET #status = :revoked, revokedAt = :at, revocationReason = :reason',
                ConditionExpression: '#status = :valid',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':revoked': 'revoked', ':valid': 'valid', ':at': certificate.revokedAt, ':reason': certificate.revocationReason },
              },
            },
            caseEventEntity.putNew(this.tableName, certificate.tenantId, event),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }
}

/** The release record sits in the case partition, changed only on its revision and only while the case is completed. */
export class DynamoReleaseRepository implements ReleaseRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  find(tenantId: string, caseId: string): Promise<Release | undefined> {
    return releaseEntity.get<Release>(this.documents, this.tableName, tenantId, caseId);
  }

  async save(next: Release, event: ReleaseEvent): Promise<void> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            caseIsCompleted(this.tableName, next.tenantId, next.caseId),
            releaseEntity.putNext(this.tableName, next),
            caseEventEntity.putNew(this.tableName, next.tenantId, event),
          ],
        }),
      );
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [caseMovedOn] = failedConditions(error);
      if (caseMovedOn)
        throw new InvalidTransitionError(
          '办件已不是办结状态（可能已撤销许可），不能出件',
          'The case is no longer completed (it may have been revoked); nothing to deliver',
          'CASE_NOT_COMPLETED',
        );
      throw new InvalidTransitionError(
        '送达信息已被其他操作更新，请刷新后重试',
        'The delivery was changed concurrently; reload and retry',
        'CONCURRENT_UPDATE',
      );
    }
  }
}

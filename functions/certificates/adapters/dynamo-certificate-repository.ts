import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { caseEventItem } from '../../intake/adapters/dynamo-case-repository';
import type { CaseEvent } from '../../intake/domain/case';
import { InvalidTransitionError } from '../../shared/errors';
import { keys } from '../../shared/keys';
import type { Certificate } from '../domain/certificate';
import type { Release, ReleaseEvent } from '../domain/release';
import type { CertificateRepository, ReleaseRepository } from '../domain/ports';

const certificateItem = (certificate: Certificate) => ({
  ...keys.certificate(certificate.tenantId, certificate.certificateNo),
  entity: 'Certificate',
  GSI2PK: keys.holderCertificates(certificate.tenantId, certificate.holder.idDigest),
  GSI2SK: keys.holderCertificateSort(certificate.issuedAt, certificate.certificateNo),
  ...certificate,
});

const stripKeys = <T>(item: Record<string, unknown>): T => {
  const { PK: _pk, SK: _sk, GSI2PK: _g2, GSI2SK: _g2s, entity: _entity, ...rest } = item;
  return rest as T;
};

/** Which operations of a cancelled transaction failed their condition. */
const failedConditions = (error: TransactionCanceledException): boolean[] =>
  (error.CancellationReasons ?? []).map((reason) => reason.Code === 'ConditionalCheckFailed');

const caseIsCompleted = (tableName: string, tenantId: string, caseId: string) => ({
  ConditionCheck: {
    TableName: tableName,
    Key: keys.case(tenantId, caseId),
    ConditionExpression: '#status = :completed',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':completed': 'completed' },
  },
});

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
            { Put: { TableName: this.tableName, Item: certificateItem(certificate), ConditionExpression: 'attribute_not_exists(PK)' } },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.caseCertificate(certificate.tenantId, certificate.caseId, certificate.itemCode),
                  entity: 'CaseCertificate',
                  certificateNo: certificate.certificateNo,
                  itemCode: certificate.itemCode,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            { Put: { TableName: this.tableName, Item: caseEventItem(certificate.tenantId, event), ConditionExpression: 'attribute_not_exists(PK)' } },
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

  async find(tenantId: string, certificateNo: string): Promise<Certificate | undefined> {
    const result = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: keys.certificate(tenantId, certificateNo), ConsistentRead: true }),
    );
    return result.Item ? stripKeys<Certificate>(result.Item) : undefined;
  }

  async forCase(tenantId: string, caseId: string): Promise<Certificate[]> {
    const pointers = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :cert)',
        ExpressionAttributeValues: { ':pk': keys.casePartition(tenantId, caseId), ':cert': keys.caseCertificatePrefix },
        ConsistentRead: true,
      }),
    );
    const numbers = (pointers.Items ?? []).map((item) => String(item.certificateNo));
    if (numbers.length === 0) return [];
    // a case has one certificate per item: far below BatchGetItem's 100 keys
    const batch = await this.documents.send(
      new BatchGetCommand({
        RequestItems: { [this.tableName]: { Keys: numbers.map((certificateNo) => keys.certificate(tenantId, certificateNo)), ConsistentRead: true } },
      }),
    );
    const found = (batch.Responses?.[this.tableName] ?? []).map((item) => stripKeys<Certificate>(item));
    return found.sort((a, b) => (a.itemCode < b.itemCode ? -1 : a.itemCode > b.itemCode ? 1 : 0));
  }

  async forHolder(tenantId: string, holderDigest: string, limit: number): Promise<Certificate[]> {
    const page = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :holder',
        ExpressionAttributeValues: { ':holder': keys.holderCertificates(tenantId, holderDigest) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => stripKeys<Certificate>(item));
  }

  async revoke(certificate: Certificate, event: CaseEvent): Promise<boolean> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.certificate(certificate.tenantId, certificate.certificateNo),
                UpdateExpression: 'SET #status = :revoked, revokedAt = :at, revocationReason = :reason',
                ConditionExpression: '#status = :valid',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':revoked': 'revoked', ':valid': 'valid', ':at': certificate.revokedAt, ':reason': certificate.revocationReason },
              },
            },
            { Put: { TableName: this.tableName, Item: caseEventItem(certificate.tenantId, event), ConditionExpression: 'attribute_not_exists(PK)' } },
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

  async find(tenantId: string, caseId: string): Promise<Release | undefined> {
    const result = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: keys.caseRelease(tenantId, caseId), ConsistentRead: true }));
    return result.Item ? stripKeys<Release>(result.Item) : undefined;
  }

  async save(next: Release, event: ReleaseEvent): Promise<void> {
    const onRevision =
      next.revision === 1
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : { ConditionExpression: 'revision = :previous', ExpressionAttributeValues: { ':previous': next.revision - 1 } };
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            caseIsCompleted(this.tableName, next.tenantId, next.caseId),
            { Put: { TableName: this.tableName, Item: { ...keys.caseRelease(next.tenantId, next.caseId), entity: 'Release', ...next }, ...onRevision } },
            { Put: { TableName: this.tableName, Item: caseEventItem(next.tenantId, event), ConditionExpression: 'attribute_not_exists(PK)' } },
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

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { attributesOf, type Item, putNew, putOnRevision, type TransactItem } from './items';
import { keys } from './keys';
import { batchGetAll, getItem, queryPage } from './reads';

/** What the table indexes of a certificate: its holder's library (GSI2, by the applicant digest), newest first. */
export interface IndexedCertificate {
  readonly tenantId: string;
  readonly certificateNo: string;
  readonly issuedAt: string;
  readonly holder: { readonly idDigest: string };
}

/** An issued certificate (电子证照) under its own partition `T#<tenant>#CERT#<certificateNo>`. */
export const certificateEntity = {
  entity: 'Certificate',
  key: (tenantId: string, certificateNo: string) => keys.certificate(tenantId, certificateNo),
  toItem: <C extends IndexedCertificate>(certificate: C) => ({
    ...keys.certificate(certificate.tenantId, certificate.certificateNo),
    entity: 'Certificate',
    GSI2PK: keys.holderCertificates(certificate.tenantId, certificate.holder.idDigest),
    GSI2SK: keys.holderCertificateSort(certificate.issuedAt, certificate.certificateNo),
    ...certificate,
  }),
  fromItem: <C>(item: Item): C => attributesOf<C>(item),
  /** A certificate by its number (strongly consistent), typed by the reader. */
  get: async <C>(documents: DynamoDBDocumentClient, tableName: string, tenantId: string, certificateNo: string): Promise<C | undefined> => {
    const item = await getItem(documents, tableName, keys.certificate(tenantId, certificateNo), { consistent: true });
    return item ? attributesOf<C>(item) : undefined;
  },
  /** Every certificate issued for a case, by item code: the case's pointers, then the certificates they name. */
  ofCase: async <C extends { itemCode: string }>(documents: DynamoDBDocumentClient, tableName: string, tenantId: string, caseId: string): Promise<C[]> => {
    const pointers = await queryPage(documents, {
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :cert)',
      ExpressionAttributeValues: { ':pk': keys.casePartition(tenantId, caseId), ':cert': keys.caseCertificatePrefix },
      ConsistentRead: true,
    });
    const numbers = pointers.map((item) => String(item.certificateNo));
    if (numbers.length === 0) return [];
    // a case has one certificate per item: far below BatchGetItem's 100 keys
    const found = (
      await batchGetAll(
        documents,
        tableName,
        numbers.map((certificateNo) => keys.certificate(tenantId, certificateNo)),
        { consistent: true },
      )
    ).map((item) => attributesOf<C>(item));
    return found.sort((a, b) => (a.itemCode < b.itemCode ? -1 : a.itemCode > b.itemCode ? 1 : 0));
  },
};

/** The case's pointer to the certificate of one of its items (`CERT#<itemCode>`): one per case and item, the issuance guard. */
export const caseCertificateEntity = {
  entity: 'CaseCertificate',
  toItem: (certificate: { tenantId: string; caseId: string; itemCode: string; certificateNo: string }) => ({
    ...keys.caseCertificate(certificate.tenantId, certificate.caseId, certificate.itemCode),
    entity: 'CaseCertificate',
    certificateNo: certificate.certificateNo,
    itemCode: certificate.itemCode,
  }),
};

/** The result release of a case (出件, `RELEASE` in the case partition): delivery method, deadline and handover. */
export const releaseEntity = {
  entity: 'Release',
  key: (tenantId: string, caseId: string) => keys.caseRelease(tenantId, caseId),
  toItem: <R extends { tenantId: string; caseId: string }>(release: R) => ({
    ...keys.caseRelease(release.tenantId, release.caseId),
    entity: 'Release',
    ...release,
  }),
  fromItem: <R>(item: Item): R => attributesOf<R>(item),
  /** The next revision of a release: the first one only if none is stored, a later one only on the revision before it. */
  putNext: <R extends { tenantId: string; caseId: string; revision: number }>(tableName: string, next: R): TransactItem =>
    next.revision === 1 ? putNew(tableName, releaseEntity.toItem(next)) : putOnRevision(tableName, releaseEntity.toItem(next)),
  /** The release of a case as last written (strongly consistent), typed by the reader. */
  get: async <R>(documents: DynamoDBDocumentClient, tableName: string, tenantId: string, caseId: string): Promise<R | undefined> => {
    const item = await getItem(documents, tableName, keys.caseRelease(tenantId, caseId), { consistent: true });
    return item ? attributesOf<R>(item) : undefined;
  },
};

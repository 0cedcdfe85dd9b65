import { DynamoTaskRepository } from '../../functions/approval/adapters/dynamo-task-repository';
import { DynamoHolidayNoticeStore } from '../../functions/calendar/adapters/dynamo-holiday-notice-store';
import { DynamoItemCatalogue } from '../../functions/catalogue/adapters/dynamo-item-catalogue';
import { DynamoTenantDirectory } from '../../functions/catalogue/adapters/dynamo-tenant-directory';
import { DynamoCertificateRepository, DynamoReleaseRepository } from '../../functions/certificates/adapters/dynamo-certificate-repository';
import { DynamoCaseRecords } from '../../functions/intake/adapters/dynamo-case-records';
import { DynamoCaseRepository } from '../../functions/intake/adapters/dynamo-case-repository';
import { DynamoTaskReader } from '../../functions/intake/adapters/dynamo-task-reader';
import {
  InMemoryCaseRecords,
  InMemoryCaseRepository,
  InMemoryCertificateRepository,
  InMemoryHolidayNoticeStore,
  InMemoryItemCatalogue,
  InMemoryReleaseRepository,
  InMemoryTable,
  InMemoryTaskRepository,
  InMemoryTenantDirectory,
} from '../support/fakes';
import { describeCaseRepositoryContract } from './specs/case-repository';
import { describeCertificateContract } from './specs/certificates';
import { describeItemCatalogueContract, describeTenantDirectoryContract } from './specs/configuration';
import { describeHolidayNoticeStoreContract } from './specs/holiday-notice-store';
import { describeTaskRepositoryContract } from './specs/task-repository';
import { aDynamoDbLocalForThisFile } from './support/dynamo';

/*
 * Each port's behaviour spec, run twice: on the shared in-memory fake the use-case tests use, and on
 * the DynamoDB adapter the functions deploy with (DynamoDB Local: one table for the tenant-scoped specs,
 * each in tenants of its own; a fresh one for what spans tenants). A fake that drifts from its adapter
 * fails here, not in a use-case test that trusted it.
 */

const dynamo = aDynamoDbLocalForThisFile();

describe('the case repository (intake)', () => {
  describeCaseRepositoryContract('in-memory', async () => {
    const table = new InMemoryTable();
    return { cases: new InMemoryCaseRepository(table), tasks: new InMemoryTaskRepository(table) };
  });
  describeCaseRepositoryContract('DynamoDB', async () => {
    const { documents, tableName } = await dynamo.sharedTable();
    return { cases: new DynamoCaseRepository(documents, tableName), tasks: new DynamoTaskReader(documents, tableName) };
  });
});

describe('the task repository (approval)', () => {
  describeTaskRepositoryContract('in-memory', async () => {
    const table = new InMemoryTable();
    return { tasks: new InMemoryTaskRepository(table), cases: new InMemoryCaseRepository(table) };
  });
  describeTaskRepositoryContract('DynamoDB', async () => {
    const { documents, tableName } = await dynamo.sharedTable();
    return { tasks: new DynamoTaskRepository(documents, tableName), cases: new DynamoCaseRepository(documents, tableName) };
  });
});

describe('the configuration: item catalogue and tenant directory (catalogue; intake reads them)', () => {
  describeItemCatalogueContract('in-memory', async () => new InMemoryItemCatalogue());
  describeItemCatalogueContract('DynamoDB', async () => {
    const { documents, tableName } = await dynamo.sharedTable();
    return new DynamoItemCatalogue(documents, tableName);
  });
  describeTenantDirectoryContract('in-memory', async () => new InMemoryTenantDirectory());
  describeTenantDirectoryContract('DynamoDB', async () => {
    const { documents, tableName } = await dynamo.aTable();
    return new DynamoTenantDirectory(documents, tableName);
  });
});

describe('the holiday notice store (calendar)', () => {
  describeHolidayNoticeStoreContract('in-memory', async () => new InMemoryHolidayNoticeStore());
  describeHolidayNoticeStoreContract('DynamoDB', async () => {
    const { documents, tableName } = await dynamo.aTable();
    return new DynamoHolidayNoticeStore(documents, tableName);
  });
});

describe('the certificate and release repositories and the case records (certificates; intake reads them)', () => {
  describeCertificateContract('in-memory', async () => {
    const table = new InMemoryTable();
    return {
      certificates: new InMemoryCertificateRepository(table),
      releases: new InMemoryReleaseRepository(table),
      records: new InMemoryCaseRecords(table),
      cases: new InMemoryCaseRepository(table),
    };
  });
  describeCertificateContract('DynamoDB', async () => {
    const { documents, tableName } = await dynamo.sharedTable();
    return {
      certificates: new DynamoCertificateRepository(documents, tableName),
      releases: new DynamoReleaseRepository(documents, tableName),
      records: new DynamoCaseRecords(documents, tableName),
      cases: new DynamoCaseRepository(documents, tableName),
    };
  });
});

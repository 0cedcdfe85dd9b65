import type { PublishedItem } from '../../functions/catalogue/domain/service-item';
import type { Applicant } from '../../functions/intake/domain/case';

/** A published 承诺件 with two departments in parallel, as the demo county configures it. */
export const aPublishedItem = (overrides: Partial<PublishedItem> = {}): PublishedItem => ({
  tenantId: '522732',
  code: 'TEST-GTGSH',
  name: '个体工商户登记',
  version: 1,
  handlingKind: '承诺件',
  legalDays: 15,
  promisedDays: 5,
  noticeDays: 1,
  formFields: [
    { key: 'businessName', label: '个体工商户名称', required: true },
    { key: 'businessScope', label: '经营范围', required: false },
  ],
  departments: [
    { deptId: 'SCJGJ', lead: true, stageDays: 3 },
    { deptId: 'SWJ', lead: false, stageDays: 3 },
  ],
  ...overrides,
});

export const anApplicant = (overrides: Partial<Applicant> = {}): Applicant => ({
  kind: 'person',
  name: '韦小宝',
  idType: '居民身份证',
  idNumber: '52273219900101123X',
  phone: '13800000000',
  ...overrides,
});

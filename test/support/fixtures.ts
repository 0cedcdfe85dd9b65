import type { PublishedItem } from '../../functions/catalogue/domain/service-item';
import { ServiceItemSchema } from '../../functions/catalogue/domain/tenant-config/index';
import type { Applicant } from '../../functions/intake/domain/case';

/** A published 承诺件 with two departments in parallel, as the demo county configures it. */
export const aPublishedItem = (overrides: Partial<PublishedItem> = {}): PublishedItem => ({
  ...ServiceItemSchema.parse({
    code: 'TEST-0001',
    name: '个体工商户登记',
    itemType: '行政许可',
    domain: '市场准入',
    legalBasis: ['《促进个体工商户发展条例》'],
    handlingKind: '承诺件',
    legalDays: 15,
    promisedDays: 5,
    formFields: [
      { key: 'businessName', label: '个体工商户名称', type: 'text', required: true },
      { key: 'businessScope', label: '经营范围', type: 'text', required: false },
    ],
    departments: [
      { deptId: 'SCJGJ', lead: true, stageDays: 3 },
      { deptId: 'SWJ', stageDays: 3 },
    ],
    result: { certificateType: 'BUSINESS_LICENSE', name: '营业执照', validityYears: null },
  }),
  tenantId: '522732',
  version: 1,
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

/**
 * An application for 三都县's 建设工程规划许可证核发 (GTGH-0001), as a construction company files it;
 * the applicant's ID number varies so tests can tell their applicants apart.
 */
export const aPlanningApplication = (idNumber = '91522732MA6DLXXX1Q') => ({
  itemCode: 'GTGH-0001',
  applicant: anApplicant({ kind: 'organisation', name: '三都县城投建设有限公司', idType: '统一社会信用代码', idNumber }),
  formData: {
    projectName: '民族文化广场',
    constructionUnit: '三都县城投建设有限公司',
    unifiedSocialCreditCode: idNumber,
    projectAddress: '三合街道',
    landUsePermitNumber: '地字第1号',
    totalFloorAreaSquareMetres: 12800,
    contactName: '韦工',
    phone: '13800000000',
  },
});

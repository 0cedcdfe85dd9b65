import { z } from 'zod';
import { caseIdSchema } from '../kernel/ids';
import { routeContracts } from '../shared/api-contract';
import { certificateLibrarySchema, certificateVerdictSchema, resultDeliverySchema, signedCertificateDocumentSchema } from './responses';
import { certificatePath, deliveryChoiceBody, handoverBody, presentedCertificateBody } from './use-cases';

/**
 * The HTTP routes of certificates and results (电子证照, 出件), keyed by their function definition id
 * (infra/definitions/functions/certificates.ts): what each parses, answers and refuses. The handlers spread
 * these into `httpEndpoint` (the public routes add `tenantFrom`: the tenant leads the certificate number),
 * and the OpenAPI document is generated from them.
 */

const TAG = '证照与出件 Results';

const casePath = z.object({ caseId: caseIdSchema });

const CASE_ID = '01KAB4M7Q0Y8ZB1N2P3R4S5T6V';
const CERTIFICATE_NO = '522732-2026-BUSINESS_LICENSE-CDZHR6AF80QD';

const summaryExample = {
  certificateNo: CERTIFICATE_NO,
  certificateType: 'BUSINESS_LICENSE',
  name: '营业执照',
  holder: { kind: 'person', name: '韦小宝', idType: '居民身份证', maskedIdNumber: '5227**********123X' },
  issuingDepartment: 'SJJ',
  validFrom: '2026-11-24',
  validUntil: null,
  issuedAt: '2026-11-24T02:00:00.000Z',
  itemCode: 'SCZR-0001',
  itemVersion: 1,
  status: 'valid',
};

/** A signed document as the holder downloads it and presents it. */
const presentedExample = {
  certificate: {
    certificateNo: CERTIFICATE_NO,
    tenantId: '522732',
    certificateType: 'BUSINESS_LICENSE',
    name: '营业执照',
    holder: {
      kind: 'person',
      name: '韦小宝',
      idType: '居民身份证',
      idDigest: 'e34589885ca7685bb7dde3bcbb5273f26f9fe6d4535e5bb32d9343707db39243',
      maskedIdNumber: '5227**********123X',
    },
    issuingDepartment: 'SJJ',
    validFrom: '2026-11-24',
    validUntil: null,
    data: {
      operatorName: '韦小宝',
      operatorIdNumber: '5227**********123X',
      phone: '138****0000',
      organizationForm: '个人经营',
      businessScope: '米粉',
      businessAddress: '三合街道',
      capitalTenThousandYuan: 5,
    },
    caseId: CASE_ID,
    itemCode: 'SCZR-0001',
    itemVersion: 1,
    issuedAt: '2026-11-24T02:00:00.000Z',
  },
  signature: { algorithm: 'Ed25519', value: '7jpkir6TH2OlH93eYmynGPSdxiE3Qjf5E91okgKUR301FTzDrZMMenw2YOA+Z9RsRZgwQehCOpv/Iujh3nvkAg==' },
};

export const certificateContracts = routeContracts({
  VerifyCertificate: {
    summary: '核验电子证照 / Verify a certificate by its number',
    description:
      '任何持有证照编号的人都可核验（电子证照与纸质证照具有同等效力，seed 004 第8–9条）：每次重新读取存档的签名文书，核对登记的摘要值、平台签名和登记内容，' +
      '任何改动都显示为 invalid 及其原因；否则为 revoked、expired 或 valid。租户取自编号的前六位。/ ' +
      'Anyone holding a certificate number may check it (electronic certificates have the force of paper, seed 004 art.8–9): the stored signed document is read ' +
      'again and checked against the recorded digest, the platform’s signature and the record, so any change shows as invalid with its reasons; otherwise revoked, ' +
      'expired or valid. The tenant is the number’s first six digits.',
    tag: TAG,
    path: certificatePath,
    responses: {
      200: {
        description: '核验结论 / The verdict',
        schema: certificateVerdictSchema,
        example: { certificateNo: CERTIFICATE_NO, status: 'valid', reasons: [], certificate: summaryExample },
      },
    },
    errors: { 400: ['CERTIFICATE_NO_INVALID'], 404: ['CERTIFICATE_NOT_FOUND'] },
  },

  VerifyPresentedCertificate: {
    summary: '核验持证人出示的签名证照 / Verify a signed certificate a holder presented',
    description:
      '第三方核验持证人交给他的签名文书：签名须对文书内容成立，编号须为本平台颁发（否则 NOT_ISSUED），且与登记内容一致。/ ' +
      'A third party checks the signed document a holder gave them: the signature must hold over what it says, the platform must have issued that number ' +
      '(NOT_ISSUED otherwise), and the record must say the same.',
    tag: TAG,
    body: presentedCertificateBody,
    bodyExample: presentedExample,
    responses: {
      200: {
        description: '核验结论 / The verdict',
        schema: certificateVerdictSchema,
        example: { certificateNo: CERTIFICATE_NO, status: 'valid', reasons: [], certificate: summaryExample },
      },
    },
    errors: { 400: ['CERTIFICATE_NO_INVALID'] },
  },

  ListCertificateLibrary: {
    summary: '我的证照（免证办） / My certificates (免证办)',
    description:
      '免证办：按实名账户（实名等级 L3 及以上）核验过的证件，列出本人在本县仍然有效的电子证照，最新的在前；已颁发的证照从库中调取，无需再次提交（seed 002 §20、§24）。/ ' +
      '免证办: by the checked ID of the real-name account (trust level L3 or above), the holder’s certificates of this county that still stand, newest first; ' +
      'a certificate the government issued is fetched from the library, never uploaded again (seed 002 §20, §24).',
    tag: TAG,
    responses: {
      200: {
        description: '本人的证照 / The holder’s certificates',
        schema: certificateLibrarySchema,
        example: { certificates: [summaryExample] },
      },
    },
    errors: { 403: ['REAL_NAME_REQUIRED'], 404: ['TENANT_NOT_FOUND'] },
  },

  GetCertificateDocument: {
    summary: '下载本人的签名电子证照文书 / Download one’s own signed certificate document',
    description:
      '持证人（实名账户，实名等级 L3 及以上，按核验过的证件认定，同“我的证照”）下载签名文书，作为附件（<证照编号>.json）；答复即存档的原始字节，' +
      '可出示给任何人，由 POST /v1/certificates/verification 核验。他人的证照与不存在的编号同样答复 404，不透露编号是否存在；已撤销或过期的证照仍可下载，核验时如实显示。' +
      '存档文书缺失或与登记的摘要值不符时答复 503。/ ' +
      'The holder (a real-name account, trust level L3 or above, by its checked ID as for the library) downloads the signed document as an attachment ' +
      '(<certificateNo>.json): the stored bytes as issued, to present to anyone, who checks them with POST /v1/certificates/verification. Someone else’s ' +
      'certificate answers 404 like an unknown number, so nobody learns which numbers exist; a revoked or expired one is still served, and its verification ' +
      'says so. 503 when the stored document is missing or no longer has the recorded digest.',
    tag: TAG,
    path: certificatePath,
    responses: {
      200: {
        description: '签名文书（content-disposition: attachment） / The signed document (content-disposition: attachment)',
        schema: signedCertificateDocumentSchema,
        example: presentedExample,
      },
    },
    errors: { 403: ['REAL_NAME_REQUIRED'], 404: ['CERTIFICATE_NOT_FOUND'], 503: ['DEPENDENCY_UNAVAILABLE'] },
  },

  ChooseResultDelivery: {
    summary: '选择结果送达方式 / Choose how the result is delivered',
    description:
      '办结后，申请人选择窗口领取或政务专递（须填写邮寄地址），出件前可更改；送达期限为办结后3个工作日（seed 004 第12–13条）。' +
      '再次作出相同选择不产生新记录。邮寄地址只存于送达记录，不进入时间线，也不在答复中返回。/ ' +
      'Once the case is completed the applicant chooses pickup at the window or government mail (with an address), and may change it until the handover; ' +
      'the result is due within 3 working days of completion (seed 004 art.12–13). The same choice again changes nothing. The address stays on the delivery ' +
      'record: never on the timeline, never in the reply.',
    tag: TAG,
    path: casePath,
    body: deliveryChoiceBody,
    bodyExample: { method: 'mail', address: { recipient: '韦小宝', phone: '13800000000', detail: '三都县三合街道民族路1号' } },
    idempotent: true,
    responses: {
      200: {
        description: '已选择 / Chosen',
        schema: resultDeliverySchema,
        example: {
          caseId: CASE_ID,
          blocked: false,
          waitingFor: [],
          status: 'chosen',
          deadline: '2026-11-27T23:59:59+08:00',
          light: 'green',
          provisional: false,
          method: 'mail',
          chosenAt: '2026-11-24T03:00:00.000Z',
        },
      },
    },
    errors: {
      400: ['DELIVERY_ADDRESS_REQUIRED'],
      404: ['CASE_NOT_FOUND', 'TENANT_NOT_FOUND'],
      409: ['CASE_NOT_COMPLETED', 'RESULT_ALREADY_DELIVERED', 'CONCURRENT_UPDATE'],
    },
  },

  HandOverResult: {
    summary: '窗口出件 / Hand the result over',
    description:
      '窗口人员当面交付结果，或以政务专递寄出并填写邮件单号（统一窗口出件，000 第8条）；出件人为登录凭证中的工号。容缺受理的材料未补齐前不能出件（seed 002 §27）。' +
      '申请人未选择取件方式而到窗口领取的，视为窗口领取并当场出件；政务专递须申请人本人选择并填写地址。以相同方式重复出件返回已记录的出件。/ ' +
      'Window staff hand the result over, or post it with its tracking number (统一窗口出件, 000 art.8); the 工号 of the token is recorded. Refused while materials ' +
      'accepted under 容缺 are outstanding (seed 002 §27). An applicant who comes to the window before choosing takes it as a pickup; mail needs their own choice ' +
      'and address. Handing over the same way again answers the recorded handover.',
    tag: TAG,
    path: casePath,
    body: handoverBody,
    bodyExample: { trackingNumber: '1187654321098' },
    idempotent: true,
    responses: {
      200: {
        description: '已送达 / Delivered',
        schema: resultDeliverySchema,
        example: {
          caseId: CASE_ID,
          blocked: false,
          waitingFor: [],
          status: 'delivered',
          deadline: '2026-11-27T23:59:59+08:00',
          light: 'green',
          provisional: false,
          method: 'mail',
          chosenAt: '2026-11-24T03:00:00.000Z',
          deliveredAt: '2026-11-25T03:00:00.000Z',
          deliveredBy: 'CK-02',
          trackingNumber: '1187654321098',
        },
      },
    },
    errors: {
      400: ['TRACKING_NUMBER_REQUIRED'],
      403: ['ROLE_NOT_ALLOWED'],
      404: ['CASE_NOT_FOUND', 'TENANT_NOT_FOUND'],
      409: ['CASE_NOT_COMPLETED', 'DELIVERY_NOT_CHOSEN', 'RESULT_ALREADY_DELIVERED', 'CONCURRENT_UPDATE'],
      422: ['RELEASE_BLOCKED_BY_DEFERRED_MATERIALS'],
    },
  },
});

import { z } from 'zod';

/**
 * What the certificate and result routes answer (电子证照, 出件), as ./use-cases.ts and the domain views it calls
 * (domain/verification.ts, domain/certificate.ts `certificateSummary`, domain/release.ts `releaseView`) build it.
 * Published in the OpenAPI document through ./http-contract.ts.
 */

const instant = z.iso.datetime({ offset: true });

const certificateSummary = z.object({
  certificateNo: z.string().describe('证照编号：行政区划代码-年份-证照类型-12位编码 / <tenantId>-<YYYY>-<TYPE>-<12 characters>'),
  certificateType: z.string().describe('证照类型代码，如 BUSINESS_LICENSE / Certificate type code'),
  name: z.string().describe('证照名称，如 营业执照 / Certificate name'),
  holder: z
    .object({
      kind: z.enum(['person', 'organisation']),
      name: z.string().describe('持证人姓名或单位名称 / Holder'),
      idType: z.string().describe('证件类型 / ID type'),
      maskedIdNumber: z.string().describe('脱敏的证件号码（只显示前四位和后四位） / The ID number, masked but for its first and last four characters'),
    })
    .describe('持证人；从不返回完整证件号码 / The holder; never the full ID number'),
  issuingDepartment: z.string().describe('发证部门（事项的牵头部门） / Issuing department (the item’s lead department)'),
  validFrom: z.iso.date().describe('有效期起（北京时间日期） / First day of validity (Shanghai date)'),
  validUntil: z.iso.date().nullable().describe('有效期至；null 为长期有效 / Last day of validity; null: permanent'),
  issuedAt: instant.describe('颁发时间（办结时间） / Issued (when the case was completed)'),
  itemCode: z.string(),
  itemVersion: z.number().int().positive().describe('办件受理时的事项版本 / The item version the case was filed under'),
  status: z
    .enum(['valid', 'revoked'])
    .describe('登记状态；revoked 为撤销（如告知承诺不实） / Recorded status; revoked e.g. after a false commitment (告知承诺)'),
  revokedAt: instant.optional(),
});

export const certificateVerdictSchema = z
  .object({
    certificateNo: z.string(),
    status: z
      .enum(['valid', 'revoked', 'expired', 'invalid'])
      .describe(
        '核验结论：valid 有效；revoked 已撤销；expired 已过有效期；invalid 文书缺失、被改动、签名不符、与登记不一致或非本平台颁发 / ' +
          'Verdict: valid; revoked; expired; invalid (document missing or changed, signature not holding, not what the record says, or not issued here)',
      ),
    reasons: z
      .array(
        z.enum([
          'DOCUMENT_MISSING',
          'DOCUMENT_DIGEST_MISMATCH',
          'DOCUMENT_MALFORMED',
          'SIGNATURE_INVALID',
          'RECORD_MISMATCH',
          'NOT_ISSUED',
          'REVOKED',
          'EXPIRED',
        ]),
      )
      .describe('结论的原因，有效时为空 / Why; empty when valid'),
    certificate: certificateSummary
      .optional()
      .describe(
        '登记的证照摘要；出示的证照非本平台颁发（NOT_ISSUED）时没有 / The recorded certificate’s summary; absent when the platform never issued the number',
      ),
  })
  .meta({
    id: 'CertificateVerdict',
    description: '电子证照核验结论（每次重新读取并核对存档文书） / A certificate verification verdict (the stored document is re-read and checked every time)',
  });

export const certificateLibrarySchema = z
  .object({
    certificates: z
      .array(certificateSummary.omit({ revokedAt: true }).extend({ status: z.literal('valid') }))
      .describe('本人在本县仍然有效的证照，最新的在前 / The holder’s certificates of this county that still stand, newest first'),
  })
  .meta({ id: 'CertificateLibrary', description: '免证办：本人的电子证照库 / 免证办: the signed-in holder’s certificate library' });

export const signedCertificateDocumentSchema = z
  .object({
    certificate: z
      .object({
        certificateNo: certificateSummary.shape.certificateNo,
        tenantId: z.string().describe('发证县的行政区划代码 / The issuing county'),
        certificateType: certificateSummary.shape.certificateType,
        name: certificateSummary.shape.name,
        holder: z
          .object({
            kind: z.enum(['person', 'organisation']),
            name: z.string(),
            idType: z.string(),
            idDigest: z.string().describe('持证人证件的摘要值（非证件号码） / Digest of the holder’s ID (never the number)'),
            maskedIdNumber: z.string(),
          })
          .describe('持证人 / The holder'),
        issuingDepartment: certificateSummary.shape.issuingDepartment,
        validFrom: certificateSummary.shape.validFrom,
        validUntil: certificateSummary.shape.validUntil,
        data: z.record(z.string(), z.unknown()).describe('证照记载的事项（证件号码、电话已脱敏） / What the certificate states (ID numbers and phones masked)'),
        caseId: z.string(),
        itemCode: z.string(),
        itemVersion: certificateSummary.shape.itemVersion,
        issuedAt: certificateSummary.shape.issuedAt,
      })
      .describe('签名的证照内容 / The signed content'),
    signature: z
      .object({
        algorithm: z.literal('Ed25519'),
        value: z.string().describe('对证照内容规范化 JSON 的 Ed25519 签名（base64） / Ed25519 signature (base64) over the canonical JSON of the content'),
      })
      .describe('平台签名 / The platform’s signature'),
  })
  .meta({
    id: 'SignedCertificateDocument',
    description:
      '签名的电子证照文书：持证人可出示给任何人，由 POST /v1/certificates/verification 核验 / ' +
      'A signed certificate document: the holder presents it to anyone, who checks it with POST /v1/certificates/verification',
  });

export const resultDeliverySchema = z
  .object({
    caseId: z.string(),
    blocked: z.boolean().describe('容缺材料未补齐时暂不能出件（seed 002 §27） / Blocked while 容缺 materials are outstanding (seed 002 §27)'),
    waitingFor: z.array(z.string()).describe('尚未补齐的容缺材料 / The deferred materials still outstanding'),
    status: z.enum(['chosen', 'delivered']).describe('chosen 已选择送达方式，delivered 已送达 / chosen; delivered'),
    deadline: instant
      .nullable()
      .describe(
        '送达期限：办结后第3个工作日结束（seed 004 第12–13条）；所在年度节假日安排未加载时为 null / End of the 3rd working day after completion (seed 004 art.12–13); null while that year has no calendar',
      ),
    light: z
      .enum(['green', 'yellow', 'red', 'unknown'])
      .describe(
        '送达时限灯：最后一个工作日为黄灯，逾期为红灯（逾期送达保持红灯） / Delivery light: yellow on the last working day, red once late (a late delivery stays red)',
      ),
    provisional: z.boolean().describe('期限按尚未公布节假日安排的年度暂算 / Counted over a year whose holiday notice is not out yet'),
    method: z.enum(['pickup', 'mail']).describe('pickup 窗口领取，mail 政务专递 / Pickup at the window, or government mail'),
    chosenAt: instant,
    deliveredAt: instant.optional(),
    deliveredBy: z.string().optional().describe('出件的窗口人员工号 / 工号 of the window staff who handed it over'),
    trackingNumber: z.string().optional().describe('政务专递邮件单号 / Postal tracking number'),
  })
  .meta({
    id: 'ResultDelivery',
    description:
      '办理结果的送达（出件）：方式、期限和时限灯；不含邮寄地址 / How the result reaches the applicant: method, deadline and light; never the address',
  });

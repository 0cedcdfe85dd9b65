/**
 * The HTTP contract of electronic materials (电子材料): one entry per route of
 * infra/definitions/functions/materials.ts, keyed by its definition id, with the bodies the use cases of
 * ./use-cases.ts answer. The applicant's routes and the window's workbench routes share one handler each,
 * so each pair shares its request schemas here.
 */

import { z } from 'zod';
import { MaterialFileTypeSchema } from '../catalogue/domain/tenant-config/vocabularies';
import { caseIdSchema, ulidSchema } from '../kernel/ids';
import { routeContracts } from '../shared/api-contract';
import { casePath, libraryReferenceBody, materialPath, uploadPath, uploadRequestBody } from './use-cases';

const tag = '材料 Materials';

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

const instant = (what: string) => z.iso.datetime().describe(what);
const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('SHA-256（小写十六进制） / Lower-case hex SHA-256');

const checklistBase = {
  materialId: z.string().describe('材料编码 / Material id'),
  name: z.string().describe('材料名称 / Material name'),
  required: z.boolean().describe('必交 / Required'),
  mayBeMissingAtAcceptance: z.boolean().describe('容缺：可先受理、出证前补齐（seed 002 §27） / 容缺: may follow after acceptance'),
  electronicAccepted: z.boolean().describe('接收电子文件 / Electronic files accepted'),
  fileTypes: z.array(MaterialFileTypeSchema).describe('可上传的文件类型 / Accepted file types'),
  fromCertificateLibrary: z.string().optional().describe('免证办：可从电子证照库调取的证照类型（seed 002 §20） / Certificate type it can be referenced from'),
};

/**
 * One line of the checklist (`checklistView`): missing, provided by a verified upload, or provided by a certificate
 * reference (免证办). The case view carries the same lines (functions/intake/responses.ts, held equal by a unit test).
 */
export const materialChecklistLineSchema = z
  .union([
    z.object({ ...checklistBase, status: z.literal('missing').describe('未提供 / Missing') }),
    z.object({
      ...checklistBase,
      status: z.literal('provided').describe('已提供 / Provided'),
      source: z.literal('upload').describe('上传并核验的文件 / A verified upload'),
      fileName: z.string().describe('文件名（已清理） / Sanitised file name'),
      contentType: z.string(),
      sizeBytes: z.number().int().positive(),
      uploadedAt: instant('核验通过时间 / Verified at'),
    }),
    z.object({
      ...checklistBase,
      status: z.literal('provided').describe('已提供 / Provided'),
      source: z.literal('certificate-library').describe('免证办：引用电子证照库中的证照 / Referenced from the certificate library'),
      certificateType: z.string(),
      certificateNo: z.string(),
      referencedAt: instant('引用时间 / Referenced at'),
    }),
  ])
  .describe('材料清单中的一项（不含存储位置） / One line of the material checklist, never a storage key')
  .meta({ id: 'MaterialChecklistLine' });

export const caseMaterialsSchema = z
  .object({
    caseId: caseIdSchema,
    item: z
      .object({ code: z.string(), name: z.string(), version: z.number().int().positive() })
      .describe('办件所依据的事项版本：只收取该版本办事指南列出的材料（seed 004 art.7） / The item version: only its materials are taken'),
    materials: z.array(materialChecklistLineSchema),
    missing: z
      .object({
        blocking: z.array(z.string()).describe('尚缺、影响受理的必交材料 / Required materials still missing that block acceptance'),
        deferrable: z.array(z.string()).describe('尚缺、可容缺受理的材料（出证前补齐） / Missing materials that may follow (容缺)'),
      })
      .describe('仍缺的电子材料 / What is still missing'),
  })
  .meta({ id: 'CaseMaterials' });

export const materialUploadTicketSchema = z
  .object({
    uploadId: ulidSchema.describe('上传编号，完成上传时使用 / Upload id, for the completion'),
    fileName: z.string().describe('清理后的文件名：仅末段路径，去除控制、双向控制和保留字符，最长100字 / The sanitised file name'),
    uploadUrl: z.string().describe('预签名上传地址，15分钟内有效，仅能使用一次 / Presigned PUT URL, valid 15 minutes, single use'),
    method: z.literal('PUT'),
    headers: z
      .object({ 'content-type': z.string(), 'if-none-match': z.literal('*') })
      .catchall(z.string())
      .describe('上传时须原样携带的请求头（已签名） / Headers the PUT must carry exactly as given (they are signed)'),
    sizeBytes: z.number().int().positive().describe('申报大小，上传的文件必须一致 / Declared size: the upload must have it'),
    expiresAt: instant('上传地址失效时间 / When the URL stops working'),
  })
  .describe('上传凭证：文件直接上传至存储，不经过函数 / The upload ticket: the bytes go straight to storage')
  .meta({ id: 'MaterialUploadTicket' });

export const verifiedUploadSchema = z
  .object({
    uploadId: ulidSchema,
    materialId: z.string(),
    status: z.literal('verified').describe('已核验：大小、文件头、OFD 容器与 SHA-256 均与申报一致 / Size, signature, OFD container and SHA-256 all match'),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int().positive(),
    sha256,
    verifiedAt: instant('核验时间 / Verified at'),
  })
  .describe('上传的文件已核验，并作为该材料（最新上传为准） / The file is verified and provides the material (latest wins)')
  .meta({ id: 'VerifiedMaterialUpload' });

export const materialReferenceSchema = z
  .object({
    materialId: z.string(),
    status: z.literal('provided'),
    source: z.literal('certificate-library'),
    certificateType: z.string().describe('证照类型 / Certificate type'),
    certificateNo: z.string().describe('证照编号 / Certificate number'),
    referencedAt: instant('引用时间 / Referenced at'),
    verification: z.literal('certificate-library').describe('由电子证照库核验：本县签发、有效、类型相符、持证人为申请人 / Checked by the certificate library'),
  })
  .describe('免证办：以已签发的电子证照代替上传（seed 002 §20、§24） / 免证办: an issued certificate stands in for the upload')
  .meta({ id: 'MaterialReference' });

export const materialDownloadSchema = z
  .object({
    materialId: z.string(),
    url: z.string().describe('预签名下载地址，5分钟内有效，以清理后的文件名保存 / Presigned GET URL, valid 5 minutes'),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int().positive(),
    sha256,
    expiresAt: instant('下载地址失效时间 / When the URL stops working'),
  })
  .meta({ id: 'MaterialDownload' });

// ---------------------------------------------------------------------------------------------
// Examples: a 建设工程规划许可 application in 三都水族自治县 (522732)
// ---------------------------------------------------------------------------------------------

const CASE_ID = '01KMZ3Q8T4V6W9X2Y5Z7A1B3C4';
const UPLOAD_ID = '01KMZ3Q8T4V6W9X2Y5Z7A1B3G1';
const DESIGN_SHA256 = '9f2c4d7e1a0b3c5d6e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f';
const fileTypes = ['pdf', 'jpg', 'png'];

const uploadDeclaration = { fileName: '设计方案.pdf', contentType: 'application/pdf', sizeBytes: 1843200, sha256: DESIGN_SHA256 };

const uploadTicket = {
  uploadId: UPLOAD_ID,
  fileName: '设计方案.pdf',
  uploadUrl: `https://tongban-materials.s3.cn-northwest-1.amazonaws.com.cn/522732/${CASE_ID}/DESIGN_SCHEME/${UPLOAD_ID}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost%3Bif-none-match`,
  method: 'PUT',
  headers: { 'content-type': 'application/pdf', 'if-none-match': '*' },
  sizeBytes: 1843200,
  expiresAt: '2026-11-24T01:35:00.000Z',
};

const verifiedUpload = {
  uploadId: UPLOAD_ID,
  materialId: 'DESIGN_SCHEME',
  status: 'verified',
  fileName: '设计方案.pdf',
  contentType: 'application/pdf',
  sizeBytes: 1843200,
  sha256: DESIGN_SHA256,
  verifiedAt: '2026-11-24T01:25:00.000Z',
};

const checklist = {
  caseId: CASE_ID,
  item: { code: 'GTGH-0001', name: '建设工程规划许可证核发', version: 1 },
  materials: [
    {
      materialId: 'PLANNING_APPLICATION',
      name: '建设工程规划许可申请表',
      required: true,
      mayBeMissingAtAcceptance: false,
      electronicAccepted: true,
      fileTypes,
      status: 'missing',
    },
    {
      materialId: 'PROJECT_APPROVAL',
      name: '建设项目批准、核准或备案文件',
      required: true,
      mayBeMissingAtAcceptance: true,
      electronicAccepted: true,
      fileTypes,
      status: 'missing',
    },
    {
      materialId: 'LAND_TITLE',
      name: '使用土地的有关证明文件（不动产权证书）',
      required: true,
      mayBeMissingAtAcceptance: false,
      electronicAccepted: true,
      fileTypes,
      fromCertificateLibrary: 'REAL_ESTATE_CERT',
      status: 'provided',
      source: 'certificate-library',
      certificateType: 'REAL_ESTATE_CERT',
      certificateNo: '522732-2025-REAL_ESTATE_CERT-7M2K9Q4W1X8Z',
      referencedAt: '2026-11-23T02:20:00.000Z',
    },
    {
      materialId: 'DESIGN_SCHEME',
      name: '建设工程设计方案（总平面图及单体建筑方案）',
      required: true,
      mayBeMissingAtAcceptance: false,
      electronicAccepted: true,
      fileTypes: ['pdf'],
      status: 'provided',
      source: 'upload',
      fileName: '设计方案.pdf',
      contentType: 'application/pdf',
      sizeBytes: 1843200,
      uploadedAt: '2026-11-24T01:25:00.000Z',
    },
  ],
  missing: { blocking: ['PLANNING_APPLICATION'], deferrable: ['PROJECT_APPROVAL'] },
};

// ---------------------------------------------------------------------------------------------
// The routes
// ---------------------------------------------------------------------------------------------

const signedIn = ['INVALID_IDENTITY_CLAIMS'] as const;
const staffOfThisCounty = ['STAFF_OF_OTHER_TENANT'] as const;

const declarationCodes = [
  'UNKNOWN_MATERIAL',
  'MATERIAL_ELECTRONIC_NOT_ACCEPTED',
  'MATERIAL_FILE_NAME_INVALID',
  'MATERIAL_TYPE_NOT_ALLOWED',
  'MATERIAL_CONTENT_TYPE_MISMATCH',
  'MATERIAL_TOO_LARGE',
  ...signedIn,
] as const;
const verificationCodes = ['MATERIAL_NOT_UPLOADED', 'MATERIAL_SIZE_MISMATCH', 'MATERIAL_CONTENT_MISMATCH', 'MATERIAL_CHECKSUM_MISMATCH'] as const;

const uploadRequest = {
  tag,
  path: materialPath,
  body: uploadRequestBody,
  bodyExample: uploadDeclaration,
  responses: { 201: { description: '上传凭证 / The upload ticket', schema: materialUploadTicketSchema, example: uploadTicket } },
} as const;
const uploadRequestDescription =
  '上传前先申报文件：扩展名须在该材料的 `fileTypes` 内，声明的类型须与扩展名一致，单个文件不超过 20 MiB，文件名经清理且不作为存储键。材料只在办件待受理或待补正时收取（容缺材料在出件前均可补交），否则 409 CASE_STATE_CONFLICT。\n\n' +
  'Declare the file first (type, content type, size, SHA-256); PUT the bytes to `uploadUrl` with exactly `headers` within 15 minutes, then complete.';

const uploadCompletion = {
  tag,
  path: uploadPath,
  responses: { 200: { description: '文件已核验 / The file is verified', schema: verifiedUploadSchema, example: verifiedUpload } },
} as const;
const uploadCompletionDescription =
  '核验上传的文件：大小与申报一致，文件头为所申报的格式（PDF、PNG、JPEG；OFD 须为含 OFD.xml 的压缩包），服务端计算的 SHA-256 与申报一致。不合格的文件被删除并答复 422 及原因；重复请求答复相同结果。电子材料与纸质材料具有同等效力（seed 004 art.8）。\n\n' +
  'Verifies the uploaded object against the declaration; a bad file is deleted and refused with 422 and its reason; repeating gives the same answer.';

const checklistRoute = {
  tag,
  path: casePath,
  responses: { 200: { description: '材料清单 / The material checklist', schema: caseMaterialsSchema, example: checklist } },
} as const;

export const materialContracts = routeContracts({
  RequestMaterialUpload: {
    ...uploadRequest,
    summary: '申报并获取材料上传地址 / Declare a file for a material and get its upload URL',
    description: uploadRequestDescription,
    errors: { 400: declarationCodes, 404: ['CASE_NOT_FOUND', 'ITEM_NOT_FOUND'], 409: ['CASE_STATE_CONFLICT'] },
  },
  CompleteMaterialUpload: {
    ...uploadCompletion,
    summary: '完成上传并核验文件 / Complete the upload: verify the file',
    description: uploadCompletionDescription,
    errors: { 400: signedIn, 404: ['CASE_NOT_FOUND', 'MATERIAL_UPLOAD_NOT_FOUND'], 409: ['CONCURRENT_UPDATE'], 422: verificationCodes },
  },
  ReferenceMaterialCertificate: {
    summary: '免证办：以电子证照代替材料 / Provide a material by an issued certificate (免证办)',
    description:
      '材料声明了 `fromCertificateLibrary` 的，可填写已签发证照的编号代替上传（seed 002 §20、§24）：须为本县（区）签发（404 CERTIFICATE_NOT_FOUND）、有效（422 CERTIFICATE_REVOKED、CERTIFICATE_EXPIRED）、类型相符（422 CERTIFICATE_TYPE_MISMATCH）、持证人为本件申请人（422 CERTIFICATE_HOLDER_MISMATCH）。重复引用同一证照不产生变化。\n\n' +
      'A certificate of this county, still valid, of the material’s type and held by the applicant stands in for the upload.',
    tag,
    path: materialPath,
    body: libraryReferenceBody,
    bodyExample: { certificateNo: '522732-2025-REAL_ESTATE_CERT-7M2K9Q4W1X8Z' },
    responses: {
      200: {
        description: '已以证照提供该材料 / The material is provided by the certificate',
        schema: materialReferenceSchema,
        example: {
          materialId: 'LAND_TITLE',
          status: 'provided',
          source: 'certificate-library',
          certificateType: 'REAL_ESTATE_CERT',
          certificateNo: '522732-2025-REAL_ESTATE_CERT-7M2K9Q4W1X8Z',
          referencedAt: '2026-11-23T02:20:00.000Z',
          verification: 'certificate-library',
        },
      },
    },
    errors: {
      400: ['UNKNOWN_MATERIAL', 'MATERIAL_NOT_IN_CERTIFICATE_LIBRARY', 'CERTIFICATE_NO_INVALID', ...signedIn],
      404: ['CASE_NOT_FOUND', 'ITEM_NOT_FOUND', 'CERTIFICATE_NOT_FOUND'],
      409: ['CASE_STATE_CONFLICT'],
      422: ['CERTIFICATE_REVOKED', 'CERTIFICATE_EXPIRED', 'CERTIFICATE_TYPE_MISMATCH', 'CERTIFICATE_HOLDER_MISMATCH'],
    },
  },
  ListCaseMaterials: {
    ...checklistRoute,
    summary: '查看本人办件的材料清单 / The material checklist of one’s case',
    description:
      '按办件所依据的事项版本列出材料：是否已提供、如何提供（上传或证照引用）、仍缺哪些（影响受理的与可容缺的）。\n\nThe checklist of the case’s item version: what is provided, how, and what is still missing.',
    errors: { 400: signedIn, 404: ['CASE_NOT_FOUND', 'ITEM_NOT_FOUND'] },
  },
  GetMaterialDownload: {
    summary: '下载申请材料（工作人员） / Download a verified material file (staff)',
    description:
      '窗口人员、督查人员，以及承办该件的部门的承办人和负责人，可获取5分钟有效的下载地址（系统管理员不可）。只有经核验的上传文件可下载（404 MATERIAL_FILE_NOT_FOUND）。\n\n' +
      'A 5-minute URL for the verified file, for the window, supervisors and the departments working on the case.',
    tag,
    path: materialPath,
    responses: {
      200: {
        description: '下载地址 / The download URL',
        schema: materialDownloadSchema,
        example: {
          materialId: 'DESIGN_SCHEME',
          url: `https://tongban-materials.s3.cn-northwest-1.amazonaws.com.cn/522732/${CASE_ID}/DESIGN_SCHEME/${UPLOAD_ID}?response-content-disposition=attachment&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300`,
          fileName: '设计方案.pdf',
          contentType: 'application/pdf',
          sizeBytes: 1843200,
          sha256: DESIGN_SHA256,
          expiresAt: '2026-11-26T02:05:00.000Z',
        },
      },
    },
    errors: { 400: signedIn, 403: ['ROLE_NOT_ALLOWED', 'OTHER_DEPARTMENT', ...staffOfThisCounty], 404: ['CASE_NOT_FOUND', 'MATERIAL_FILE_NOT_FOUND'] },
  },
  WindowRequestMaterialUpload: {
    ...uploadRequest,
    summary: '窗口代为上传：申报文件并获取上传地址 / The window takes a walk-in applicant’s file: declare it',
    description: `${uploadRequestDescription}\n\n窗口人员为到场申请人扫描上传（网上与窗口同一标准，seed 002 §15）。`,
    errors: {
      400: declarationCodes,
      403: ['ROLE_NOT_ALLOWED', ...staffOfThisCounty],
      404: ['CASE_NOT_FOUND', 'ITEM_NOT_FOUND'],
      409: ['CASE_STATE_CONFLICT'],
    },
  },
  WindowCompleteMaterialUpload: {
    ...uploadCompletion,
    summary: '窗口代为上传：完成并核验 / The window completes the upload: verify the file',
    description: uploadCompletionDescription,
    errors: {
      400: signedIn,
      403: ['ROLE_NOT_ALLOWED', ...staffOfThisCounty],
      404: ['CASE_NOT_FOUND', 'MATERIAL_UPLOAD_NOT_FOUND'],
      409: ['CONCURRENT_UPDATE'],
      422: verificationCodes,
    },
  },
  ListCaseMaterialsForStaff: {
    ...checklistRoute,
    summary: '查看办件材料清单（工作人员） / The material checklist, for staff',
    description: '本县（区）工作人员均可查看。\n\nAny member of staff of the county.',
    errors: { 400: signedIn, 403: staffOfThisCounty, 404: ['CASE_NOT_FOUND', 'ITEM_NOT_FOUND'] },
  },
});

import type { PublishedItem } from '../../catalogue/domain/service-item';
import type { Material, MaterialFileType } from '../../catalogue/domain/tenant-config/index';
import type { CaseEvent } from '../../kernel/events/case-events';
import { NotFoundError, RuleNotSatisfiableError, ValidationError } from '../../shared/errors';
import { type DetectedFormat, detectFormat, expectedFormat, formatLabel, OFD_ENTRY_FILE } from './content';
import { type AcceptedDeclaration, checkDeclaration, type UploadDeclaration } from './file-rules';

/**
 * The electronic materials (电子材料) of a case, pure: an upload is requested for one entry of the
 * item version's material list, verified against what was declared, and then provides that
 * material; or a certificate already issued is referenced from the certificate library (免证办).
 * Every change comes with the case timeline event to store with it, in one transaction.
 */

/** An upload is `pending` until its object is verified (`verified`) or refused and deleted (`rejected`). */
export type UploadStatus = 'pending' | 'verified' | 'rejected';

/** Why an uploaded object was refused; kept on the upload so a repeated completion gives the same answer. */
export interface UploadProblem {
  readonly code: 'MATERIAL_SIZE_MISMATCH' | 'MATERIAL_CONTENT_MISMATCH' | 'MATERIAL_CHECKSUM_MISMATCH';
  readonly reasonZh: string;
  readonly reasonEn: string;
}

/** One attempt to upload one file for one material of a case. */
export interface MaterialUpload extends AcceptedDeclaration {
  readonly tenantId: string;
  readonly caseId: string;
  readonly materialId: string;
  readonly uploadId: string;
  /** Lower-case hex SHA-256 the applicant declared; the stored object must hash to it. */
  readonly sha256: string;
  /** Who uploads: the applicant online, or the window for a case filed there. */
  readonly actor: string;
  readonly status: UploadStatus;
  readonly requestedAt: string;
  /** When the upload URL stops working. */
  readonly expiresAt: string;
  readonly completedAt?: string;
  readonly rejection?: UploadProblem;
  /** The S3 object version that was verified, where the bucket keeps versions. */
  readonly versionId?: string;
}

interface ProvidedBase {
  readonly tenantId: string;
  readonly caseId: string;
  readonly materialId: string;
  readonly providedAt: string;
}

/** A material provided by a verified upload. */
export interface UploadedMaterial extends ProvidedBase {
  readonly source: 'upload';
  readonly uploadId: string;
  readonly fileName: string;
  readonly fileType: MaterialFileType;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly versionId?: string;
}

/** A material provided by reference to a certificate the government already issued (免证办). */
export interface ReferencedMaterial extends ProvidedBase {
  readonly source: 'certificate-library';
  readonly certificateType: string;
  readonly certificateNo: string;
}

/** What the case holds for one material: the latest verified upload or certificate reference wins. */
export type ProvidedMaterial = UploadedMaterial | ReferencedMaterial;

/** The materials a case holds so far; a material without an entry is missing. */
export type MaterialChecklist = readonly ProvidedMaterial[];

/** Timeline events of materials; stored in the case timeline with the intake events. */
export type MaterialEventType = 'MaterialProvided' | 'MaterialRejected';

export interface MaterialEvent extends Omit<CaseEvent, 'type'> {
  readonly type: MaterialEventType;
}

/** The case an upload or a reference belongs to, as far as materials need it. */
export interface CaseRef {
  readonly tenantId: string;
  readonly caseId: string;
  /** `applicant` for an online case, `window` for one filed at a window. */
  readonly actor: string;
}

/** The object key of an upload: tenant first, and never the applicant's file name. */
export const materialObjectKey = (upload: Pick<MaterialUpload, 'tenantId' | 'caseId' | 'materialId' | 'uploadId'>): string =>
  `${upload.tenantId}/${upload.caseId}/${upload.materialId}/${upload.uploadId}`;

/** The material of the item version, or a 400 `UNKNOWN_MATERIAL`: a case may only be given what its guide asks for. */
export function materialOf(item: Pick<PublishedItem, 'code' | 'version' | 'materials'>, materialId: string): Material {
  const material = item.materials.find((candidate) => candidate.id === materialId);
  if (!material) {
    throw new ValidationError(
      `事项 ${item.code}（第${item.version}版）的申请材料中没有 ${materialId}`,
      `Item ${item.code} v${item.version} asks for no material ${materialId}`,
      [{ path: 'path.materialId', message: 'not in the material list of the case item version' }],
      'UNKNOWN_MATERIAL',
    );
  }
  return material;
}

/** A new upload for a material, if the declared file passes the rules of that material. */
export function requestUpload(
  input: {
    readonly caseRef: CaseRef;
    readonly material: Material;
    readonly declared: UploadDeclaration & { readonly sha256: string };
    readonly uploadId: string;
  },
  now: Date,
  validForSeconds: number,
): MaterialUpload {
  const accepted = checkDeclaration(input.material, input.declared);
  return {
    tenantId: input.caseRef.tenantId,
    caseId: input.caseRef.caseId,
    materialId: input.material.id,
    uploadId: input.uploadId,
    ...accepted,
    sha256: input.declared.sha256.toLowerCase(),
    actor: input.caseRef.actor,
    status: 'pending',
    requestedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + validForSeconds * 1000).toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Verification of the uploaded object, in the order of their cost: size, signature, container, checksum.
// ---------------------------------------------------------------------------------------------

/** The stored size must be the declared size (the upload URL is also signed with it). */
export function sizeProblem(upload: MaterialUpload, storedBytes: number): UploadProblem | undefined {
  if (storedBytes === upload.sizeBytes) return undefined;
  return {
    code: 'MATERIAL_SIZE_MISMATCH',
    reasonZh: `上传文件大小（${storedBytes} 字节）与申报大小（${upload.sizeBytes} 字节）不符`,
    reasonEn: `Uploaded size ${storedBytes} bytes differs from the declared ${upload.sizeBytes} bytes`,
  };
}

const contentMismatch = (upload: MaterialUpload, detected: DetectedFormat, extraZh = '', extraEn = ''): UploadProblem => ({
  code: 'MATERIAL_CONTENT_MISMATCH',
  reasonZh: `文件内容不是声明的 ${upload.fileType.toUpperCase()} 格式（检测为：${formatLabel[detected].zh}${extraZh}）`,
  reasonEn: `File content is not the declared ${upload.fileType} format (detected: ${formatLabel[detected].en}${extraEn})`,
});

/** The leading bytes must carry the signature of the declared type; a renamed executable or image fails here. */
export function signatureProblem(upload: MaterialUpload, prefix: Uint8Array): UploadProblem | undefined {
  const detected = detectFormat(prefix);
  return detected === expectedFormat[upload.fileType] ? undefined : contentMismatch(upload, detected);
}

/** An OFD is a zip with `OFD.xml` at its root; any other zip renamed `.ofd` is refused. */
export function ofdContainerProblem(upload: MaterialUpload, entryNames: readonly string[] | undefined): UploadProblem | undefined {
  if (entryNames?.includes(OFD_ENTRY_FILE)) return undefined;
  return contentMismatch(upload, 'zip', `，缺少 ${OFD_ENTRY_FILE}`, `, without ${OFD_ENTRY_FILE}`);
}

/** The object must hash to the SHA-256 the applicant declared: what arrived is what they meant to send. */
export function checksumProblem(upload: MaterialUpload, storedSha256: string): UploadProblem | undefined {
  if (storedSha256.toLowerCase() === upload.sha256) return undefined;
  return {
    code: 'MATERIAL_CHECKSUM_MISMATCH',
    reasonZh: '上传文件的SHA-256校验值与申报值不符，文件可能在传输中损坏或被替换',
    reasonEn: 'The SHA-256 of the uploaded file differs from the declared one; it was corrupted or replaced in transit',
  };
}

/** A verified (pending) upload provides its material, replacing whatever was provided before (latest wins). */
export function acceptUpload(
  upload: MaterialUpload,
  versionId: string | undefined,
  now: string,
  eventId: string,
): { upload: MaterialUpload; provided: UploadedMaterial; event: MaterialEvent } {
  const verified: MaterialUpload = { ...upload, status: 'verified', completedAt: now, ...(versionId ? { versionId } : {}) };
  return {
    upload: verified,
    provided: {
      tenantId: upload.tenantId,
      caseId: upload.caseId,
      materialId: upload.materialId,
      source: 'upload',
      uploadId: upload.uploadId,
      fileName: upload.fileName,
      fileType: upload.fileType,
      contentType: upload.contentType,
      sizeBytes: upload.sizeBytes,
      sha256: upload.sha256,
      ...(versionId ? { versionId } : {}),
      providedAt: now,
    },
    // no file name in the timeline: applicants name files after people ("张三身份证.pdf")
    event: {
      eventId,
      caseId: upload.caseId,
      type: 'MaterialProvided',
      at: now,
      actor: upload.actor,
      detail: {
        materialId: upload.materialId,
        source: 'upload',
        uploadId: upload.uploadId,
        fileType: upload.fileType,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
      },
    },
  };
}

/** A refused (pending) upload keeps its reason; the material stays as it was. */
export function rejectUpload(upload: MaterialUpload, problem: UploadProblem, now: string, eventId: string): { upload: MaterialUpload; event: MaterialEvent } {
  return {
    upload: { ...upload, status: 'rejected', completedAt: now, rejection: problem },
    event: {
      eventId,
      caseId: upload.caseId,
      type: 'MaterialRejected',
      at: now,
      actor: 'system',
      detail: { materialId: upload.materialId, uploadId: upload.uploadId, code: problem.code },
    },
  };
}

export const uploadNotFound = (uploadId: string): NotFoundError =>
  new NotFoundError({ zh: '材料上传记录', en: 'Material upload', code: 'MATERIAL_UPLOAD_NOT_FOUND' }, uploadId);

/** The error a refused upload answers with, the first time and every time after (422). */
export const uploadRefused = (problem: UploadProblem): RuleNotSatisfiableError => new RuleNotSatisfiableError(problem.reasonZh, problem.reasonEn, problem.code);

/** Longest certificate number a reference may name; the library itself decides whether it exists (functions/certificates). */
export const CERTIFICATE_NO_MAX_LENGTH = 64;

/**
 * 免证办: the material is provided by a certificate the government already issued, found in the
 * certificate library by its number. Only a material that declares `fromCertificateLibrary` can be.
 */
export function referenceCertificate(
  caseRef: CaseRef,
  material: Material,
  certificateNo: string,
  now: string,
  eventId: string,
): { provided: ReferencedMaterial; event: MaterialEvent } {
  if (!material.fromCertificateLibrary) {
    throw new ValidationError(
      `材料「${material.name}」不能从电子证照库调取，请上传文件`,
      `Material ${material.id} is not available from the certificate library; upload a file instead`,
      undefined,
      'MATERIAL_NOT_IN_CERTIFICATE_LIBRARY',
    );
  }
  return {
    provided: {
      tenantId: caseRef.tenantId,
      caseId: caseRef.caseId,
      materialId: material.id,
      source: 'certificate-library',
      certificateType: material.fromCertificateLibrary,
      certificateNo,
      providedAt: now,
    },
    // the certificate number stays on the material: the timeline only says which kind was referenced
    event: {
      eventId,
      caseId: caseRef.caseId,
      type: 'MaterialProvided',
      at: now,
      actor: caseRef.actor,
      detail: { materialId: material.id, source: 'certificate-library', certificateType: material.fromCertificateLibrary },
    },
  };
}

/** True when the material already holds this very reference, so recording it again would change nothing. */
export const alreadyReferenced = (current: ProvidedMaterial | undefined, certificateNo: string): current is ReferencedMaterial =>
  current?.source === 'certificate-library' && current.certificateNo === certificateNo;

// ---------------------------------------------------------------------------------------------
// The checklist as applicants and staff see it, and what is still missing for acceptance.
// ---------------------------------------------------------------------------------------------

const providedById = (checklist: MaterialChecklist) => new Map(checklist.map((entry) => [entry.materialId, entry]));

/**
 * Which required materials of the item are still missing: `blocking` ones prevent acceptance,
 * `deferrable` ones (容缺, `mayBeMissingAtAcceptance`) may follow, but before the result is issued.
 * Optional materials are never missing.
 */
export function missingMaterials(checklist: MaterialChecklist, item: Pick<PublishedItem, 'materials'>): { blocking: Material[]; deferrable: Material[] } {
  const provided = providedById(checklist);
  const missing = item.materials.filter((material) => material.required && !provided.has(material.id));
  return {
    blocking: missing.filter((material) => !material.mayBeMissingAtAcceptance),
    deferrable: missing.filter((material) => material.mayBeMissingAtAcceptance),
  };
}

/** One line of the checklist view: the item's material and what the case holds for it. Never a storage key. */
export function checklistView(checklist: MaterialChecklist, item: Pick<PublishedItem, 'materials'>) {
  const provided = providedById(checklist);
  return item.materials.map((material) => {
    const entry = provided.get(material.id);
    return {
      materialId: material.id,
      name: material.name,
      required: material.required,
      mayBeMissingAtAcceptance: material.mayBeMissingAtAcceptance,
      electronicAccepted: material.electronicAccepted,
      fileTypes: material.fileTypes,
      ...(material.fromCertificateLibrary ? { fromCertificateLibrary: material.fromCertificateLibrary } : {}),
      status: entry ? ('provided' as const) : ('missing' as const),
      ...(entry?.source === 'upload'
        ? { source: entry.source, fileName: entry.fileName, contentType: entry.contentType, sizeBytes: entry.sizeBytes, uploadedAt: entry.providedAt }
        : entry?.source === 'certificate-library'
          ? { source: entry.source, certificateType: entry.certificateType, certificateNo: entry.certificateNo, referencedAt: entry.providedAt }
          : {}),
    };
  });
}

/** Staff download: only a material provided by a verified upload has a file. */
export function downloadableFile(entry: ProvidedMaterial | undefined, materialId: string): UploadedMaterial {
  if (entry?.source !== 'upload')
    throw new NotFoundError({ zh: '已核验的材料文件', en: 'Verified material file', code: 'MATERIAL_FILE_NOT_FOUND' }, materialId);
  return entry;
}

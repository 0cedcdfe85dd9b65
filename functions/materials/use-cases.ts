import { z } from 'zod';
import type { ItemCatalogue } from '../catalogue/domain/service-item';
import type { Case } from '../intake/domain/case';
import { type CaseStatus, caseStatusLabel } from '../kernel/case-vocabulary';
import type { CaseRepository } from '../intake/domain/ports';
import { applicantDigest } from '../kernel/applicant';
import { authorize, authorizeRole } from '../kernel/permissions';
import { actorOf, ownershipOf } from '../kernel/principal';
import { caseIdSchema, ulidSchema } from '../kernel/ids';
import { InvalidTransitionError, notFound, RuleNotSatisfiableError } from '../shared/errors';
import { libraryCertificateProblem } from '../certificates/domain/certificate';
import type { RequestContext } from '../shared/request-context';
import type { Clock, IdGenerator } from '../shared/runtime';
import { SIGNATURE_BYTES, ZIP_TAIL_BYTES, locateZipDirectory, zipEntryNames } from './domain/content';
import {
  acceptUpload,
  alreadyReferenced,
  type CaseRef,
  CERTIFICATE_NO_MAX_LENGTH,
  checklistView,
  checksumProblem,
  downloadableFile,
  materialObjectKey,
  materialOf,
  type MaterialUpload,
  missingMaterials,
  ofdContainerProblem,
  rejectUpload,
  referenceCertificate,
  requestUpload,
  signatureProblem,
  sizeProblem,
  uploadNotFound,
  type UploadProblem,
  uploadRefused,
} from './domain/material';
import type { CertificateLibrary, MaterialRepository, MaterialStore, StoredObject } from './domain/ports';

/** How long an upload URL works: long enough for 20 MiB on a slow county line, short enough not to be passed around. */
export const UPLOAD_URL_SECONDS = 15 * 60;
/** How long a staff download URL works: it is fetched at once, never bookmarked. */
export const DOWNLOAD_URL_SECONDS = 5 * 60;
/**
 * Case states in which materials are taken. Only `submitted` for now: after acceptance the window
 * has decided on what it had; 补正 (`supplement_requested`) and 容缺 follow-ups join with their issues.
 */
export const CASE_STATES_TAKING_MATERIALS: readonly CaseStatus[] = ['submitted', 'supplement_requested'];
/** 容缺: a deferred material is due before the result is released, so it is taken until then. */
export const CASE_STATES_TAKING_DEFERRED_MATERIALS: readonly CaseStatus[] = [...CASE_STATES_TAKING_MATERIALS, 'accepted', 'in_approval', 'completed'];

const materialIdSchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,59}$/, 'expected an upper snake case material id');

export const materialPath = z.object({ caseId: caseIdSchema, materialId: materialIdSchema });
export const casePath = z.object({ caseId: caseIdSchema });
export const uploadPath = materialPath.extend({ uploadId: ulidSchema });

export const uploadRequestBody = z.object({
  // the raw name may carry a path; the domain keeps its last segment, sanitised, at most 100 characters
  fileName: z.string().min(1).max(1000),
  contentType: z.string().trim().min(1).max(100),
  // the upper limit is a domain rule with its own code (MATERIAL_TOO_LARGE)
  sizeBytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'expected a hex SHA-256 (64 characters)'),
});

export const libraryReferenceBody = z.object({
  certificateNo: z
    .string()
    .trim()
    .min(1)
    .max(CERTIFICATE_NO_MAX_LENGTH)
    .regex(/^[^\p{Cc}]+$/u, 'control characters are not allowed'),
});

export interface MaterialDependencies {
  readonly cases: Pick<CaseRepository, 'find'>;
  readonly library: CertificateLibrary;
  readonly catalogue: Pick<ItemCatalogue, 'itemVersion'>;
  readonly materials: MaterialRepository;
  readonly store: MaterialStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

type MaterialPath = z.infer<typeof materialPath>;
type UploadPath = z.infer<typeof uploadPath>;

type MaterialAction = 'material.upload' | 'material.list' | 'material.download';

/** The case, once the caller may act on it: its applicant, or staff of the county (of a department working on it, for a handler). */
async function loadCase(deps: Pick<MaterialDependencies, 'cases'>, ctx: RequestContext, caseId: string, action: MaterialAction): Promise<Case> {
  authorizeRole(ctx.principal, action);
  const found = await deps.cases.find(ctx.tenantId, caseId);
  if (!found) throw notFound.case(caseId);
  authorize(ctx.principal, action, { caseId, owner: ownershipOf(found), deptIds: found.tasks.map((task) => task.deptId) });
  return found;
}

/** The case, if it takes materials now (409 otherwise), with the material of its item version (400 if unknown). */
async function materialOfOpenCase(deps: Pick<MaterialDependencies, 'cases' | 'catalogue'>, ctx: RequestContext, path: MaterialPath) {
  const found = await loadCase(deps, ctx, path.caseId, 'material.upload');
  // 容缺: a material deferred at acceptance is still taken while the case is approved and after, until the result is released
  const takingStatuses = (found.deferredMaterials?.materialIds ?? []).includes(path.materialId)
    ? CASE_STATES_TAKING_DEFERRED_MATERIALS
    : CASE_STATES_TAKING_MATERIALS;
  if (!takingStatuses.includes(found.status)) {
    throw new InvalidTransitionError(
      `办件当前状态为「${caseStatusLabel(found.status)}」，不能提交材料`,
      `Case is ${found.status}; materials are taken while it is ${CASE_STATES_TAKING_MATERIALS.join(' or ')}`,
      'CASE_STATE_CONFLICT',
    );
  }
  const item = await deps.catalogue.itemVersion(ctx.tenantId, found.itemCode, found.itemVersion);
  if (!item) throw notFound.item(`${found.itemCode}@${found.itemVersion}`);
  const caseRef: CaseRef = { tenantId: ctx.tenantId, caseId: found.caseId, actor: actorOf(ctx.principal).actor };
  return { caseRef, material: materialOf(item, path.materialId), applicant: found.applicant, takingStatuses };
}

/**
 * Primary course: the applicant declares one file for one material of their case (name, type,
 * size, SHA-256); if the material takes that file, a pending upload is recorded and a presigned
 * PUT URL is returned, so the bytes go straight to the bucket under a key that is not the file name.
 */
export async function requestMaterialUpload(deps: MaterialDependencies, ctx: RequestContext, path: MaterialPath, body: z.infer<typeof uploadRequestBody>) {
  const { caseRef, material } = await materialOfOpenCase(deps, ctx, path);
  const upload = requestUpload({ caseRef, material, declared: body, uploadId: deps.ids.next() }, deps.clock.now(), UPLOAD_URL_SECONDS);
  await deps.materials.createUpload(upload);
  const put = await deps.store.presignPut(materialObjectKey(upload), upload, UPLOAD_URL_SECONDS);
  return {
    uploadId: upload.uploadId,
    fileName: upload.fileName,
    uploadUrl: put.url,
    method: 'PUT',
    headers: put.headers,
    sizeBytes: upload.sizeBytes,
    expiresAt: upload.expiresAt,
  };
}

const verifiedReply = (upload: MaterialUpload) => ({
  uploadId: upload.uploadId,
  materialId: upload.materialId,
  status: upload.status,
  fileName: upload.fileName,
  contentType: upload.contentType,
  sizeBytes: upload.sizeBytes,
  sha256: upload.sha256,
  verifiedAt: upload.completedAt,
});

/** The answer a completed upload always gives: its verification, or the reason it was refused. */
function settledAnswer(upload: MaterialUpload) {
  if (upload.status === 'verified') return verifiedReply(upload);
  if (upload.status === 'rejected' && upload.rejection) throw uploadRefused(upload.rejection);
  // still pending after a lost race: the other completion's transaction conflicted with ours
  throw new InvalidTransitionError('材料正在核验中，请稍后重试', 'The upload is being verified; retry shortly', 'CONCURRENT_UPDATE');
}

/** Size, signature, OFD container and checksum, cheapest first; the first problem found decides. */
async function firstProblem(store: MaterialStore, upload: MaterialUpload, key: string, stored: StoredObject): Promise<UploadProblem | undefined> {
  return (
    sizeProblem(upload, stored.sizeBytes) ??
    signatureProblem(upload, await store.readPrefix(key, stored, SIGNATURE_BYTES)) ??
    (upload.fileType === 'ofd' ? ofdContainerProblem(upload, await ofdEntryNames(store, key, stored)) : undefined) ??
    checksumProblem(upload, await store.sha256(key, stored))
  );
}

/** The entries of a zip: its central directory is at the end, in the tail or (for a long list) just before it. */
async function ofdEntryNames(store: MaterialStore, key: string, stored: StoredObject): Promise<string[] | undefined> {
  const tailOffset = Math.max(0, stored.sizeBytes - ZIP_TAIL_BYTES);
  const tail = await store.readRange(key, stored, tailOffset, stored.sizeBytes - tailOffset);
  const directory = locateZipDirectory(tail, tailOffset);
  if (!directory) return undefined;
  const bytes =
    directory.offset >= tailOffset
      ? tail.subarray(directory.offset - tailOffset, directory.offset - tailOffset + directory.size)
      : await store.readRange(key, stored, directory.offset, directory.size);
  return zipEntryNames(bytes);
}

/**
 * Primary course: after the PUT, the client asks to complete the upload. The object is checked
 * against the declaration (size, magic bytes, OFD container, SHA-256 streamed server-side); a
 * good file provides the material with a `MaterialProvided` event, a bad one is deleted from the
 * bucket and refused with its reason (`MaterialRejected`). Completing again gives the same answer.
 */
export async function completeMaterialUpload(deps: MaterialDependencies, ctx: RequestContext, path: UploadPath) {
  await loadCase(deps, ctx, path.caseId, 'material.upload');
  const upload = await deps.materials.findUpload(ctx.tenantId, path.caseId, path.materialId, path.uploadId);
  if (!upload) throw uploadNotFound(path.uploadId);
  if (upload.status !== 'pending') return settledAnswer(upload);
  const key = materialObjectKey(upload);
  const stored = await deps.store.head(key);
  if (!stored) {
    // left pending: the applicant may still upload with the URL they hold and complete again
    throw new RuleNotSatisfiableError(
      '尚未收到上传的文件，请先上传再确认',
      'Nothing was uploaded for this upload yet; upload the file, then complete',
      'MATERIAL_NOT_UPLOADED',
    );
  }
  const problem = await firstProblem(deps.store, upload, key, stored);
  const now = deps.clock.now().toISOString();
  if (problem) {
    // deleted before the refusal is recorded: a failed write leaves the upload pending, and a retry deletes again
    await deps.store.delete(key, stored);
    const rejected = rejectUpload(upload, problem, now, deps.ids.next());
    if (!(await deps.materials.recordRejected(rejected))) return settledAnswer(await reloadUpload(deps, ctx, upload));
    throw uploadRefused(problem);
  }
  const verified = acceptUpload(upload, stored.versionId, now, deps.ids.next());
  if (!(await deps.materials.recordVerified(verified))) return settledAnswer(await reloadUpload(deps, ctx, upload));
  return verifiedReply(verified.upload);
}

/** The upload as the completion that won the race left it. */
async function reloadUpload(deps: Pick<MaterialDependencies, 'materials'>, ctx: RequestContext, upload: MaterialUpload): Promise<MaterialUpload> {
  return (await deps.materials.findUpload(ctx.tenantId, upload.caseId, upload.materialId, upload.uploadId)) ?? upload;
}

/**
 * Primary course (免证办): instead of uploading, the applicant names a certificate the government
 * already issued; a material that declares `fromCertificateLibrary` is recorded as provided by that
 * reference once the library confirms it: this tenant's certificate, still valid, of the material's
 * type and held by the case's applicant. Naming the same certificate again changes nothing.
 */
export async function referenceLibraryCertificate(
  deps: MaterialDependencies,
  ctx: RequestContext,
  path: MaterialPath,
  body: z.infer<typeof libraryReferenceBody>,
) {
  const { caseRef, material, applicant, takingStatuses } = await materialOfOpenCase(deps, ctx, path);
  const current = await deps.materials.provided(ctx.tenantId, path.caseId, material.id);
  if (alreadyReferenced(current, body.certificateNo)) return referenceReply(current);
  const now = deps.clock.now().toISOString();
  const referenced = referenceCertificate(caseRef, material, body.certificateNo, now, deps.ids.next());
  const problem = libraryCertificateProblem(
    body.certificateNo,
    await deps.library.find(ctx.tenantId, body.certificateNo),
    {
      tenantId: ctx.tenantId,
      certificateType: referenced.provided.certificateType,
      holderDigest: applicantDigest(ctx.tenantId, applicant.idType, applicant.idNumber),
    },
    now,
  );
  if (problem) throw problem;
  await deps.materials.recordReference(referenced, takingStatuses);
  return referenceReply(referenced.provided);
}

const referenceReply = (provided: { materialId: string; certificateType: string; certificateNo: string; providedAt: string }) => ({
  materialId: provided.materialId,
  status: 'provided',
  source: 'certificate-library',
  certificateType: provided.certificateType,
  certificateNo: provided.certificateNo,
  referencedAt: provided.providedAt,
  verification: 'certificate-library',
});

/** The material checklist of the case's item version: what is provided, how, and what is still missing. */
export async function listCaseMaterials(deps: MaterialDependencies, ctx: RequestContext, caseId: string) {
  const found = await loadCase(deps, ctx, caseId, 'material.list');
  const [item, checklist] = await Promise.all([
    deps.catalogue.itemVersion(ctx.tenantId, found.itemCode, found.itemVersion),
    deps.materials.checklist(ctx.tenantId, caseId),
  ]);
  if (!item) throw notFound.item(`${found.itemCode}@${found.itemVersion}`);
  const missing = missingMaterials(checklist, item);
  return {
    caseId,
    item: { code: item.code, name: item.name, version: item.version },
    materials: checklistView(checklist, item),
    missing: { blocking: missing.blocking.map((material) => material.id), deferrable: missing.deferrable.map((material) => material.id) },
  };
}

/** Staff download: a short-lived URL for the verified file of a material, saved under its sanitised name. */
export async function materialDownload(deps: MaterialDependencies, ctx: RequestContext, path: MaterialPath) {
  await loadCase(deps, ctx, path.caseId, 'material.download');
  const file = downloadableFile(await deps.materials.provided(ctx.tenantId, path.caseId, path.materialId), path.materialId);
  const url = await deps.store.presignGet(materialObjectKey(file), file, DOWNLOAD_URL_SECONDS);
  const expiresAt = new Date(deps.clock.now().getTime() + DOWNLOAD_URL_SECONDS * 1000).toISOString();
  return {
    materialId: file.materialId,
    url,
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    expiresAt,
  };
}

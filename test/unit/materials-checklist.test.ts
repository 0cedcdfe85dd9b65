import { MaterialSchema } from '../../functions/catalogue/domain/tenant-config/index';
import {
  acceptUpload,
  checklistView,
  checksumProblem,
  downloadableFile,
  type MaterialChecklist,
  materialObjectKey,
  materialOf,
  missingMaterials,
  referenceCertificate,
  rejectUpload,
  requestUpload,
  sizeProblem,
} from '../../functions/materials/domain/material';
import { aPublishedItem } from '../support/fixtures';

const TENANT = '522732';
const CASE_ID = '01M851TX2Q09H4XXEDYSTXJVQW';
const caseRef = { tenantId: TENANT, caseId: CASE_ID, actor: 'applicant' };
const NOW = '2026-11-23T02:00:00.000Z';

const item = aPublishedItem({
  code: 'GTGH-0001',
  materials: [
    { id: 'PLANNING_APPLICATION', name: '建设工程规划许可申请表' },
    { id: 'PROJECT_APPROVAL', name: '建设项目批准文件', mayBeMissingAtAcceptance: true },
    { id: 'LAND_TITLE', name: '不动产权证书', fromCertificateLibrary: 'REAL_ESTATE_CERT' },
    { id: 'SITE_PHOTOS', name: '现场照片', required: false, fileTypes: ['jpg', 'png'] },
  ].map((material) => MaterialSchema.parse(material)),
});

const aPendingUpload = (materialId = 'PLANNING_APPLICATION', sha256 = 'AB'.repeat(32)) =>
  requestUpload(
    {
      caseRef,
      material: materialOf(item, materialId),
      declared: { fileName: '../申请表.pdf', contentType: 'application/pdf', sizeBytes: 2048, sha256 },
      uploadId: '01M851TX2QZ0000000000000U1',
    },
    new Date(NOW),
    900,
  );

describe('given an upload request for a material of the case item', () => {
  it('then the upload is pending, with the sanitised name, a lower-case checksum and its expiry', () => {
    expect(aPendingUpload()).toMatchObject({
      status: 'pending',
      fileName: '申请表.pdf',
      fileType: 'pdf',
      sha256: 'ab'.repeat(32),
      requestedAt: NOW,
      expiresAt: '2026-11-23T02:15:00.000Z',
    });
  });

  it('then its object key is tenant first and never contains the file name', () => {
    expect(materialObjectKey(aPendingUpload())).toBe(`${TENANT}/${CASE_ID}/PLANNING_APPLICATION/01M851TX2QZ0000000000000U1`);
  });

  it('when the material is not in the item version then it is refused as unknown', () => {
    expect(() => materialOf(item, 'ID_CARD')).toThrow(expect.objectContaining({ code: 'UNKNOWN_MATERIAL' }));
  });
});

describe('given a stored object for a pending upload', () => {
  it('when its size or hash differs from the declaration then each is refused with its code', () => {
    expect(sizeProblem(aPendingUpload(), 2049)).toMatchObject({ code: 'MATERIAL_SIZE_MISMATCH' });
    expect(sizeProblem(aPendingUpload(), 2048)).toBeUndefined();
    expect(checksumProblem(aPendingUpload(), 'cd'.repeat(32))).toMatchObject({ code: 'MATERIAL_CHECKSUM_MISMATCH' });
    expect(checksumProblem(aPendingUpload(), 'AB'.repeat(32))).toBeUndefined();
  });

  it('when it is verified then it provides the material, with an event that carries no file name', () => {
    const { upload, provided, event } = acceptUpload(aPendingUpload(), 'v1', NOW, 'E1');
    expect(upload).toMatchObject({ status: 'verified', completedAt: NOW, versionId: 'v1' });
    expect(provided).toMatchObject({ materialId: 'PLANNING_APPLICATION', source: 'upload', fileName: '申请表.pdf', sizeBytes: 2048, providedAt: NOW });
    expect(event).toMatchObject({
      type: 'MaterialProvided',
      caseId: CASE_ID,
      actor: 'applicant',
      detail: { materialId: 'PLANNING_APPLICATION', source: 'upload' },
    });
    expect(JSON.stringify(event)).not.toContain('申请表');
  });

  it('when it is refused then the upload keeps the reason and the event names the code', () => {
    const problem = { code: 'MATERIAL_CHECKSUM_MISMATCH' as const, reasonZh: '校验值不符', reasonEn: 'checksum differs' };
    const { upload, event } = rejectUpload(aPendingUpload(), problem, NOW, 'E2');
    expect(upload).toMatchObject({ status: 'rejected', rejection: problem });
    expect(event).toMatchObject({ type: 'MaterialRejected', detail: { code: 'MATERIAL_CHECKSUM_MISMATCH' } });
  });
});

describe('given a certificate-library reference (免证办)', () => {
  it('when the material declares a certificate type then it is provided by reference, the number kept off the timeline', () => {
    const { provided, event } = referenceCertificate(caseRef, materialOf(item, 'LAND_TITLE'), '黔（2026）三都县不动产权第0001234号', NOW, 'E3');
    expect(provided).toMatchObject({
      source: 'certificate-library',
      certificateType: 'REAL_ESTATE_CERT',
      certificateNo: '黔（2026）三都县不动产权第0001234号',
    });
    expect(event.detail).toEqual({ materialId: 'LAND_TITLE', source: 'certificate-library', certificateType: 'REAL_ESTATE_CERT' });
  });

  it('when the material has no certificate type then the reference is refused', () => {
    expect(() => referenceCertificate(caseRef, materialOf(item, 'PLANNING_APPLICATION'), 'X-1', NOW, 'E4')).toThrow(
      expect.objectContaining({ code: 'MATERIAL_NOT_IN_CERTIFICATE_LIBRARY' }),
    );
  });
});

describe('given the materials a case holds', () => {
  const uploaded = acceptUpload(aPendingUpload(), undefined, NOW, 'E1').provided;
  const referenced = referenceCertificate(caseRef, materialOf(item, 'LAND_TITLE'), 'C-1', NOW, 'E3').provided;

  it('when nothing is provided then the required ones are missing, split into blocking and deferrable (容缺), optional ones never', () => {
    const missing = missingMaterials([], item);
    expect(missing.blocking.map((material) => material.id)).toEqual(['PLANNING_APPLICATION', 'LAND_TITLE']);
    expect(missing.deferrable.map((material) => material.id)).toEqual(['PROJECT_APPROVAL']);
  });

  it('when an upload and a reference are provided then only the deferrable one is still missing', () => {
    const checklist: MaterialChecklist = [uploaded, referenced];
    expect(missingMaterials(checklist, item)).toEqual({ blocking: [], deferrable: [expect.objectContaining({ id: 'PROJECT_APPROVAL' })] });
  });

  it('then the checklist view shows each material with its status and source, and never a storage key or version', () => {
    const view = checklistView([uploaded, referenced], item);
    expect(view.map((entry) => [entry.materialId, entry.status])).toEqual([
      ['PLANNING_APPLICATION', 'provided'],
      ['PROJECT_APPROVAL', 'missing'],
      ['LAND_TITLE', 'provided'],
      ['SITE_PHOTOS', 'missing'],
    ]);
    expect(view[0]).toMatchObject({
      source: 'upload',
      fileName: '申请表.pdf',
      sizeBytes: 2048,
      uploadedAt: NOW,
      required: true,
      mayBeMissingAtAcceptance: false,
    });
    expect(view[2]).toMatchObject({ source: 'certificate-library', certificateType: 'REAL_ESTATE_CERT', certificateNo: 'C-1' });
    expect(JSON.stringify(view)).not.toMatch(/522732\/|uploadId|versionId|sha256/);
  });

  it('then only an uploaded material has a file to download', () => {
    expect(downloadableFile(uploaded, 'PLANNING_APPLICATION').fileName).toBe('申请表.pdf');
    expect(() => downloadableFile(referenced, 'LAND_TITLE')).toThrow(expect.objectContaining({ code: 'MATERIAL_FILE_NOT_FOUND' }));
    expect(() => downloadableFile(undefined, 'PROJECT_APPROVAL')).toThrow(expect.objectContaining({ code: 'MATERIAL_FILE_NOT_FOUND' }));
  });
});

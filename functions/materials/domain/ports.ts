import type { Certificate } from '../../certificates/domain/certificate';
import type { MaterialChecklist, MaterialEvent, MaterialUpload, ProvidedMaterial, ReferencedMaterial, UploadedMaterial } from './material';

/**
 * Port: durable storage of uploads and of what each material of a case holds. Every change is
 * stored atomically with its case timeline event.
 */
export interface MaterialRepository {
  /** Stores a new pending upload; never overwrites one. */
  createUpload(upload: MaterialUpload): Promise<void>;
  findUpload(tenantId: string, caseId: string, materialId: string, uploadId: string): Promise<MaterialUpload | undefined>;
  /**
   * Marks the upload verified, makes it the material's file and appends the event, only if the
   * upload is still pending; false when another completion got there first.
   */
  recordVerified(change: { upload: MaterialUpload; provided: UploadedMaterial; event: MaterialEvent }): Promise<boolean>;
  /** Marks the upload rejected with its event, only if it is still pending; false when another completion got there first. */
  recordRejected(change: { upload: MaterialUpload; event: MaterialEvent }): Promise<boolean>;
  /** Records a certificate reference with its event, only while the case is in one of `caseStatuses`; 409 otherwise. */
  recordReference(change: { provided: ReferencedMaterial; event: MaterialEvent }, caseStatuses: readonly string[]): Promise<void>;
  /** What the case holds for each provided material. */
  checklist(tenantId: string, caseId: string): Promise<MaterialChecklist>;
  provided(tenantId: string, caseId: string, materialId: string): Promise<ProvidedMaterial | undefined>;
}

/** What the store knows of an uploaded object without reading it. */
export interface StoredObject {
  readonly sizeBytes: number;
  /** Set where the bucket keeps versions: reads and the delete then address exactly this version. */
  readonly versionId?: string;
}

/** A presigned request the client sends itself, straight to the store. */
export interface PresignedRequest {
  readonly url: string;
  /** Headers the client must send with it exactly as given (they are part of the signature). */
  readonly headers: Readonly<Record<string, string>>;
}

/** Port: the materials bucket. Objects are addressed by their key; the file name is never part of it. */
export interface MaterialStore {
  /** A one-time upload URL, signed with the content type and length, that cannot overwrite an existing object. */
  presignPut(key: string, object: { contentType: string; sizeBytes: number }, expiresInSeconds: number): Promise<PresignedRequest>;
  /** A download URL that makes browsers save the file under its name as the verified content type. */
  presignGet(key: string, file: { fileName: string; contentType: string; versionId?: string }, expiresInSeconds: number): Promise<string>;
  /** Undefined when nothing was uploaded under the key. */
  head(key: string): Promise<StoredObject | undefined>;
  readPrefix(key: string, stored: StoredObject, bytes: number): Promise<Uint8Array>;
  readRange(key: string, stored: StoredObject, start: number, length: number): Promise<Uint8Array>;
  /** Lower-case hex SHA-256 of the whole object, computed by streaming it (never held in memory). */
  sha256(key: string, stored: StoredObject): Promise<string>;
  /** Removes the object for good: with a version, that version rather than hiding it behind a delete marker. */
  delete(key: string, stored: StoredObject): Promise<void>;
}

/** Port: the certificate library (免证办), as materials read it: the tenant's issued certificates by number. */
export interface CertificateLibrary {
  find(tenantId: string, certificateNo: string): Promise<Certificate | undefined>;
}

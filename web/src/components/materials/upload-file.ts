import type { Schema } from '@/api/client';

/**
 * The browser's half of an upload (see the contract of RequestMaterialUpload): the file is checked against what the
 * material takes before anything is sent, declared with its SHA-256, then PUT straight to the presigned URL with
 * exactly the signed headers the ticket gives.
 */
export type FileType = Schema<'ItemGuide'>['materials'][number]['fileTypes'][number];
export type UploadTicket = Schema<'MaterialUploadTicket'>;

/** The API's limit for one file (functions/materials/domain/file-rules.ts). */
export const MAX_MATERIAL_MEGABYTES = 20;
const MAX_MATERIAL_BYTES = MAX_MATERIAL_MEGABYTES * 1024 * 1024;

/** The one content type each file type is declared (and signed) with. */
const contentTypes: Readonly<Record<FileType, string>> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** The types a material takes; jpg and jpeg are one format, so either brings the other (as the API decides). */
export function acceptedTypes(fileTypes: readonly FileType[]): FileType[] {
  const jpeg = fileTypes.includes('jpg') || fileTypes.includes('jpeg');
  return (Object.keys(contentTypes) as FileType[]).filter((type) => fileTypes.includes(type) || (jpeg && (type === 'jpg' || type === 'jpeg')));
}

/** The `accept` attribute: extensions and their content types, so the file chooser offers the right files. */
export const acceptAttribute = (types: readonly FileType[]) =>
  [...types.map((type) => `.${type}`), ...new Set(types.map((type) => contentTypes[type]))].join(',');

export type FileRefusal = { readonly kind: 'type' } | { readonly kind: 'tooLarge' } | { readonly kind: 'empty' };

/** What the API would refuse before any byte moves: the extension, the size. */
export function refusalOf(file: File, types: readonly FileType[]): FileRefusal | undefined {
  const extension = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (!(types as readonly string[]).includes(extension)) return { kind: 'type' };
  if (file.size === 0) return { kind: 'empty' };
  if (file.size > MAX_MATERIAL_BYTES) return { kind: 'tooLarge' };
  return undefined;
}

/** The declaration RequestMaterialUpload takes: name, the content type of its extension, size and SHA-256. */
export async function declarationOf(file: File) {
  const extension = file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() as FileType;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  const sha256 = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return { fileName: file.name, contentType: contentTypes[extension], sizeBytes: file.size, sha256 };
}

/** Why the PUT to storage failed, as the applicant is told. */
export type TransferFailure = 'network' | 'expired' | 'storage';

export class TransferError extends Error {
  constructor(readonly failure: TransferFailure) {
    super(failure);
  }
}

/**
 * PUTs the file to the ticket's URL with its signed headers, reporting progress (0–100). XMLHttpRequest because
 * fetch cannot report upload progress.
 */
export function putToStorage(ticket: UploadTicket, file: File, onProgress: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(ticket.method, ticket.uploadUrl);
    for (const [name, value] of Object.entries(ticket.headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.floor((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(100);
        resolve();
      } else reject(new TransferError(request.status === 403 ? 'expired' : 'storage'));
    };
    request.onerror = () => reject(new TransferError('network'));
    request.ontimeout = () => reject(new TransferError('network'));
    request.onabort = () => reject(new TransferError('network'));
    request.send(file);
  });
}

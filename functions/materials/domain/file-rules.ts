import type { Material, MaterialFileType } from '../../catalogue/domain/tenant-config/index';
import { ValidationError } from '../../shared/errors';

/**
 * What an electronic material file may be, decided before any byte is uploaded: its type, its
 * declared content type, its size and its (sanitised) name. Pure: no I/O.
 */

/**
 * Largest accepted file: 20 MiB. Scans of a few dozen pages at 300 dpi fit; anything larger is
 * almost always an unreduced photo series, which the window cannot review on screen anyway.
 */
export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;

/** Longest stored file name, in characters (not bytes, so a Chinese name is not cut short). */
export const MAX_FILE_NAME_LENGTH = 100;

/** The one content type each file type must be declared with; the upload is signed with it. */
export const contentTypeOf: Readonly<Record<MaterialFileType, string>> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const knownFileTypes = Object.keys(contentTypeOf) as MaterialFileType[];
const isKnownFileType = (value: string): value is MaterialFileType => (knownFileTypes as string[]).includes(value);

/**
 * The file types a material accepts: its configured `fileTypes` among the ones the platform can
 * verify. `jpg` and `jpeg` are two spellings of one format, so a material that lists either takes both.
 */
export function allowedFileTypes(material: Pick<Material, 'fileTypes'>): readonly MaterialFileType[] {
  const configured = material.fileTypes.filter(isKnownFileType);
  const jpeg = configured.includes('jpg') || configured.includes('jpeg');
  return knownFileTypes.filter((type) => configured.includes(type) || (jpeg && (type === 'jpg' || type === 'jpeg')));
}

// C0 and C1 control characters, including NUL (a NUL can cut a name short in C-based tools: `a.pdf\0.exe`).
const CONTROL_CHARACTERS = /\p{Cc}/gu;
// bidirectional overrides and isolates make `invoice\u202Efdp.exe` display as `invoiceexe.pdf`
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;
// reserved on Windows, and a quote or angle bracket would break the download's Content-Disposition
const RESERVED_CHARACTERS = /[<>:"|?*]/g;

/**
 * A file name that is safe to store and to offer in a download: the last path segment only
 * (both `/` and `\`), without control, bidirectional-override or reserved characters, without
 * `..` runs or leading dots, at most {@link MAX_FILE_NAME_LENGTH} characters with its extension
 * kept. Chinese and other letters are kept. The result may be empty; it is never used as a storage key.
 */
export function sanitiseFileName(raw: string): string {
  const lastSegment = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(CONTROL_CHARACTERS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(RESERVED_CHARACTERS, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.]+/, '')
    // Windows drops trailing dots and spaces, which would change the extension seen on download
    .replace(/[\s.]+$/, '');
  return truncateKeepingExtension(cleaned, MAX_FILE_NAME_LENGTH);
}

function truncateKeepingExtension(name: string, limit: number): string {
  const characters = [...name];
  if (characters.length <= limit) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  if (extension.length === 0 || extension.length >= limit) return characters.slice(0, limit).join('');
  return [...characters.slice(0, limit - extension.length), ...extension].join('');
}

/** The file type a name declares by its extension (case-insensitive), if it is one the platform knows. */
export function fileTypeOfName(fileName: string): MaterialFileType | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const extension = fileName.slice(dot + 1).toLowerCase();
  return isKnownFileType(extension) ? extension : undefined;
}

/** What the applicant declares before uploading one file. */
export interface UploadDeclaration {
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
}

/** A declaration that passed every rule: the sanitised name, the type and its one content type. */
export interface AcceptedDeclaration {
  readonly fileName: string;
  readonly fileType: MaterialFileType;
  readonly contentType: string;
  readonly sizeBytes: number;
}

const typeList = (types: readonly MaterialFileType[]) => types.join(', ');

/**
 * Checks a declared file against the material: the material takes electronic files, the name has
 * an allowed extension, the content type is the one of that extension, and the size is within
 * {@link MAX_MATERIAL_BYTES}. Throws a 400 ValidationError with a `MATERIAL_*` code otherwise.
 */
export function checkDeclaration(material: Material, declared: UploadDeclaration): AcceptedDeclaration {
  if (!material.electronicAccepted) {
    throw new ValidationError(
      `材料「${material.name}」须提交纸质原件，不接收电子文件`,
      `Material ${material.id} is accepted on paper only`,
      undefined,
      'MATERIAL_ELECTRONIC_NOT_ACCEPTED',
    );
  }
  const fileName = sanitiseFileName(declared.fileName);
  if (fileName === '') {
    throw new ValidationError(
      '文件名无效',
      'The file name is empty once unsafe characters are removed',
      [{ path: 'body.fileName', message: 'invalid file name' }],
      'MATERIAL_FILE_NAME_INVALID',
    );
  }
  const allowed = allowedFileTypes(material);
  const fileType = fileTypeOfName(fileName);
  if (!fileType || !allowed.includes(fileType)) {
    throw new ValidationError(
      `材料「${material.name}」只接收以下格式：${typeList(allowed)}`,
      `Material ${material.id} accepts only: ${typeList(allowed)}`,
      [{ path: 'body.fileName', message: `extension must be one of ${typeList(allowed)}` }],
      'MATERIAL_TYPE_NOT_ALLOWED',
    );
  }
  const contentType = contentTypeOf[fileType];
  // media type only: parameters such as `; charset=binary` say nothing about the format
  if ((declared.contentType.split(';')[0] ?? '').trim().toLowerCase() !== contentType) {
    throw new ValidationError(
      `文件类型声明（${declared.contentType}）与扩展名 .${fileType} 不符，应为 ${contentType}`,
      `Content type ${declared.contentType} does not match .${fileType}; expected ${contentType}`,
      [{ path: 'body.contentType', message: `expected ${contentType}` }],
      'MATERIAL_CONTENT_TYPE_MISMATCH',
    );
  }
  if (declared.sizeBytes > MAX_MATERIAL_BYTES) {
    throw new ValidationError(
      `文件过大：单个材料不得超过 ${MAX_MATERIAL_BYTES / 1024 / 1024} MB`,
      `File too large: a material may not exceed ${MAX_MATERIAL_BYTES / 1024 / 1024} MiB`,
      [{ path: 'body.sizeBytes', message: `at most ${MAX_MATERIAL_BYTES} bytes` }],
      'MATERIAL_TOO_LARGE',
    );
  }
  return { fileName, fileType, contentType, sizeBytes: declared.sizeBytes };
}

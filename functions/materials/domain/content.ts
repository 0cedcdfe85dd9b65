import type { MaterialFileType } from '../../catalogue/domain/tenant-config/index';

/**
 * What an uploaded file really is, from its bytes rather than its name: the leading signature
 * ("magic bytes") and, for OFD, the entries of its zip container. Pure: the caller reads the bytes.
 */

/** A format recognised from the leading bytes of a file. */
export type DetectedFormat = 'pdf' | 'png' | 'jpeg' | 'zip' | 'windows-executable' | 'elf-executable' | 'script' | 'unknown';

/** How many leading bytes {@link detectFormat} needs (the PNG signature is the longest). */
export const SIGNATURE_BYTES = 8;

const signatures: ReadonlyArray<readonly [DetectedFormat, readonly number[]]> = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]], // PK\3\4: a local file header
  ['windows-executable', [0x4d, 0x5a]], // MZ
  ['elf-executable', [0x7f, 0x45, 0x4c, 0x46]], // \x7fELF
  ['script', [0x23, 0x21]], // #!
];

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);

/** The format the leading bytes of a file announce; `unknown` when none matches. */
export function detectFormat(prefix: Uint8Array): DetectedFormat {
  return signatures.find(([, signature]) => startsWith(prefix, signature))?.[0] ?? 'unknown';
}

/** The format each accepted file type must start with; OFD (GB/T 33190) is a zip container. */
export const expectedFormat: Readonly<Record<MaterialFileType, DetectedFormat>> = { pdf: 'pdf', png: 'png', jpg: 'jpeg', jpeg: 'jpeg', ofd: 'zip' };

export const formatLabel: Readonly<Record<DetectedFormat, { zh: string; en: string }>> = {
  pdf: { zh: 'PDF文档', en: 'PDF document' },
  png: { zh: 'PNG图片', en: 'PNG image' },
  jpeg: { zh: 'JPEG图片', en: 'JPEG image' },
  zip: { zh: 'ZIP压缩包', en: 'ZIP archive' },
  'windows-executable': { zh: 'Windows可执行程序', en: 'Windows executable' },
  'elf-executable': { zh: 'Linux可执行程序', en: 'ELF executable' },
  script: { zh: '脚本文件', en: 'script' },
  unknown: { zh: '无法识别的格式', en: 'unrecognised format' },
};

// ---------------------------------------------------------------------------------------------
// Zip container (OFD). The list of entries is in the central directory at the END of the file, so
// the caller reads the tail, asks where the directory is, and reads it if the tail did not cover it.
// ---------------------------------------------------------------------------------------------

/** The entry every OFD package has at its root (GB/T 33190-2016 §7.2). */
export const OFD_ENTRY_FILE = 'OFD.xml';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_BYTES = 22;
const ZIP64_MARKER = 0xffffffff;

/** Bytes to read from the end of a zip to be sure to hold its end record: the record plus the longest comment. */
export const ZIP_TAIL_BYTES = END_RECORD_BYTES + 0xffff;

/** Where a zip's central directory lies, as offsets in the whole file. */
export interface ZipDirectoryLocation {
  readonly offset: number;
  readonly size: number;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Finds the central directory from the last bytes of a zip (`tail`, which starts at `tailOffset`
 * in the file), following the zip64 records when the classic fields are saturated. Undefined when
 * the tail holds no valid end record, i.e. the file is not a (complete) zip.
 */
export function locateZipDirectory(tail: Uint8Array, tailOffset: number): ZipDirectoryLocation | undefined {
  const data = view(tail);
  for (let at = tail.length - END_RECORD_BYTES; at >= 0; at -= 1) {
    if (data.getUint32(at, true) !== END_OF_CENTRAL_DIRECTORY) continue;
    const size = data.getUint32(at + 12, true);
    const offset = data.getUint32(at + 16, true);
    const location = size === ZIP64_MARKER || offset === ZIP64_MARKER ? zip64Directory(data, at, tailOffset) : { offset, size };
    // the directory must end where the end records begin, or this was a look-alike inside the data
    if (location && location.offset + location.size <= tailOffset + at) return location;
  }
  return undefined;
}

function zip64Directory(data: DataView, endRecordAt: number, tailOffset: number): ZipDirectoryLocation | undefined {
  const locatorAt = endRecordAt - 20;
  if (locatorAt < 0 || data.getUint32(locatorAt, true) !== ZIP64_END_LOCATOR) return undefined;
  const recordAt = Number(data.getBigUint64(locatorAt + 8, true)) - tailOffset;
  if (recordAt < 0 || recordAt + 56 > data.byteLength || data.getUint32(recordAt, true) !== ZIP64_END_OF_CENTRAL_DIRECTORY) return undefined;
  return { size: Number(data.getBigUint64(recordAt + 40, true)), offset: Number(data.getBigUint64(recordAt + 48, true)) };
}

/** The entry names listed in a zip's central directory, in order. */
export function zipEntryNames(directory: Uint8Array): string[] {
  const data = view(directory);
  const decoder = new TextDecoder('utf-8');
  const names: string[] = [];
  let at = 0;
  while (at + 46 <= directory.length && data.getUint32(at, true) === CENTRAL_DIRECTORY_ENTRY) {
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    names.push(decoder.decode(directory.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

import { MaterialSchema } from '../../functions/catalogue/domain/tenant-config/index';
import { detectFormat, locateZipDirectory, ZIP_TAIL_BYTES, zipEntryNames } from '../../functions/materials/domain/content';
import { aZip } from '../support/zip';
import { type MaterialUpload, ofdContainerProblem, requestUpload, signatureProblem } from '../../functions/materials/domain/material';

const bytes = (...values: Array<number | string>) =>
  Buffer.concat(values.map((value) => (typeof value === 'string' ? Buffer.from(value, 'latin1') : Buffer.from([value]))));

const samples = {
  pdf: bytes('%PDF-1.7\n%âãÏÓ\n'),
  png: bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'IHDR'),
  jpeg: bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'),
  zip: bytes('PK', 3, 4, 20, 0),
  windowsExecutable: bytes('MZ', 0x90, 0, 3, 0),
  elfExecutable: bytes(0x7f, 'ELF', 2, 1, 1),
  script: bytes('#!/bin/sh\nrm -rf /\n'),
};

const entriesOf = (zip: Buffer, tailBytes = ZIP_TAIL_BYTES) => {
  const tailOffset = Math.max(0, zip.length - tailBytes);
  const location = locateZipDirectory(zip.subarray(tailOffset), tailOffset);
  return location && zipEntryNames(zip.subarray(location.offset, location.offset + location.size));
};

const anUpload = (fileName: string, contentType: string): MaterialUpload =>
  requestUpload(
    {
      caseRef: { tenantId: '522732', caseId: '01M851TX2Q09H4XXEDYSTXJVQW', actor: 'applicant' },
      material: MaterialSchema.parse({ id: 'DRAWING_REVIEW_CERT', name: '施工图设计文件审查合格书', fileTypes: ['pdf', 'ofd', 'jpg', 'png'] }),
      declared: { fileName, contentType, sizeBytes: 100, sha256: 'a'.repeat(64) },
      uploadId: '01M851TX2QZ0000000000000U1',
    },
    new Date('2026-11-23T02:00:00.000Z'),
    900,
  );

describe('given the leading bytes of a file', () => {
  it.each([
    ['pdf', samples.pdf],
    ['png', samples.png],
    ['jpeg', samples.jpeg],
    ['zip', samples.zip],
    ['windows-executable', samples.windowsExecutable],
    ['elf-executable', samples.elfExecutable],
    ['script', samples.script],
    ['unknown', bytes('<html><script>')],
    ['unknown', bytes('%PD')],
    ['unknown', bytes()],
  ])('then they are recognised as %s', (format, prefix) => {
    expect(detectFormat(prefix)).toBe(format);
  });
});

describe('given an upload declared as a type', () => {
  it.each([
    ['报告.pdf', 'application/pdf', samples.pdf],
    ['照片.png', 'image/png', samples.png],
    ['照片.jpg', 'image/jpeg', samples.jpeg],
    ['照片.jpeg', 'image/jpeg', samples.jpeg],
    ['证照.ofd', 'application/ofd', samples.zip],
  ])('when %s starts with the signature of its type then the content is accepted', (fileName, contentType, prefix) => {
    expect(signatureProblem(anUpload(fileName, contentType), prefix)).toBeUndefined();
  });

  it.each([
    ['a Windows executable renamed .pdf', samples.windowsExecutable, 'Windows可执行程序', 'Windows executable'],
    ['an ELF executable renamed .pdf', samples.elfExecutable, 'Linux可执行程序', 'ELF executable'],
    ['a shell script renamed .pdf', samples.script, '脚本文件', 'script'],
    ['a PNG image declared as pdf', samples.png, 'PNG图片', 'PNG image'],
    ['an HTML page declared as pdf', bytes('<html>'), '无法识别的格式', 'unrecognised format'],
  ])('when it is %s then it is refused as a content mismatch naming what it is', (_label, prefix, zh, en) => {
    expect(signatureProblem(anUpload('申请表.pdf', 'application/pdf'), prefix)).toEqual({
      code: 'MATERIAL_CONTENT_MISMATCH',
      reasonZh: expect.stringContaining(zh),
      reasonEn: expect.stringContaining(en),
    });
  });
});

describe('given an OFD upload (a zip container)', () => {
  const ofd = anUpload('证照.ofd', 'application/ofd');

  it('when its central directory lists OFD.xml then it is accepted', () => {
    const names = entriesOf(aZip({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' }));
    expect(names).toEqual(['OFD.xml', 'Doc_0/Document.xml']);
    expect(ofdContainerProblem(ofd, names)).toBeUndefined();
  });

  it('when it is any other zip renamed .ofd then it is refused', () => {
    const names = entriesOf(aZip({ 'setup.exe': 'MZ', 'readme.txt': 'run me' }));
    expect(ofdContainerProblem(ofd, names)).toMatchObject({ code: 'MATERIAL_CONTENT_MISMATCH', reasonEn: expect.stringContaining('OFD.xml') });
  });

  it('when it only starts like a zip and has no end record then it is refused', () => {
    expect(entriesOf(bytes('PK', 3, 4, 'truncated'))).toBeUndefined();
    expect(ofdContainerProblem(ofd, undefined)).toMatchObject({ code: 'MATERIAL_CONTENT_MISMATCH' });
  });

  it('when the archive carries a long comment then the directory is still found from the tail', () => {
    expect(entriesOf(aZip({ 'OFD.xml': '<ofd:OFD/>' }, 'c'.repeat(60_000)))).toEqual(['OFD.xml']);
  });

  it('when the directory starts before the tail then its location is still given, for a second read', () => {
    const zip = aZip(Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`Doc_0/Pages/Page_${index}/Content.xml`, '<p/>'])));
    const tailOffset = zip.length - 1000;
    const location = locateZipDirectory(zip.subarray(tailOffset), tailOffset);
    expect(location && location.offset).toBeLessThan(tailOffset);
    expect(location && zipEntryNames(zip.subarray(location.offset, location.offset + location.size))).toHaveLength(200);
  });
});

import { MaterialSchema } from '../../functions/catalogue/domain/tenant-config/index';
import { allowedFileTypes, checkDeclaration, fileTypeOfName, MAX_MATERIAL_BYTES, sanitiseFileName } from '../../functions/materials/domain/file-rules';

const aMaterial = (overrides: Record<string, unknown> = {}) => MaterialSchema.parse({ id: 'DESIGN_SCHEME', name: '建设工程设计方案', ...overrides });
const aDeclaration = (overrides: Partial<{ fileName: string; contentType: string; sizeBytes: number }> = {}) => ({
  fileName: '设计方案.pdf',
  contentType: 'application/pdf',
  sizeBytes: 1024,
  ...overrides,
});

describe('given a file name from an applicant', () => {
  it.each([
    ['a Unix path climbing out of its directory', '../../etc/passwd', 'passwd'],
    ['a Windows path', 'C:\\x\\a.pdf', 'a.pdf'],
    ['a mixed path with dot segments', '..\\../证件/..\\身份证.pdf', '身份证.pdf'],
    ['a NUL that would cut the name in C tools', 'evil.pdf\u0000.exe', 'evil.pdf.exe'],
    ['a hidden dotfile', '.bashrc', 'bashrc'],
    ['leading dots and spaces', ' ...申请表.pdf', '申请表.pdf'],
    ['a run of dots before the extension', '申请表..pdf', '申请表.pdf'],
    ['control characters and a newline', 'a\u0007b\r\nc.pdf', 'abc.pdf'],
    ['a right-to-left override that disguises an executable', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['characters reserved on Windows or in a header', 'a<b>:"c"|?*.pdf', 'a_b___c____.pdf'],
    ['trailing dots that Windows would drop', '申请表.pdf...', '申请表.pdf'],
  ])('when it is %s then only a safe last segment is kept', (_label, raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it('then Chinese characters are kept as they are', () => {
    expect(sanitiseFileName('三都县民族文化广场_总平面图（2026版）.pdf')).toBe('三都县民族文化广场_总平面图（2026版）.pdf');
  });

  it('then a name longer than 100 characters is cut to 100, keeping its extension', () => {
    const sanitised = sanitiseFileName(`${'规'.repeat(150)}.pdf`);
    expect([...sanitised]).toHaveLength(100);
    expect(sanitised.endsWith('规.pdf')).toBe(true);
  });

  it('then a name made only of path and dots becomes empty', () => {
    expect(sanitiseFileName('../..')).toBe('');
  });
});

describe('given the file types a material is configured with', () => {
  it('then jpg and jpeg are one format: listing either accepts both', () => {
    expect(allowedFileTypes(aMaterial({ fileTypes: ['pdf', 'jpg'] }))).toEqual(['pdf', 'jpg', 'jpeg']);
    expect(allowedFileTypes(aMaterial({ fileTypes: ['png'] }))).toEqual(['png']);
  });

  it('then the type of a name is its extension, case-insensitively, only if the platform knows it', () => {
    expect(fileTypeOfName('扫描件.PDF')).toBe('pdf');
    expect(fileTypeOfName('证照.ofd')).toBe('ofd');
    expect(fileTypeOfName('setup.exe')).toBeUndefined();
    expect(fileTypeOfName('pdf')).toBeUndefined();
  });
});

describe('given a declared file for a material', () => {
  it('when it has an allowed type, its content type and a size within the limit then it is accepted with its sanitised name', () => {
    expect(
      checkDeclaration(aMaterial({ fileTypes: ['pdf'] }), aDeclaration({ fileName: '../../方案.pdf', contentType: 'Application/PDF; charset=binary' })),
    ).toEqual({
      fileName: '方案.pdf',
      fileType: 'pdf',
      contentType: 'application/pdf',
      sizeBytes: 1024,
    });
  });

  it.each([
    ['a type the material does not take', { fileName: 'photo.png', contentType: 'image/png' }, 'MATERIAL_TYPE_NOT_ALLOWED'],
    ['an executable extension', { fileName: 'setup.exe', contentType: 'application/pdf' }, 'MATERIAL_TYPE_NOT_ALLOWED'],
    ['a NUL-truncation trick', { fileName: 'a.pdf\u0000.exe' }, 'MATERIAL_TYPE_NOT_ALLOWED'],
    ['a content type of another format', { contentType: 'image/png' }, 'MATERIAL_CONTENT_TYPE_MISMATCH'],
    ['a size one byte over 20 MiB', { sizeBytes: MAX_MATERIAL_BYTES + 1 }, 'MATERIAL_TOO_LARGE'],
    ['a name with nothing left after sanitising', { fileName: '../..' }, 'MATERIAL_FILE_NAME_INVALID'],
  ])('when it has %s then it is refused with its code', (_label, overrides, code) => {
    expect(() => checkDeclaration(aMaterial({ fileTypes: ['pdf'] }), aDeclaration(overrides))).toThrow(
      expect.objectContaining({ code, messageZh: expect.any(String), messageEn: expect.any(String) }),
    );
  });

  it('when it is exactly 20 MiB then it is accepted', () => {
    expect(checkDeclaration(aMaterial(), aDeclaration({ sizeBytes: MAX_MATERIAL_BYTES })).sizeBytes).toBe(20 * 1024 * 1024);
  });

  it('when the material is accepted on paper only then no file is taken', () => {
    expect(() => checkDeclaration(aMaterial({ electronicAccepted: false }), aDeclaration())).toThrow(
      expect.objectContaining({ code: 'MATERIAL_ELECTRONIC_NOT_ACCEPTED' }),
    );
  });
});

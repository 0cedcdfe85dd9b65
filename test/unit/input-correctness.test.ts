import { checkSupplementItems, submitCase } from '../../functions/intake/domain/case';
import { createCaseBody } from '../../functions/intake/use-cases/requests';
import { ValidationError } from '../../functions/shared/errors';
import { errorReply, MAX_ERROR_DETAILS } from '../../functions/shared/http';
import { anApplicant, aPublishedItem } from '../support/fixtures';

/** What the API accepts is what is true: real dates, the item's own materials, any offset, and error replies of bounded size (issue 16). */
const itemWithADate = () =>
  aPublishedItem({
    formFields: [
      { key: 'businessName', label: '个体工商户名称', type: 'text', required: true },
      { key: 'openingDate', label: '开业日期', type: 'date', required: true },
    ],
  });
const fileWith = (openingDate: string) =>
  submitCase(
    {
      tenantId: '522732',
      caseId: '01M851TX2Q09H4XXEDYSTXJVQW',
      item: itemWithADate(),
      channel: 'online',
      applicant: anApplicant(),
      formData: { businessName: '水乡米粉店', openingDate },
    },
    '2026-11-23T02:00:00.000Z',
    'E1',
  );

describe('given a form with a date field', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-04-31', '2025-02-29'])('when the date is %s, then FORM_INVALID names the field', (openingDate) => {
    expect(() => fileWith(openingDate)).toThrow(
      expect.objectContaining({ code: 'FORM_INVALID', details: [expect.objectContaining({ path: 'formData.openingDate' })] }),
    );
  });

  it.each(['2026-02-28', '2028-02-29', '2026-12-31'])('when the date is %s, then the case is filed with it', (openingDate) => {
    expect(fileWith(openingDate).case.formData).toMatchObject({ openingDate });
  });
});

describe('given a one-time notice (一次性告知)', () => {
  const item = aPublishedItem({
    materials: [
      { id: 'PROJECT_APPROVAL', name: '立项文件', required: true, mayBeMissingAtAcceptance: true, electronicAccepted: true, fileTypes: ['pdf'] },
      { id: 'DESIGN_SCHEME', name: '设计方案', required: true, mayBeMissingAtAcceptance: false, electronicAccepted: true, fileTypes: ['pdf'] },
    ],
  });
  const [first, second] = item.materials;

  it('when it names a material the item version does not list, then UNKNOWN_MATERIAL points at that entry', () => {
    const items = [
      { materialId: first?.id as string, reason: '不清晰' },
      { materialId: 'NOT_IN_GUIDE', reason: '补充' },
    ];
    expect(() => checkSupplementItems(item, items)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_MATERIAL', details: [{ path: 'body.items.1.materialId', message: expect.any(String) }] }),
    );
  });

  it('when it names one material twice, then DUPLICATE_MATERIAL; when it names the item’s own materials once each, then it passes', () => {
    expect(() =>
      checkSupplementItems(
        item,
        [1, 2].map(() => ({ materialId: first?.id as string, reason: '不清晰' })),
      ),
    ).toThrow(expect.objectContaining({ code: 'DUPLICATE_MATERIAL' }));
    expect(() =>
      checkSupplementItems(item, [
        { materialId: first?.id as string, reason: 'a' },
        { materialId: second?.id as string, reason: 'b' },
      ]),
    ).not.toThrow();
  });
});

describe('given a 告知承诺 commitment signed at a time with an offset', () => {
  it('when it is sent as +08:00, then it is accepted and kept as the same instant in UTC', () => {
    const body = createCaseBody.parse({
      itemCode: 'SCZR-0001',
      applicant: anApplicant(),
      commitment: { statement: '本人承诺所填信息真实有效。', signedBy: '潘阿妹', signedAt: '2026-11-24T10:00:00+08:00' },
    });
    expect(body.commitment?.signedAt).toBe('2026-11-24T02:00:00.000Z');
    expect(
      createCaseBody.safeParse({
        itemCode: 'X',
        applicant: anApplicant(),
        commitment: { statement: '本人承诺所填信息真实有效。', signedBy: '潘阿妹', signedAt: '2026-11-24 10:00' },
      }).success,
    ).toBe(false);
  });
});

describe('given a request with thousands of problems', () => {
  it('when the error reply is built, then it lists the first 50 and says how many more, so it stays smaller than the request', () => {
    const details = Array.from({ length: 350_000 }, (_, index) => ({ path: `formData.unknown${index}`, message: '未知字段 / unknown field' }));
    const reply = errorReply(new ValidationError('申请表有误', 'The form is invalid', details, 'FORM_INVALID'), 'R-1');
    const body = JSON.parse(reply.body as string) as { code: string; details: { path: string; message: string }[] };
    expect(reply.statusCode).toBe(400);
    expect(body.code).toBe('FORM_INVALID');
    expect(body.details).toHaveLength(MAX_ERROR_DETAILS + 1);
    expect(body.details[MAX_ERROR_DETAILS]).toEqual({
      path: '…',
      message: `另有 ${350_000 - MAX_ERROR_DETAILS} 项问题未列出 / ${350_000 - MAX_ERROR_DETAILS} more problems not listed`,
    });
    expect((reply.body as string).length).toBeLessThan(10_000);
  });
});

import { bundleAsItem } from '../../functions/catalogue/domain/bundle-item';
import { aPublishedItem } from '../support/fixtures';

describe('given a bundle of two items sharing a department', () => {
  const licence = aPublishedItem({
    code: 'A-0001',
    promisedDays: 3,
    departments: [
      { deptId: 'SCJGJ', lead: true, stageDays: 3, prerequisites: [] },
      { deptId: 'SWJ', lead: false, stageDays: 2, prerequisites: [] },
    ],
  });
  const seal = aPublishedItem({
    code: 'B-0001',
    promisedDays: 5,
    version: 4,
    departments: [
      { deptId: 'GAJ', lead: true, stageDays: 5, prerequisites: ['SCJGJ'] },
      { deptId: 'SCJGJ', lead: false, stageDays: 4, prerequisites: [] },
    ],
  });
  const merged = {
    formFields: [{ key: 'businessName', label: '名称', type: 'text' as const, required: true, itemCodes: ['A-0001', 'B-0001'] }],
    materials: [],
    departments: [
      { deptId: 'SCJGJ', itemCodes: ['A-0001', 'B-0001'] },
      { deptId: 'SWJ', itemCodes: ['A-0001'] },
      { deptId: 'GAJ', itemCodes: ['B-0001'] },
    ],
    issuedWithinBundle: [],
  };

  it("when published as one entry, then every department reviews once, within its longest stage, led by the first item's lead", () => {
    const entry = bundleAsItem({ code: 'QYKB', name: '企业开办一件事', itemCodes: ['A-0001', 'B-0001'] }, [licence, seal], merged);
    expect(entry.departments).toEqual([
      { deptId: 'SCJGJ', lead: true, stageDays: 4, prerequisites: [] },
      { deptId: 'SWJ', lead: false, stageDays: 2, prerequisites: [] },
      { deptId: 'GAJ', lead: false, stageDays: 5, prerequisites: ['SCJGJ'] },
    ]);
    expect(entry).toMatchObject({ code: 'QYKB', promisedDays: 5, mode: 'parallel', handlingKind: '承诺件' });
    expect(entry.formFields).toEqual([{ key: 'businessName', label: '名称', type: 'text', required: true }]);
    expect(entry.bundleOf).toEqual([
      { code: 'A-0001', name: '个体工商户登记', version: 1 },
      { code: 'B-0001', name: '个体工商户登记', version: 4 },
    ]);
  });
});

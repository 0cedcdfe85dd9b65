/**
 * The people of the journey, all from config/local: the real-name accounts of citizens.yaml (a case is filed in the
 * account's own name, so the applicant is that account's subject) and the 三都县 staff of staff.yaml who work it.
 */
export interface Citizen {
  readonly phone: string;
  readonly kind: 'person' | 'organisation';
  readonly name: string;
  readonly idType: '居民身份证' | '统一社会信用代码';
  readonly idNumber: string;
}

/** 三都水乡宾馆有限公司: the builder applying for the planning permit in the journey. */
export const builder: Citizen = {
  phone: '13800000003',
  kind: 'organisation',
  name: '三都水乡宾馆有限公司',
  idType: '统一社会信用代码',
  idNumber: '91522732TEST00001X',
};
/** 潘阿妹: a resident whose cases give the other pages something to show. */
export const resident: Citizen = { phone: '13800000001', kind: 'person', name: '潘阿妹', idType: '居民身份证', idNumber: '522732199001010002' };
/** 韦小明: a resident who only signs in (keyboard and upload checks). */
export const otherResident: Citizen = { phone: '13800000002', kind: 'person', name: '韦小明', idType: '居民身份证', idNumber: '522732198512150002' };

/** The window clerk, and a handler of each department of 建设工程规划许可证核发 (国土局 lead, 住建局, 公安局 in parallel). */
export const staff = {
  clerk: 'CK-01',
  handlers: { GTJ: 'GTJ-007', ZJJ: 'ZJJ-007', GAJ: 'GAJ-007' } as Readonly<Record<string, string>>,
} as const;

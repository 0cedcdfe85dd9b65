/**
 * The HTTP contract of the national calendar's public reads (节假日安排): one entry per route of
 * infra/definitions/functions/calendar.ts, keyed by its definition id. Loading a notice is an operator
 * command (`npm run calendar:load`), not a route.
 */

import { z } from 'zod';
import { routeContracts } from '../shared/api-contract';

const tag = '事项与日历 Catalogue';

// ---------------------------------------------------------------------------------------------
// Requests: what the handlers parse
// ---------------------------------------------------------------------------------------------

export const yearPath = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'expected a year, e.g. 2027')
    .transform(Number)
    .describe('年度，如 2027 / The year'),
});

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

const instant = (what: string) => z.iso.datetime().describe(what);

const officialYearSchema = z
  .object({
    year: z.number().int(),
    kind: z.literal('official').describe('已加载国务院办公厅节假日安排通知 / The State Council notice is loaded'),
    documentNumber: z.string().describe('文号，如 国办发明电〔2025〕7号 / Document number'),
    publishedOn: z.iso.date().describe('发布日期 / Published on'),
    source: z.string().describe('原文地址 / Where it was published'),
    version: z.number().int().positive().describe('当前版本（更正为新版本，旧版本保留） / The version in force'),
    loadedAt: instant('加载时间 / Loaded at'),
    loadedBy: z.string().describe('加载人 / Loaded by'),
  })
  .describe('正式年度 / An official year');

const provisionalYearSchema = z
  .object({
    year: z.number().int(),
    kind: z
      .literal('provisional')
      .describe('通知尚未公布：按《全国年节及纪念日放假办法》第二、六条暂算 / Derived from the holiday law until the notice is out'),
    source: z.string().describe('《全国年节及纪念日放假办法》原文地址 / Where the holiday law was published'),
    note: z.string(),
    noteEn: z.string(),
  })
  .describe('暂算年度：期限标明暂算，通知加载后自动重算 / A provisional year: deadlines say so and are recomputed once the notice is loaded');

export const holidayNoticesSchema = z
  .object({
    asOf: instant('查询时间 / As of'),
    currentYear: z.number().int().describe('当前年度（北京时间） / The current year, Beijing time'),
    lastOfficialYear: z.number().int().nullable().describe('最后一个正式年度 / The last official year'),
    horizonEnd: z
      .number()
      .int()
      .nullable()
      .describe('可计算期限的最后年度（最后正式年度后两年），超出答复 CALENDAR_NOT_AVAILABLE / The last year deadlines can be counted in'),
    years: z.array(z.union([officialYearSchema, provisionalYearSchema])).describe('覆盖的年度，按年份 / Every covered year, in order'),
  })
  .meta({ id: 'HolidayNotices' });

export const holidayArrangementSchema = z
  .object({
    name: z.string().describe('节日名称，如 春节 / Holiday'),
    rest: z.tuple([z.iso.date(), z.iso.date()]).describe('放假起止日期（含） / First and last rest day, inclusive'),
    makeUpWorkdays: z.array(z.iso.date()).describe('调休上班的周末 / Weekend days turned into working days (调休)'),
  })
  .meta({ id: 'HolidayArrangement' });

export const holidayNoticeVersionsSchema = z
  .object({
    year: z.number().int(),
    current: z.number().int().positive().describe('现行版本 / The version in force'),
    versions: z
      .array(
        z.object({
          version: z.number().int().positive(),
          previousVersion: z.number().int().positive().nullable().describe('所更正的版本；首次加载为 null / The version it corrects; null for the first load'),
          loadedAt: instant('加载时间 / Loaded at'),
          loadedBy: z.string().describe('加载人 / Loaded by'),
          reason: z.string().optional().describe('加载或更正原因 / Why'),
          year: z.number().int(),
          source: z.string().describe('原文地址 / Where it was published'),
          documentNumber: z.string().describe('文号 / Document number'),
          publishedOn: z.iso.date(),
          holidays: z.array(holidayArrangementSchema),
        }),
      )
      .describe('历次加载的版本，最新在前 / Every loaded version, newest first'),
  })
  .meta({ id: 'HolidayNoticeVersions' });

// ---------------------------------------------------------------------------------------------
// Examples: the notices shipped with the platform, loaded on deploy
// ---------------------------------------------------------------------------------------------

const provisionalNote = '节假日安排尚未公布，期限按法定节假日暂算，公布后自动重算';
const provisionalNoteEn =
  'The holiday arrangement is not published yet: the deadline is counted on the statutory holidays for now and recomputed automatically once it is published';
const holidayLaw = 'https://www.gov.cn/zhengce/content/202411/content_6986380.htm';

const notice2026 = {
  year: 2026,
  source: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
  documentNumber: '国办发明电〔2025〕7号',
  publishedOn: '2025-11-04',
  holidays: [
    { name: '元旦', rest: ['2026-01-01', '2026-01-03'], makeUpWorkdays: ['2026-01-04'] },
    { name: '春节', rest: ['2026-02-15', '2026-02-23'], makeUpWorkdays: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', rest: ['2026-04-04', '2026-04-06'], makeUpWorkdays: [] },
    { name: '劳动节', rest: ['2026-05-01', '2026-05-05'], makeUpWorkdays: ['2026-05-09'] },
    { name: '端午节', rest: ['2026-06-19', '2026-06-21'], makeUpWorkdays: [] },
    { name: '中秋节', rest: ['2026-09-25', '2026-09-27'], makeUpWorkdays: [] },
    { name: '国庆节', rest: ['2026-10-01', '2026-10-07'], makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
  ],
};

// ---------------------------------------------------------------------------------------------
// The routes
// ---------------------------------------------------------------------------------------------

export const calendarContracts = routeContracts({
  ListHolidayNotices: {
    summary: '节假日安排覆盖情况 / Which years the national calendar covers',
    description:
      '全国统一的工作日日历：已加载通知的年度为正式（文号、来源、版本、加载人与时间），之后两年按《全国年节及纪念日放假办法》暂算；更远的年度不计算期限。\n\n' +
      'Every covered year, official (with its notice) or provisional (derived from the holiday law), the last official year and the horizon.',
    tag,
    responses: {
      200: {
        description: '覆盖的年度 / The covered years',
        schema: holidayNoticesSchema,
        example: {
          asOf: '2026-11-23T02:00:00.000Z',
          currentYear: 2026,
          lastOfficialYear: 2026,
          horizonEnd: 2028,
          years: [
            {
              year: 2026,
              kind: 'official',
              documentNumber: '国办发明电〔2025〕7号',
              publishedOn: '2025-11-04',
              source: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
              version: 1,
              loadedAt: '2026-01-05T02:00:00.000Z',
              loadedBy: 'system:initial-data',
            },
            { year: 2027, kind: 'provisional', source: holidayLaw, note: provisionalNote, noteEn: provisionalNoteEn },
            { year: 2028, kind: 'provisional', source: holidayLaw, note: provisionalNote, noteEn: provisionalNoteEn },
          ],
        },
      },
    },
    errors: {},
  },
  ListHolidayNoticeVersions: {
    summary: '某年节假日安排的历次版本 / Every loaded version of a year’s notice',
    description:
      '更正以新版本加载，旧版本保留，最新者现行；从未加载的年度答复 404 CALENDAR_NOTICE_NOT_FOUND。\n\nA correction is a new version and the old one is kept; newest first.',
    tag,
    path: yearPath,
    responses: {
      200: {
        description: '历次版本 / The versions',
        schema: holidayNoticeVersionsSchema,
        example: {
          year: 2026,
          current: 1,
          versions: [
            {
              version: 1,
              previousVersion: null,
              loadedAt: '2026-01-05T02:00:00.000Z',
              loadedBy: 'system:initial-data',
              reason: '随软件发布的节假日安排 / notice shipped with the software',
              ...notice2026,
            },
          ],
        },
      },
    },
    errors: { 404: ['CALENDAR_NOTICE_NOT_FOUND'] },
  },
});

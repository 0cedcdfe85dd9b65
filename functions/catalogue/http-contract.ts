/**
 * The HTTP contract of the public catalogue (事项库, 办事指南) and the deadline calculator: one entry per route
 * of infra/definitions/functions/catalogue.ts, keyed by its definition id. A guide states the item exactly as
 * the county configured and published it, so its parts are described by the tenant configuration's own
 * schemas (./domain/tenant-config), the ones the item was validated with before it was published.
 */

import { z } from 'zod';
import { deadlineSchema } from '../kernel/events/case-events';
import { routeContracts } from '../shared/api-contract';
import {
  FeeSchema,
  FormFieldSchema,
  HallLevelSchema,
  HandlingKindSchema,
  ItemResultSchema,
  ItemTypeSchema,
  MaterialSchema,
  SpecialProcedureSchema,
  TenantSchema,
  WindowDomainSchema,
  WindowKindSchema,
} from './domain/tenant-config/index';

const tag = '事项与日历 Catalogue';

// ---------------------------------------------------------------------------------------------
// Requests: what the handlers parse
// ---------------------------------------------------------------------------------------------

export const itemCodePath = z.object({
  itemCode: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,39}$/, 'expected an item code such as GTGH-0001')
    .describe('事项编码 / Item code'),
});
export const bundleCodePath = z.object({
  bundleCode: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,39}$/, 'expected a bundle code such as XSECS')
    .describe('“一件事”套餐编码 / Bundle code'),
});

export const deadlineQuery = z.object({
  // an unencoded `+08:00` arrives as ` 08:00`: restore it rather than refuse a common client slip
  start: z
    .string()
    .min(10)
    .max(40)
    .transform((start) => start.replace(/ (\d{2}:?\d{2})$/, '+$1'))
    .describe('起算时间：带时区的 ISO 8601 时间，起算日不计入（民法典第二百零一条） / Start: an ISO 8601 instant with an offset; the start day never counts'),
  days: z.coerce.number().int().min(1).max(400).describe('工作日数 / Working days'),
});

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

const instant = (what: string) => z.iso.datetime().describe(what);

const itemSummaryShape = {
  code: z.string().describe('事项编码（四级四同，seed 002 §1–3） / Item code'),
  name: z.string().describe('事项名称 / Item name'),
  itemType: ItemTypeSchema,
  domain: WindowDomainSchema,
  handlingKind: HandlingKindSchema,
  legalDays: z.number().int().min(0).describe('法定办结时限（工作日） / Statutory limit in working days'),
  promisedDays: z.number().int().min(0).describe('承诺办结时限（工作日），即办件为 0 / Promised limit in working days, 0 for 即办件'),
  onlineAllowed: z.boolean().describe('可网上申报 / May be filed online'),
  version: z.number().int().positive().describe('当前版本；办件始终按申请时的版本办理 / The current version; a case keeps the one it was filed under'),
  leadDepartment: z.object({ deptId: z.string(), name: z.string() }).describe('实施部门（牵头部门） / The implementing (lead) department'),
  departments: z
    .array(z.object({ deptId: z.string(), name: z.string().describe('部门名称 / Department name') }))
    .describe('参与审批的全部部门（含牵头部门），按配置顺序 / Every department taking part, the lead included, in configured order'),
};

export const itemSummarySchema = z.object(itemSummaryShape).meta({ id: 'ItemSummary' });

const hallsSchema = z
  .array(
    z
      .object({
        hallId: z.string(),
        name: z.string().describe('服务场所名称 / Hall name'),
        level: HallLevelSchema,
        address: z.string().optional().describe('地址（县配置时） / Address, where the county configured one'),
        windows: z
          .array(z.object({ windowId: z.string(), name: z.string().describe('窗口名称 / Window name'), kind: WindowKindSchema }))
          .describe('受理本事项的窗口 / The windows taking it in'),
      })
      .meta({ id: 'ServiceHall' }),
  )
  .describe(
    '办理地点：有窗口受理本事项领域（“一件事”配置了窗口的，为该窗口）的服务场所及其窗口；本县无窗口受理的，列出全部服务场所、不列窗口 / ' +
      'Where to go: the halls with a window taking in its domain (a 一件事 at its own window when configured); every hall, without windows, when none does',
  );

export const catalogueSchema = z
  .object({
    tenant: TenantSchema,
    items: z.array(itemSummarySchema).describe('已发布事项的当前版本（含“一件事”套餐条目） / The current version of every published item'),
    bundles: z
      .array(
        z.object({
          code: z.string().describe('套餐编码 / Bundle code'),
          name: z.string(),
          itemCodes: z.array(z.string()).describe('组成事项，按办理顺序 / Its items, in the order they are handled'),
        }),
      )
      .describe('“一件事”套餐：一表申请、一套材料、一窗受理、并联审批（seed 001 §4(三)、seed 002 §19） / 一件事 bundles'),
  })
  .describe('事项库 / The catalogue of the county')
  .meta({ id: 'Catalogue' });

export const itemGuideSchema = z
  .object({
    tenant: z.object({ tenantId: z.string(), name: z.string() }),
    ...itemSummaryShape,
    legalBasis: z.array(z.string()).describe('设定依据 / Legal basis'),
    noticeDays: z
      .literal([1, 5])
      .describe('一次性告知时限：材料不全的，1个（复杂事项5个）工作日内一次性告知（seed 004 art.10） / Missing-materials notice window'),
    timeUnit: z.string().describe('时限单位：工作日 / Time limits are in working days'),
    expectedBy: deadlineSchema
      .nullable()
      .describe('现在申请、当日受理的最迟办结时间；所在年度日历未加载时为 null / Latest completion if filed and accepted today; null without a calendar'),
    commitmentAllowed: z.boolean().describe('可告知承诺（seed 002 §26） / 告知承诺 allowed'),
    approval: z.object({
      mode: z.enum(['parallel', 'serial']).describe('并联审批，或经批准的串联审批（seed 004 art.17） / Parallel, or approved serial, approval'),
      departments: z.array(
        z.object({
          deptId: z.string(),
          name: z.string().describe('部门名称 / Department name'),
          lead: z.boolean(),
          stageDays: z.number().int().min(0).describe('本部门环节时限（工作日） / Stage limit in working days'),
          prerequisites: z.array(z.string()).describe('默认前置条件批准所假定的部门（seed 004 art.17） / Departments whose approval this one presumes'),
        }),
      ),
    }),
    steps: z.array(z.object({ step: z.string(), detail: z.string() })).describe('办理流程 / Steps'),
    formFields: z.array(FormFieldSchema).describe('申请表字段：不得要求指南之外的内容（seed 004 art.7） / The form: nothing beyond it may be asked'),
    materials: z.array(MaterialSchema).describe('申请材料 / Materials'),
    fees: z.array(FeeSchema),
    free: z.boolean().describe('不收费 / Free of charge'),
    specialProcedures: z
      .array(SpecialProcedureSchema.extend({ note: z.string().describe('是否计入办结时限 / Whether it counts in the limit') }))
      .describe('特殊环节（现场勘察、专家论证、听证、公示等），一般不计入办结时限（seed 004 art.11） / Special procedures'),
    result: ItemResultSchema,
    halls: hallsSchema,
  })
  .describe('办事指南（一事一指南，seed 003 §3、seed 004 art.6） / The public guide of the current version')
  .meta({ id: 'ItemGuide' });

export const itemVersionsSchema = z
  .object({
    itemCode: z.string(),
    current: z.number().int().positive().describe('当前版本 / The current version'),
    versions: z
      .array(
        z.object({
          version: z.number().int().positive(),
          name: z.string(),
          change: z
            .object({ by: z.string().describe('变更人 / By'), at: instant('变更时间 / At'), reason: z.string().describe('变更原因 / Why') })
            .describe('个性要素变更须留痕（seed 000 net art.10–12、seed 002 §4） / Who changed it, when and why'),
        }),
      )
      .describe('历次版本，最新在前 / Every version, newest first'),
  })
  .meta({ id: 'ItemVersions' });

export const bundleGuideSchema = z
  .object({
    tenant: TenantSchema,
    code: z.string().describe('套餐编码 / Bundle code'),
    name: z.string(),
    description: z.string().optional(),
    items: z.array(itemSummarySchema).describe('组成事项的当前版本 / The current versions of its items'),
    formFields: z
      .array(FormFieldSchema.extend({ itemCodes: z.array(z.string()).describe('需要该字段的事项 / The items that ask for it') }))
      .describe('合并后的一张申请表，同一字段只填一次 / One merged form, each field once'),
    materials: z
      .array(
        MaterialSchema.extend({
          usedBy: z.array(z.object({ itemCode: z.string(), materialId: z.string() })).describe('各事项中对应的材料 / The material it stands for in each item'),
        }),
      )
      .describe('合并后的一套材料，不重复提交 / One merged material list without duplicates'),
    departments: z.array(z.object({ deptId: z.string(), itemCodes: z.array(z.string()) })).describe('参与并联审批的部门 / The departments, in parallel'),
    issuedWithinBundle: z
      .array(
        z.object({
          itemCode: z.string(),
          materialId: z.string(),
          certificateType: z.string(),
          issuedByItemCode: z.string().describe('签发该证照的前序事项 / The earlier item that issues it'),
        }),
      )
      .describe('由套餐内前序事项签发、从电子证照库调取而无需提交的材料（免证办） / Materials issued within the bundle, not asked of the applicant'),
    halls: hallsSchema,
  })
  .describe('“一件事”套餐指南：一表申请、一套材料（seed 002 §19） / A 一件事 bundle guide')
  .meta({ id: 'BundleGuide' });

export const workingDayDeadlineSchema = z
  .object({
    tenantId: z.string(),
    start: z.string().describe('起算时间（如请求所给） / The start, as given'),
    days: z.number().int().positive(),
    deadline: deadlineSchema.describe('第 n 个工作日的 23:59:59（北京时间），按国务院节假日安排与调休及本县额外休息日 / End of the n-th working day'),
    provisional: z.boolean().describe('跨越尚未公布节假日安排的年度，按《全国年节及纪念日放假办法》暂算 / Counted over a year whose notice is not out yet'),
    provisionalNote: z.string().optional().describe('暂算说明；公布后自动重算 / Why it is provisional; recomputed once the notice is loaded'),
    extraClosures: z.array(z.iso.date()).describe('本县（区）额外休息日（如民族节日） / Local closure days of the county'),
  })
  .meta({ id: 'WorkingDayDeadline' });

// ---------------------------------------------------------------------------------------------
// Examples: 三都水族自治县 (522732) and 西宁市城中区 (630103)
// ---------------------------------------------------------------------------------------------

const sandu = { tenantId: '522732', name: '三都水族自治县', cityCode: '522700', provinceCode: '520000', timeZone: 'Asia/Shanghai', extraClosures: [] };
const fileTypes = ['pdf', 'jpg', 'png'];

const sjj = { deptId: 'SJJ', name: '市监局' };
const gaj = { deptId: 'GAJ', name: '公安局' };
const gtj = { deptId: 'GTJ', name: '国土局' };
const countyHall = { hallId: 'SD-ZWZX', name: '三都水族自治县政务服务中心', level: '县级' };

const summary = {
  individualBusiness: {
    code: 'SCZR-0001',
    name: '个体工商户设立登记',
    itemType: '行政许可',
    domain: '市场准入',
    handlingKind: '即办件',
    legalDays: 3,
    promisedDays: 0,
    onlineAllowed: true,
    version: 1,
    leadDepartment: sjj,
    departments: [sjj],
  },
  company: {
    code: 'SCZR-0002',
    name: '企业设立登记',
    itemType: '行政许可',
    domain: '市场准入',
    handlingKind: '承诺件',
    legalDays: 3,
    promisedDays: 1,
    onlineAllowed: true,
    version: 1,
    leadDepartment: sjj,
    departments: [sjj],
  },
  seal: {
    code: 'SCZR-0003',
    name: '印章刻制备案',
    itemType: '行政备案',
    domain: '市场准入',
    handlingKind: '即办件',
    legalDays: 1,
    promisedDays: 0,
    onlineAllowed: true,
    version: 1,
    leadDepartment: gaj,
    departments: [gaj],
  },
  planning: {
    code: 'GTGH-0001',
    name: '建设工程规划许可证核发',
    itemType: '行政许可',
    domain: '国土规划',
    handlingKind: '承诺件',
    legalDays: 20,
    promisedDays: 10,
    onlineAllowed: true,
    version: 1,
    leadDepartment: gtj,
    departments: [gtj, { deptId: 'ZJJ', name: '住建局' }, gaj],
  },
};

const planningGuide = {
  tenant: { tenantId: '522732', name: '三都水族自治县' },
  ...summary.planning,
  legalBasis: ['《中华人民共和国城乡规划法》第四十条', '《中华人民共和国人民防空法》第二十二条', '《中华人民共和国消防法》'],
  noticeDays: 5,
  timeUnit: '工作日 / working days',
  expectedBy: '2026-12-07T23:59:59+08:00',
  commitmentAllowed: false,
  approval: {
    mode: 'parallel',
    departments: [
      { deptId: 'GTJ', name: '国土局', lead: true, stageDays: 10, prerequisites: ['ZJJ'] },
      { deptId: 'ZJJ', name: '住建局', lead: false, stageDays: 7, prerequisites: [] },
      { deptId: 'GAJ', name: '公安局', lead: false, stageDays: 7, prerequisites: [] },
    ],
  },
  steps: [
    { step: '申请 / apply', detail: '网上或窗口申请，标准一致 / online or at a window, same standard' },
    { step: '受理 / acceptance', detail: '材料不全的，5个工作日内一次性告知 / missing materials are notified once within 5 working day(s)' },
    { step: '审查 / review', detail: '相关部门并联审查 / departments review in parallel' },
    { step: '决定 / decision', detail: '承诺10个工作日内办结（法定20个工作日） / promised within 10 working days (legal limit 20)' },
    { step: '送达 / delivery', detail: '办结后3个工作日内送达，可自取或邮寄 / delivered within 3 working days, pickup or mail' },
  ],
  formFields: [
    { key: 'projectName', label: '项目名称', type: 'text', required: true },
    { key: 'constructionUnit', label: '建设单位', type: 'text', required: true },
    { key: 'totalFloorAreaSquareMetres', label: '总建筑面积（平方米）', type: 'number', required: true },
    { key: 'phone', label: '联系电话', type: 'phone', required: true },
  ],
  materials: [
    { id: 'PLANNING_APPLICATION', name: '建设工程规划许可申请表', required: true, mayBeMissingAtAcceptance: false, electronicAccepted: true, fileTypes },
    { id: 'PROJECT_APPROVAL', name: '建设项目批准、核准或备案文件', required: true, mayBeMissingAtAcceptance: true, electronicAccepted: true, fileTypes },
    {
      id: 'LAND_TITLE',
      name: '使用土地的有关证明文件（不动产权证书）',
      required: true,
      mayBeMissingAtAcceptance: false,
      electronicAccepted: true,
      fromCertificateLibrary: 'REAL_ESTATE_CERT',
      fileTypes,
    },
  ],
  fees: [],
  free: true,
  specialProcedures: [
    {
      type: '现场勘察',
      description: '建设项目现场踏勘',
      legalBasis: '《中华人民共和国行政许可法》第三十四条',
      estimatedDays: 2,
      countedInLimit: false,
      note: '不计入办结时限 / not counted in the limit',
    },
  ],
  result: { certificateType: 'CONSTRUCTION_PLANNING_PERMIT', name: '建设工程规划许可证', validityYears: 1 },
  halls: [
    {
      ...countyHall,
      windows: [
        { windowId: 'ZH-GTGH', name: '国土规划综合窗口', kind: '综合窗口' },
        { windowId: 'ZY-BDC', name: '不动产登记专业窗口', kind: '专业窗口' },
        { windowId: 'ZY-SW', name: '税务专业窗口', kind: '专业窗口' },
      ],
    },
  ],
};

const companyBundle = {
  tenant: sandu,
  code: 'QYKB',
  name: '企业开办一件事',
  description: '企业设立登记、印章刻制备案和发票领用一表申请、并联办理、一窗出件',
  items: [summary.company, summary.seal],
  formFields: [
    { key: 'companyName', label: '企业名称', type: 'text', required: true, itemCodes: ['SCZR-0002', 'SCZR-0003'] },
    { key: 'legalRepresentativeName', label: '法定代表人姓名', type: 'text', required: true, itemCodes: ['SCZR-0002', 'SCZR-0003'] },
  ],
  materials: [
    {
      id: 'ID_CARD',
      name: '居民身份证',
      required: true,
      mayBeMissingAtAcceptance: false,
      electronicAccepted: true,
      fromCertificateLibrary: 'ID_CARD',
      fileTypes,
      usedBy: [
        { itemCode: 'SCZR-0002', materialId: 'ID_CARD' },
        { itemCode: 'SCZR-0003', materialId: 'ID_CARD' },
      ],
    },
    {
      id: 'PREMISES_PROOF',
      name: '经营场所使用证明',
      required: true,
      mayBeMissingAtAcceptance: true,
      electronicAccepted: true,
      fileTypes,
      usedBy: [{ itemCode: 'SCZR-0002', materialId: 'PREMISES_PROOF' }],
    },
  ],
  departments: [
    { deptId: 'SJJ', itemCodes: ['SCZR-0002'] },
    { deptId: 'GAJ', itemCodes: ['SCZR-0003'] },
  ],
  issuedWithinBundle: [{ itemCode: 'SCZR-0003', materialId: 'BUSINESS_LICENSE', certificateType: 'BUSINESS_LICENSE', issuedByItemCode: 'SCZR-0002' }],
  halls: [{ ...countyHall, windows: [{ windowId: 'YJS', name: '“一件事”主题窗口', kind: '一件事' }] }],
};

// ---------------------------------------------------------------------------------------------
// The routes
// ---------------------------------------------------------------------------------------------

export const catalogueContracts = routeContracts({
  ListItems: {
    summary: '事项库 / The catalogue of the county',
    description: '已发布事项的当前版本与“一件事”套餐，无需登录。\n\nThe current version of every published item, and the bundles; public.',
    tag,
    responses: {
      200: {
        description: '事项库 / The catalogue',
        schema: catalogueSchema,
        example: {
          tenant: sandu,
          items: [summary.individualBusiness, summary.company, summary.planning],
          bundles: [{ code: 'QYKB', name: '企业开办一件事', itemCodes: ['SCZR-0002', 'SCZR-0003', 'SCZR-0004'] }],
        },
      },
    },
    errors: { 404: ['TENANT_NOT_FOUND'] },
  },
  GetItemGuide: {
    summary: '办事指南 / The guide of an item',
    description:
      '一事一指南：设定依据、时限（工作日）、现在申请的最迟办结时间、部门、流程、申请表、材料、收费、特殊环节、办理结果与办理地点（seed 003 §3、seed 004 art.6）；不得要求指南之外的材料（seed 004 art.7）。\n\n' +
      'Everything an applicant needs before applying; nothing the guide does not list may be asked for later.',
    tag,
    path: itemCodePath,
    responses: { 200: { description: '办事指南 / The guide', schema: itemGuideSchema, example: planningGuide } },
    errors: { 404: ['TENANT_NOT_FOUND', 'ITEM_NOT_FOUND'] },
  },
  ListItemVersions: {
    summary: '事项版本历史 / The version history of an item',
    description:
      '事项的个性要素变更均生成新版本并留痕（谁、何时、为何，seed 000 net art.10–12、seed 002 §4）；办件始终按申请时的版本办理。\n\nEvery published version with who changed it, when and why; a case keeps its version.',
    tag,
    path: itemCodePath,
    responses: {
      200: {
        description: '版本历史，最新在前 / The versions, newest first',
        schema: itemVersionsSchema,
        example: {
          itemCode: 'SCZR-0002',
          current: 2,
          versions: [
            { version: 2, name: '企业设立登记', change: { by: 'cdk deploy', at: '2026-11-20T08:00:00.000Z', reason: '住所材料调整为可容缺' } },
            {
              version: 1,
              name: '企业设立登记',
              change: { by: 'cdk deploy', at: '2026-10-09T08:00:00.000Z', reason: '配置目录部署 / config directory deployed' },
            },
          ],
        },
      },
    },
    errors: { 404: ['ITEM_NOT_FOUND'] },
  },
  GetBundleGuide: {
    summary: '“一件事”套餐指南 / The guide of a 一件事 bundle',
    description:
      '一表申请、一套材料：合并各事项的申请表与材料清单，同一字段、同一材料只出现一次；由套餐内前序事项签发的证照无需提交（seed 002 §19、§24）。\n\nOne merged form and one material list without duplicates.',
    tag,
    path: bundleCodePath,
    responses: { 200: { description: '套餐指南 / The bundle guide', schema: bundleGuideSchema, example: companyBundle } },
    errors: { 404: ['TENANT_NOT_FOUND', 'BUNDLE_NOT_FOUND', 'ITEM_NOT_FOUND'] },
  },
  GetDeadline: {
    summary: '工作日期限计算 / The working-day deadline',
    description:
      '按本县（区）日历计算第 n 个工作日的期限（国务院节假日安排、调休上班日与本地额外休息日）；起算日不计入，期限为当日 23:59:59（北京时间）。跨越尚未公布安排的年度时按法定节假日暂算并标明；超出暂算范围的年度答复 422 CALENDAR_NOT_AVAILABLE，绝不按周一至周五推算。\n\n' +
      'The end of the n-th working day under the tenant’s calendar; provisional where it counts a year whose notice is not out yet.',
    tag,
    query: deadlineQuery,
    responses: {
      200: {
        description: '期限 / The deadline',
        schema: workingDayDeadlineSchema,
        example: {
          tenantId: '630103',
          start: '2026-09-30T10:00:00+08:00',
          days: 3,
          deadline: '2026-10-10T23:59:59+08:00',
          provisional: false,
          extraClosures: [],
        },
      },
    },
    errors: { 400: ['INVALID_INSTANT'], 404: ['TENANT_NOT_FOUND'], 422: ['CALENDAR_NOT_AVAILABLE'] },
  },
});

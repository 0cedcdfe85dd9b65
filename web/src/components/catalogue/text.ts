import type { Schema } from '@/api/client';

/** The words of the catalogue components (search, item lists, materials, limits), in one place. */
export const catalogueText = {
  /** The nine window domains (九大领域) in their official order; the filter offers those the county has items in. */
  domains: [
    '投资建设',
    '国土规划',
    '环境保护',
    '安全生产',
    '城市管理',
    '市场准入',
    '交通运输',
    '民生保障',
    '社会事务',
  ] as const satisfies readonly Schema<'ItemSummary'>['domain'][],
  workingDays: (days: number) => `${days}个工作日`,
  fullyOnline: '可全程网办',
  instant: '即办件，当场办结',
  promised: (days: number) => `承诺${days}个工作日办结`,
  department: (name: string) => `实施部门：${name}`,
  search: {
    keyword: '搜索事项',
    keywordHint: '可输入事项名称、事项编码或部门名称',
    domain: '事项领域',
    department: '实施部门',
    theme: '一件事主题',
    any: '全部',
    clear: '清除筛选条件',
  },
  material: {
    required: '必须提交',
    optional: '选择提交（有则提交）',
    deferrable: '容缺',
    deferrableHint: '可先受理，出证前补齐',
    certificate: '免证办',
    certificateHint: '可从电子证照库调取，无需上传',
    electronic: '可提交电子材料',
    paperOnly: '须提交纸质材料',
    fileTypes: (types: string) => `文件格式：${types}`,
    usedBy: (names: string) => `用于：${names}`,
    listSeparator: '、',
    none: '本事项无需提交申请材料。',
  },
  place: {
    address: '地址',
    windows: '办理窗口',
    window: (name: string, kind: string) => (name.includes(kind) ? name : `${name}（${kind}）`),
    anyWindow: '请到大厅咨询台询问办理窗口。',
    hoursAndPhone: '办公时间和咨询电话未在本指南中列出，请向实施部门或大厅咨询台咨询。',
  },
  deadline: {
    loading: '正在计算预计办结日期……',
    expected: (date: string) => `今天申请，预计 ${date} 前办结`,
    sameDay: (date: string) => `今天申请，材料齐全的当天（${date}）办结`,
    basis: '按本县工作日历计算（已计入国家法定节假日、调休和本县额外休息日），申请当日不计入。',
    provisional: '所涉年度的节假日安排尚未公布，日期按法定节假日暂算，公布后可能调整。',
  },
} as const;

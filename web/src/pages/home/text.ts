/** The words of the home page (首页), in one place. */
export const homeText = {
  title: (county: string) => `${county}政务服务`,
  lead: '查找要办的事项，阅读办事指南，可在网上申报的事项可直接在线申报。',
  elderNote: '字太小、看不清？点击页面上方的“长者模式”按钮，字体更大、按钮更大、对比更强，再次点击恢复。',
  elderNoteOn: '已开启长者模式。再次点击页面上方的“长者模式”按钮可恢复标准模式。',
  findHeading: '查找事项',
  resultsHeading: '事项列表',
  resultCount: (shown: number, total: number) => (shown === total ? `共 ${total} 项事项` : `找到 ${shown} 项事项（共 ${total} 项）`),
  empty: '没有找到符合条件的事项。请换一个关键词，或清除筛选条件后再试。',
  bundlesHeading: '一件事一次办',
  bundlesLead: '多个相关事项一次告知、一表申请、一窗受理。',
  bundleItems: (count: number) => `含 ${count} 个事项`,
  loading: '正在加载事项……',
} as const;

/** The words of 我的办件, in one place. */
export const myCasesText = {
  heading: '我的办件',
  intro: '您在本县（区）申报的办件，最新的在前，含在窗口办理的。',
  loading: '正在读取您的办件…',
  empty: '您在本县（区）还没有办件。',
  findService: '查找事项，在线申报',
  caseNo: '办件编号',
  status: '办理状态',
  light: '期限状态',
  filedAt: '申请时间',
  count: (count: number) => `共${count}件`,
} as const;

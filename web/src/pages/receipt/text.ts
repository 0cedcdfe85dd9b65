/** The words of the receipt page (申报回执), in one place. */
export const receiptText = {
  title: '申请已提交',
  loading: '正在读取办件信息…',
  caseId: '办件编号',
  queryCode: '查询码',
  queryCodeGone: '查询码只在提交时显示一次，请查看您当时保存的回执。',
  item: '申报事项',
  submittedAt: '提交时间',
  noticeDeadline: '一次性告知期限',
  deadlineBy: (date: string) => `${date}前`,
  noDeadline: '以窗口通知为准',
  keepSafe: '请记下或打印办件编号和查询码：不登录也可凭它们在“办件查询”中查看进度。',
  nextHeading: '接下来',
  next: {
    review: (noticeDays: number | undefined) =>
      `窗口工作人员将审查您的申请和材料；材料不全的，将在${noticeDays ? `${noticeDays}个工作日内` : '规定时限内'}一次性告知需要补正的全部材料。`,
    deemed: '逾期未告知的，自收到申请之日起即视为受理。',
    missing: (names: string) => `以下材料尚未提供：${names}。如收到补正通知，请在“我的办件”中补交。`,
    deferrable: (names: string) => `容缺材料须在领取结果前补齐：${names}。`,
    follow: '受理后可在“我的办件”中查看审批进度、选择领取方式。',
  },
  viewCase: '查看办件',
  progress: '办件查询',
  print: '打印回执',
} as const;

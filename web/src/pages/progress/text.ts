/** The words of 办件查询, in one place. */
export const progressText = {
  title: '办件查询',
  intro: '无需登录，凭申报回执上的办件编号和查询码查看办理状态和日期。代办的亲属也可以查询。',
  privacy: '为保护申请人信息，这里只显示办理状态和日期；申请人本人登录后可在“我的办件”查看详情。',
  caseId: '办件编号',
  caseIdHint: '见申报回执，26位字母和数字',
  queryCode: '查询码',
  queryCodeHint: '见申报回执，8位字母和数字',
  submit: '查询',
  checking: '正在查询…',
  errorPrefix: '错误：',
  required: {
    caseId: '请输入办件编号',
    queryCode: '请输入查询码',
  },
  malformed: {
    caseId: '办件编号应为26位字母和数字，请按回执核对',
    queryCode: '查询码应为8位字母和数字，请按回执核对',
  },
  notFoundHint: '请核对回执上的办件编号和查询码后重新查询。',
  result: '查询结果',
  itemName: '事项名称',
  status: '办理状态',
  submittedAt: '申请时间',
  acceptedAt: '受理时间',
  promisedDeadline: '承诺办结日期',
  completedAt: '办结时间',
} as const;

/** The words of the generated application form (components/forms), in one place. */
export const formsText = {
  requiredNote: '带 * 的为必填项。',
  optional: '（选填）',
  choose: '请选择',
  yes: '是',
  no: '否',
  errorPrefix: '错误：',
  summaryTitle: '请修改以下问题后继续',
  notFilled: '未填写',
  hints: {
    phone: '手机号码（11位）或座机号码，如 0854-3921234',
    idNumber: '18位公民身份号码，末位可为 X',
    number: '请填写数字，如 12800',
    date: '请选择或填写日期，如 2026-12-03',
  },
  errors: {
    required: (label: string) => `请填写${label}`,
    chooseRequired: (label: string) => `请选择${label}`,
    number: (label: string) => `${label}应为数字`,
    date: (label: string) => `${label}应为有效日期，格式为“年-月-日”`,
    select: (label: string) => `请从选项中选择${label}`,
    idNumber: (label: string) => `${label}应为18位公民身份号码`,
    phone: (label: string) => `${label}应为手机号码或座机号码`,
    tooLong: (label: string, limit: number) => `${label}不能超过${limit}字`,
  },
} as const;

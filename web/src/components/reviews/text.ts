/** The words of 好差评 (RateService), in one place. */
export const reviewText = {
  touchpoints: { acceptance: '受理环节', completion: '办结环节', refusal: '不予受理或退件环节' } as Record<string, string>,
  levelsLegend: (touchpoint: string) => `您对${touchpoint}服务的满意程度`,
  comment: '评价内容（选填）',
  commentHint: (max: number) => `最多${max}字`,
  tagsLegend: '评价涉及的方面（选填）',
  /** Aspects a rating may concern; the contract takes free tags (at most 10, each at most 20 characters). */
  tags: ['办事效率', '服务态度', '办事指南', '材料要求', '网上办理', '等候时间'],
  submit: '提交评价',
  sending: '正在提交…',
  chooseLevel: '请选择满意程度后再提交',
  thanks: '感谢您的评价',
  thanksDetail: (level: string) => `您的评价：${level}。`,
  badFollowUp: '您的意见已转交相关部门限期整改，整改情况将告知您。',
  already: (touchpoint: string, level: string, day: string) => `${touchpoint}：您已于${day}评价“${level}”。`,
} as const;

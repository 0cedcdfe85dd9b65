/** The words of 我的证照, in one place. */
export const myCertificatesText = {
  title: '我的证照',
  intro: '以下是您在本县仍然有效的电子证照，与纸质证照具有同等效力。办理其他事项需要这些证照时，可直接从这里引用（免证办），无需再次提交。',
  loading: '正在读取您的证照…',
  count: (count: number) => `共${count}个有效证照`,
  empty: '您在本县暂无有效的电子证照。',
  emptyHint: '事项办结后签发的电子证照会显示在这里。',
  myCases: '查看我的办件',
  verifyHint: '核验链接可发给需要查验证照的单位，对方无需登录即可核验。',
} as const;

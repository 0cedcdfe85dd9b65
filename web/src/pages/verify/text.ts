/** The words of 证照核验, in one place. */
export const verifyText = {
  title: '证照核验',
  intro: '电子证照与纸质证照具有同等效力。任何单位和个人无需登录，均可核验本平台颁发的电子证照是否真实、有效。',
  byNumber: '按证照编号核验',
  byNumberIntro: '输入证照上的编号，核验平台存档的证照文书及其签名，并查看证照是否已撤销或过期。',
  presented: '核验所出示的证照文书',
  presentedIntro: '持证人把电子证照文书交给您时，可核验文书的签名是否成立、内容是否与平台登记一致。',
} as const;

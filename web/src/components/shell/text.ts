/** The words of the page frame (header, navigation, footer), in one place. */
export const shellText = {
  skipToContent: '跳到主要内容',
  siteName: '政务服务网上办事大厅',
  navigation: '主导航',
  home: '首页',
  myCases: '我的办件',
  myCertificates: '我的证照',
  progress: '办件查询',
  verify: '证照核验',
  county: '所在县（区）',
  elderModeOn: '长者模式',
  elderModeOff: '标准模式',
  elderModeHint: '字体更大、对比更强、按钮更大',
  signIn: '登录',
  signOut: '退出登录',
  signedInAs: (name: string) => `您好，${name}`,
  footer: '本网站遵循《互联网网站适老化通用设计规范》，支持键盘操作与读屏软件。',
} as const;

/** The words of the workbench's frame (header, navigation, sign-out). */
export const workbenchText = {
  siteName: '通办工作台',
  skipToContent: '跳到主要内容',
  navigation: '工作台导航',
  signOut: '退出登录',
  signedInAs: '当前登录',
  roles: {
    window: '窗口人员',
    handler: '承办人',
    department_head: '部门负责人',
    supervisor: '督查人员',
    admin: '系统管理员',
  },
  staffId: (staffId: string) => `工号 ${staffId}`,
  department: (deptId: string) => `部门 ${deptId}`,
  homeTitle: '工作台首页',
  homeIntro: '请从导航中选择要办理的工作。',
  noPages: '当前岗位在工作台中暂无可办理的页面，请通过业务系统办理。',
} as const;

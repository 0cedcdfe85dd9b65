import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { currentUser, signIn } from '@/auth/session';
import { portalConfig } from '@/config';
import HomePage from '@/pages/home/HomePage.vue';
import { workbenchRoutes } from '@/workbench/routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** The document title of the page (WCAG 2.4.2): the page's name, then the site's. */
    title: string;
    /** Pages of a signed-in citizen: a visitor is sent to sign in and brought back. */
    citizen?: boolean;
    /** Pages of the staff workbench: sign-in through the staff provider. */
    staff?: boolean;
  }
}

const tenant = '/:tenantId(\\d{6})';

/**
 * Every page of the portal. The home page is part of the first load; every other page is loaded when first visited,
 * so the home page's weight stays within budget (the build prints it).
 */
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'start', component: HomePage, meta: { title: '首页' } },
  { path: `${tenant}/`, name: 'home', component: HomePage, meta: { title: '首页' } },
  { path: `${tenant}/items/:itemCode`, name: 'item-guide', component: () => import('@/pages/guide/ItemGuidePage.vue'), meta: { title: '办事指南' } },
  { path: `${tenant}/bundles/:bundleCode`, name: 'bundle-guide', component: () => import('@/pages/guide/BundleGuidePage.vue'), meta: { title: '一件事指南' } },
  { path: `${tenant}/apply/:itemCode`, name: 'apply', component: () => import('@/pages/apply/ApplyPage.vue'), meta: { title: '在线申报', citizen: true } },
  {
    path: `${tenant}/receipt/:caseId`,
    name: 'receipt',
    component: () => import('@/pages/receipt/ReceiptPage.vue'),
    meta: { title: '申报回执', citizen: true },
  },
  { path: `${tenant}/my-cases`, name: 'my-cases', component: () => import('@/pages/my-cases/MyCasesPage.vue'), meta: { title: '我的办件', citizen: true } },
  { path: `${tenant}/my-cases/:caseId`, name: 'case', component: () => import('@/pages/case/CasePage.vue'), meta: { title: '办件详情', citizen: true } },
  {
    path: `${tenant}/my-certificates`,
    name: 'my-certificates',
    component: () => import('@/pages/my-certificates/MyCertificatesPage.vue'),
    meta: { title: '我的证照', citizen: true },
  },
  { path: `${tenant}/progress`, name: 'progress', component: () => import('@/pages/progress/ProgressPage.vue'), meta: { title: '办件查询' } },
  { path: '/verify', name: 'verify', component: () => import('@/pages/verify/VerifyPage.vue'), meta: { title: '证照核验' } },
  ...workbenchRoutes,
  { path: '/auth/callback', name: 'auth-callback', component: () => import('@/pages/auth-callback/AuthCallbackPage.vue'), meta: { title: '正在登录' } },
  { path: '/:unknown(.*)*', name: 'not-found', component: () => import('@/pages/not-found/NotFoundPage.vue'), meta: { title: '页面不存在' } },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach(async (to) => {
  if (to.name === 'start') {
    const { defaultTenantId } = await portalConfig();
    return { name: 'home', params: { tenantId: defaultTenantId }, query: to.query };
  }
  for (const audience of ['citizen', 'staff'] as const) {
    if (to.meta[audience] && !(await currentUser(audience))) {
      await signIn(audience, to.fullPath);
      return false;
    }
  }
  return true;
});

router.afterEach((to, from) => {
  document.title = `${to.meta.title} - 政务服务网上办事大厅`;
  // a change of the query only (a search, a filter) is no new page: focus stays in the control being used
  if (from.matched.length > 0 && to.path === from.path) return;
  // a new page is announced like a page load: focus moves to the main region (skip link target)
  requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: true }));
});

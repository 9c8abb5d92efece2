import { createRouter, createWebHistory, type Router, type RouteRecordRaw } from 'vue-router'
import { home, isOffice, isUnit, isViewer } from './session'

type Who = 'office' | 'reader' | 'unit' | 'channels' | 'any'

const allowed: Record<Who, () => boolean> = {
  office: isOffice,
  reader: () => isOffice() || isViewer(),
  unit: isUnit,
  // a unit's staff their own unit's channels, the office any unit's
  channels: () => isOffice() || isUnit(),
  any: () => isOffice() || isViewer() || isUnit(),
}

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: () => home() },
  { path: '/plans', component: () => import('./pages/PlansPage.vue'), meta: { who: 'reader' } },
  { path: '/plans/import', component: () => import('./pages/ImportPage.vue'), meta: { who: 'office' } },
  { path: '/plans/:id/tasks', component: () => import('./pages/PlanTasksPage.vue'), meta: { who: 'reader' }, props: true },
  { path: '/plans/:id/board', component: () => import('./pages/BoardPage.vue'), meta: { who: 'reader' }, props: true },
  { path: '/board', component: () => import('./pages/BoardPage.vue'), meta: { who: 'reader' } },
  { path: '/plans/:id/ranking', component: () => import('./pages/RankingPage.vue'), meta: { who: 'reader' }, props: true },
  { path: '/ranking', component: () => import('./pages/RankingPage.vue'), meta: { who: 'reader' } },
  { path: '/channels', component: () => import('./pages/ChannelsPage.vue'), meta: { who: 'channels' } },
  { path: '/queue', component: () => import('./pages/QueuePage.vue'), meta: { who: 'office' } },
  { path: '/reminders', component: () => import('./pages/RemindersPage.vue'), meta: { who: 'office' } },
  { path: '/tasks/:id', component: () => import('./pages/TaskPage.vue'), meta: { who: 'any' }, props: true },
  { path: '/tasks/:id/shares', component: () => import('./pages/TaskSharesPage.vue'), meta: { who: 'any' }, props: true },
  { path: '/assignments/:id', component: () => import('./pages/AssignmentPage.vue'), meta: { who: 'any' }, props: true },
  { path: '/my-tasks', component: () => import('./pages/UnitTasksPage.vue'), meta: { who: 'unit' } },
  { path: '/inbox', component: () => import('./pages/InboxPage.vue'), meta: { who: 'unit' } },
  { path: '/no-access', component: () => import('./pages/NoAccessPage.vue') },
  { path: '/:rest(.*)*', redirect: () => home() },
]

/**
 * The console's router. It is made only after the login: the web history reads the address when it is made, and
 * before keycloak-js has taken the login's answer (state and one-time code) out of the fragment it would put them
 * back into the address bar and the browser's history.
 */
export function consoleRouter(): Router {
  const router = createRouter({ history: createWebHistory(), routes })
  router.beforeEach((to) => {
    const who = to.meta.who as Who | undefined
    if (who && !allowed[who]()) return home()
    return true
  })
  return router
}

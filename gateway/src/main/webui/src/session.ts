import { reactive } from 'vue'
import { api, ok } from './api/client'

/** Who is signed in, as GET /api/me says: what the console shows follows it. */
export const session = reactive({
  username: '',
  roles: [] as string[],
  unitCode: undefined as string | undefined,
  unitName: '',
  unread: 0,
})

export const isOffice = () => session.roles.includes('admin')
export const isViewer = () => session.roles.includes('viewer') && !isOffice()
export const isUnit = () => session.roles.includes('unit') && !!session.unitCode

export async function loadSession(): Promise<void> {
  const me = ok(await api.GET('/api/me'))
  session.username = me.username ?? ''
  session.roles = me.roles ?? []
  session.unitCode = me.unitCode
  if (me.unitCode) {
    const unit = await api.GET('/api/units/{code}', { params: { path: { code: me.unitCode } } })
    session.unitName = (unit.data as { name?: string } | undefined)?.name ?? me.unitCode
    void refreshUnread()
  }
}

/** The unread count beside the inbox (one row asked for: the envelope's total is the count). */
export async function refreshUnread(): Promise<void> {
  if (!session.unitCode) return
  const page = ok(await api.GET('/api/notifications', { params: { query: { unread: 'true', size: 1 } } }))
  session.unread = page.total ?? 0
}

/** Where a user starts: the office and viewers on the plans, a unit on its task list. */
export function home(): string {
  if (isUnit()) return '/my-tasks'
  if (isOffice() || isViewer()) return '/plans'
  return '/no-access'
}

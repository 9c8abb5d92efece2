import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import { ApiError } from '../api/client'
import { i18n } from '../i18n'

/** Tells the user why something did not work, in the API's own words (its problem detail). */
export function complain(e: unknown): void {
  const detail = e instanceof ApiError
    ? [e.problem?.detail ?? e.problem?.title ?? `HTTP ${e.status}`, ...(e.problem?.errors ?? []).map((f) => `${f.field}：${f.message}`)].join('；')
    : e instanceof Error ? e.message : String(e)
  ElMessage.error({ message: i18n.global.t('common.failed', { detail }), duration: 6000 })
}

export function done(message: string): void {
  ElMessage.success(message)
}

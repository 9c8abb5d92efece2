import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { ApiError } from '../api/client'
import { i18n } from '../i18n'

/**
 * Why an evidence file was refused, in plain words: the type (415) and size (413) answers of task-service, a file
 * that is part of the record (409 on delete), else the API's own problem detail.
 */
export function complainEvidence(e: unknown, name = ''): void {
  const t = i18n.global.t
  let message: string
  if (typeof e === 'string') message = e
  else if (e instanceof ApiError && e.status === 415) message = t('evidence.refusedType', { name, detail: e.problem?.detail ?? '' })
  else if (e instanceof ApiError && e.status === 413) message = t('evidence.refusedSize', { name })
  else if (e instanceof ApiError && e.status === 409) message = t('evidence.cited')
  else message = t('common.failed', { detail: e instanceof ApiError ? e.problem?.detail ?? e.problem?.title ?? `HTTP ${e.status}` : e instanceof Error ? e.message : String(e) })
  ElMessage.error({ message, duration: 8000, customClass: 'evidence-error' })
}

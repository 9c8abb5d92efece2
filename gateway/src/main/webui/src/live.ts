import { ElNotification } from 'element-plus'
import 'element-plus/es/components/notification/style/css'
import { fresh } from './auth'
import { i18n } from './i18n'
import { backoff, SseParser, type SseEvent } from './logic/sse'
import { refreshUnread, session } from './session'
import type { Schemas } from './api/client'

// The live inbox: GET /api/notifications/stream keeps the unread badge up to date and shows each new notification
// as a toast. The stream takes the bearer token like every call (EventSource cannot send it, so: fetch and a reader);
// a broken connection is made again after a pause that grows with each failure, with Last-Event-ID, and the stream
// first sends what came meanwhile. A `reset` event (too many meanwhile) says to count the inbox again.

let started = false
/** The stream's request, ended when the page goes away (see below). */
let current: AbortController | undefined

export function startLiveInbox(): void {
  if (started || !session.unitCode) return
  started = true
  // A browser keeps at most six connections to one server over HTTP/1.1, and a page that is left may be kept in the
  // back-forward cache with its stream still open: after a few page loads every connection is a stream and the next
  // page's requests wait for ever. So the stream ends when the page is hidden; a page shown again from that cache
  // connects anew (the loop below tries again).
  window.addEventListener('pagehide', () => current?.abort())
  void run()
}

async function run(): Promise<void> {
  let retryMs = 3000
  let failures = 0
  const parser = new SseParser(onEvent, (ms) => (retryMs = ms))
  for (;;) {
    try {
      const headers: Record<string, string> = { Authorization: `Bearer ${await fresh()}`, Accept: 'text/event-stream' }
      if (parser.lastEventId) headers['Last-Event-ID'] = parser.lastEventId
      current = new AbortController()
      const response = await fetch('/api/notifications/stream', { headers, cache: 'no-store', signal: current.signal })
      if (response.status === 403 || response.status === 404) return // not a unit's account after all: no live inbox
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`)
      failures = 0
      if (parser.lastEventId) void refreshUnread().catch(() => undefined)
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        parser.feed(value)
      }
    } catch {
      failures++
    }
    parser.reset()
    await new Promise((resolve) => setTimeout(resolve, backoff(failures, retryMs)))
  }
}

function onEvent(event: SseEvent): void {
  if (event.event === 'reset') {
    void refreshUnread().catch(() => undefined)
    return
  }
  if (event.event !== 'notification') return
  let notification: Schemas['Notification']
  try {
    notification = JSON.parse(event.data) as Schemas['Notification']
  } catch {
    return
  }
  session.unread++
  const t = i18n.global.t
  ElNotification({
    title: t(`inbox.kinds.${notification.kind}`),
    message: notification.title ?? '',
    type: notification.kind === 'OVERDUE' || notification.kind === 'ESCALATION' || notification.kind === 'URGE' ? 'error' : 'warning',
    duration: 8000,
    customClass: 'live-toast',
  })
}

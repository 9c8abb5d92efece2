// Server-Sent Events read by hand: the console's token lives in memory and EventSource cannot send an Authorization
// header, so the live inbox reads GET /api/notifications/stream with fetch() and parses the lines here (the
// WHATWG "event stream interpretation", the parts a Duban stream uses: id, event, data, retry, comments).

/** One dispatched event. `id` is the last event id seen so far (what a reconnect sends as Last-Event-ID). */
export interface SseEvent {
  id: string
  event: string
  data: string
}

/**
 * Feeds text as it arrives, in chunks cut anywhere (even inside a line or between CR and LF), and calls `onEvent`
 * for every complete event and `onRetry` for a valid `retry:` field.
 */
export class SseParser {
  private buffer = ''
  private lastId = ''
  private idBuffer = ''
  private event = ''
  private data: string[] = []
  private pendingCr = false

  constructor(private readonly onEvent: (e: SseEvent) => void, private readonly onRetry: (ms: number) => void = () => undefined) {}

  /** The id of the last event received whole (kept across events; an id whose event broke off does not count). */
  get lastEventId(): string {
    return this.lastId
  }

  feed(chunk: string): void {
    let text = chunk
    // a CR ended the previous chunk: an LF starting this one belongs to the same line end
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1)
    this.pendingCr = false
    this.buffer += text
    let start = 0
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i]
      if (c !== '\n' && c !== '\r') continue
      this.line(this.buffer.slice(start, i))
      if (c === '\r') {
        if (i + 1 === this.buffer.length) this.pendingCr = true
        else if (this.buffer[i + 1] === '\n') i++
      }
      start = i + 1
    }
    this.buffer = this.buffer.slice(start)
  }

  /** Forgets a half-received event (the connection broke); the last id is kept for the reconnect. */
  reset(): void {
    this.buffer = ''
    this.event = ''
    this.data = []
    this.pendingCr = false
    this.idBuffer = this.lastId
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch()
      return
    }
    if (line.startsWith(':')) return // a comment: heartbeat
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    switch (field) {
      case 'event': this.event = value; break
      case 'data': this.data.push(value); break
      case 'id': if (!value.includes('\0')) this.idBuffer = value; break
      case 'retry': if (/^\d+$/.test(value)) this.onRetry(Number(value)); break
      default: break // unknown fields are ignored
    }
  }

  private dispatch(): void {
    this.lastId = this.idBuffer
    if (this.data.length) this.onEvent({ id: this.lastId, event: this.event || 'message', data: this.data.join('\n') })
    this.event = ''
    this.data = []
  }
}

/** How long to wait before the n-th reconnect (0-based): the server's retry, doubled each failure, at most a minute. */
export function backoff(attempt: number, retryMs: number, max = 60_000): number {
  return Math.min(max, retryMs * 2 ** Math.min(attempt, 10))
}

import { describe, expect, it } from 'vitest'
import { SseParser, backoff, type SseEvent } from './sse'

function parse(...chunks: string[]) {
  const events: SseEvent[] = []
  const retries: number[] = []
  const parser = new SseParser((e) => events.push(e), (ms) => retries.push(ms))
  chunks.forEach((c) => parser.feed(c))
  return { events, retries, parser }
}

describe('the live inbox stream parser', () => {
  it('reads the stream as reminder-service sends it: a comment, retry, a notification, a heartbeat', () => {
    const { events, retries, parser } = parse(': 督办 live inbox\nretry: 3000\n\nid: 310\nevent: notification\ndata: {"id":310,"title":"第39项任务还有7天到期"}\n\n: heartbeat\n\n')
    expect(retries).toEqual([3000])
    expect(events).toEqual([{ id: '310', event: 'notification', data: '{"id":310,"title":"第39项任务还有7天到期"}' }])
    expect(parser.lastEventId).toBe('310')
  })

  it('puts an event together from chunks cut anywhere, also inside a multi-byte text and between CR and LF', () => {
    const text = 'id: 7\r\nevent: notification\r\ndata: 合肥市\r\n\r\n'
    for (let cut = 1; cut < text.length; cut++) {
      const { events } = parse(text.slice(0, cut), text.slice(cut))
      expect(events, `cut at ${cut}`).toEqual([{ id: '7', event: 'notification', data: '合肥市' }])
    }
  })

  it('joins several data lines with a newline and dispatches nothing without data', () => {
    const { events } = parse('event: notification\ndata: a\ndata: b\n\nid: 9\n\n')
    expect(events).toEqual([{ id: '', event: 'notification', data: 'a\nb' }])
  })

  it('keeps the last id across events, as a reconnect must send it', () => {
    const { events, parser } = parse('id: 1\ndata: x\n\ndata: y\n\n')
    expect(events.map((e) => e.id)).toEqual(['1', '1'])
    expect(parser.lastEventId).toBe('1')
  })

  it('takes the value after one optional space, and a field without a colon as empty', () => {
    const { events } = parse('data:no space\ndata:  two spaces\ndata\n\n')
    expect(events[0].data).toBe('no space\n two spaces\n')
  })

  it('calls an event without a type a message, and reads the reset event', () => {
    const { events } = parse('data: plain\n\nevent: reset\ndata: {"reason":"too many","latestId":900}\n\n')
    expect(events.map((e) => e.event)).toEqual(['message', 'reset'])
  })

  it('ignores a retry that is not a number and unknown fields', () => {
    const { events, retries } = parse('retry: soon\nfoo: bar\ndata: z\n\n')
    expect(retries).toEqual([])
    expect(events).toHaveLength(1)
  })

  it('drops a half-received event on reset, and a reconnect asks from the last whole one', () => {
    const { events, parser } = parse('id: 4\ndata: whole\n\nid: 5\ndata: half')
    parser.reset()
    parser.feed('\n\n')
    expect(events).toHaveLength(1)
    expect(parser.lastEventId).toBe('4')
  })
})

describe('reconnect backoff', () => {
  it('doubles from the server retry and stops at a minute', () => {
    expect([0, 1, 2, 3, 10, 40].map((n) => backoff(n, 3000))).toEqual([3000, 6000, 12000, 24000, 60000, 60000])
  })
})

import { describe, expect, it } from 'vitest'
import { dueIn, formatDate, formatInstant, today } from './dates'

describe('date display', () => {
  it('reads Chinese dates without leading zeros', () => {
    expect(formatDate('2022-06-30', 'zh-CN')).toBe('2022年6月30日')
    expect(formatDate('2022-12-01', 'en')).toBe('1 Dec 2022')
  })
  it('calls a missing date ongoing work', () => {
    expect(formatDate(undefined, 'zh-CN')).toBe('长期坚持')
    expect(formatDate(null, 'en')).toBe('ongoing')
  })
  it('shows instants in Beijing time', () => {
    expect(formatInstant('2022-06-23T01:00:00Z', 'zh-CN')).toBe('2022年6月23日 09:00')
    expect(formatInstant('2022-06-30T16:30:00Z', 'en')).toBe('1 Jul 2022 00:30')
  })
  it('says how a due date stands', () => {
    expect(dueIn('2022-06-30', '2022-06-23', 'zh-CN')).toBe('还剩7天')
    expect(dueIn('2022-06-23', '2022-06-23', 'zh-CN')).toBe('今日到期')
    expect(dueIn('2022-06-20', '2022-06-23', 'zh-CN')).toBe('逾期3天')
    expect(dueIn('2022-06-22', '2022-06-23', 'en')).toBe('1 day overdue')
    expect(dueIn(undefined, '2022-06-23', 'en')).toBe('')
  })
  it('knows the day in Shanghai when UTC is still on the day before', () => {
    expect(today('Asia/Shanghai', new Date('2022-06-30T17:00:00Z'))).toBe('2022-07-01')
  })
})

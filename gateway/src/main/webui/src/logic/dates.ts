import { daysBetween } from './colours'

export type Locale = 'zh-CN' | 'en'

/** A date (YYYY-MM-DD) as people read it: 2022年6月30日, or 30 Jun 2022. */
export function formatDate(date: string | undefined | null, locale: Locale): string {
  if (!date) return locale === 'zh-CN' ? '长期坚持' : 'ongoing'
  const [y, m, d] = date.slice(0, 10).split('-').map(Number)
  if (locale === 'zh-CN') return `${y}年${m}月${d}日`
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  return `${d} ${months[m - 1]} ${y}`
}

/** An instant in the plan's time zone, to the minute: 2022年6月23日 09:00. */
export function formatInstant(instant: string | undefined | null, locale: Locale, timeZone = 'Asia/Shanghai'): string {
  if (!instant) return ''
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${formatDate(`${get('year')}-${get('month')}-${get('day')}`, locale)} ${get('hour')}:${get('minute')}`
}

/** How a due date stands as of today: 还剩3天 / 今日到期 / 逾期5天. Empty for ongoing work. */
export function dueIn(due: string | undefined | null, today: string, locale: Locale): string {
  if (!due) return ''
  const days = daysBetween(today, due)
  if (locale === 'zh-CN') return days > 0 ? `还剩${days}天` : days === 0 ? '今日到期' : `逾期${-days}天`
  return days > 0 ? `${days} day${days === 1 ? '' : 's'} left` : days === 0 ? 'due today' : `${-days} day${days === -1 ? '' : 's'} overdue`
}

/** Today (YYYY-MM-DD) in a time zone. */
export function today(timeZone = 'Asia/Shanghai', now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

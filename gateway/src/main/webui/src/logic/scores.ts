// Small rules of the ranking page, kept out of the component so they can be tested.

/**
 * The days a score trend is drawn for: the last day of every month from the month `from` falls in to the month
 * before `to`, then `to` itself — at most `max` of them, the latest kept. Dates as YYYY-MM-DD.
 */
export function monthEnds(from: string, to: string, max: number): string[] {
  if (!from || !to || from > to) return to ? [to] : []
  const days: string[] = []
  let [y, m] = from.slice(0, 7).split('-').map(Number)
  for (;;) {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate() // day 0 of the next month
    const end = `${y}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`
    if (end >= to) break
    days.push(end)
    if (++m > 12) {
      m = 1
      y++
    }
  }
  days.push(to)
  return days.slice(-max)
}

/** A unit's name short enough for a chart's axis: 合肥市人民政府 → 合肥市, 省发展改革委 stays. */
export function shortName(name: string | undefined): string {
  return (name ?? '').replace(/人民政府$/, '')
}

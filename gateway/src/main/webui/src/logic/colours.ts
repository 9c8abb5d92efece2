// 三色 (three colours) of the supervision board and the task lists:
// red — something is overdue; yellow — due within 7 days, or returned by the office; green — on track.

export type Colour = 'red' | 'yellow' | 'green'

/** Counts of a board cell or unit row (GET /api/plans/{id}/board). */
export interface Counts {
  overdue: number
  dueWithin7Days: number
  returned: number
}

/** The contract's rule for a cell or a unit: red if overdue > 0; else yellow if due soon or returned; else green. */
export function boardColour(c: Counts): Colour {
  if (c.overdue > 0) return 'red'
  if (c.dueWithin7Days > 0 || c.returned > 0) return 'yellow'
  return 'green'
}

/** One assignment as a unit's task list shows it. */
export interface AssignmentLike {
  status?: string
  overdue?: boolean
  dueDate?: string
}

/** The same rule for one assignment, as of `today` (YYYY-MM-DD, the plan's time zone); returned = sent back by the office. */
export function assignmentColour(a: AssignmentLike, today: string, returned = false): Colour {
  if (a.status === 'COMPLETED') return 'green'
  if (a.overdue) return 'red'
  if (returned) return 'yellow'
  if (a.dueDate && daysBetween(today, a.dueDate) >= 0 && daysBetween(today, a.dueDate) <= 7) return 'yellow'
  return 'green'
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.UTC(...ymd(to)) - Date.UTC(...ymd(from))) / 86_400_000)
}

function ymd(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number)
  return [y, m - 1, d]
}

/** Completed on time among the completed, as a whole percentage; null when nothing is completed yet. */
export function onTimeRate(completedOnTime: number, completed: number): number | null {
  return completed === 0 ? null : Math.round((completedOnTime * 100) / completed)
}

/** Completed among all, as a whole percentage (0 for an empty row). */
export function completionRate(completed: number, total: number): number {
  return total === 0 ? 0 : Math.round((completed * 100) / total)
}

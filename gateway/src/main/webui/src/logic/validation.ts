// The rules of the console's forms, as task-service checks them (Requests.java), so a unit hears about a
// mistake before sending. Messages are i18n keys.

export type Problems = Record<string, string>

export function progressProblems(text: string, percent: number | null | undefined): Problems {
  const problems: Problems = {}
  if (!text.trim()) problems.text = 'validation.progressTextRequired'
  else if (text.length > 4000) problems.text = 'validation.tooLong4000'
  if (percent != null && (!Number.isInteger(percent) || percent < 0 || percent > 100)) problems.percent = 'validation.percentRange'
  return problems
}

/** An extension: a date after the current due date (and after today), and a reason. */
export function extensionProblems(until: string | null | undefined, reason: string, dueDate: string | undefined, today: string): Problems {
  const problems: Problems = {}
  if (!until) problems.until = 'validation.untilRequired'
  else if (until <= today || (dueDate && until <= dueDate)) problems.until = 'validation.untilAfterDue'
  if (!reason.trim()) problems.reason = 'validation.reasonRequired'
  else if (reason.length > 2000) problems.reason = 'validation.tooLong2000'
  return problems
}

export function noteProblems(note: string, required: boolean): Problems {
  if (required && !note.trim()) return { note: 'validation.noteRequired' }
  if (note.length > 2000) return { note: 'validation.tooLong2000' }
  return {}
}

export const IMPORT_TYPES = ['.docx', '.xlsx', '.txt']
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024

/** A plan document to import: .docx, .xlsx or .txt, not empty, within the gateway's 10 MB. */
export function importFileProblem(name: string, size: number): string | null {
  const lower = name.toLowerCase()
  if (!IMPORT_TYPES.some((t) => lower.endsWith(t))) return 'validation.importType'
  if (size === 0) return 'validation.importEmpty'
  if (size > MAX_IMPORT_BYTES) return 'validation.importTooLarge'
  return null
}

/** "30, 7, 1" → [30, 7, 1]; null when any part is not a whole number of days from 0 to 366. */
export function parseLeadDays(text: string): number[] | null {
  const parts = text.split(/[,，、\s]+/).filter((p) => p !== '')
  const days = parts.map(Number)
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 366)) return null
  return [...new Set(days)].sort((a, b) => b - a)
}

/** A milestone: a title of at most 200 characters and a date no later than the assignment's (ongoing work bounds nothing). */
export function milestoneProblems(title: string, dueDate: string | null | undefined, assignmentDue: string | undefined): Problems {
  const problems: Problems = {}
  if (!title.trim()) problems.title = 'validation.milestoneTitleRequired'
  else if (title.length > 200) problems.title = 'validation.tooLong200'
  if (!dueDate) problems.dueDate = 'validation.milestoneDueRequired'
  else if (assignmentDue && dueDate > assignmentDue) problems.dueDate = 'validation.milestoneAfterDue'
  return problems
}

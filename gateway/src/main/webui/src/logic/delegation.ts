// Delegation down the levels (层层分解), the tree of an assignment and urging (催办): who may do what, and the checks
// task-service makes on a delegation (DelegationService), so a unit hears about a mistake before sending.
// Messages are i18n keys.

import type { Problems } from './validation'

export interface Share {
  unitCode?: string
  delegatedBy?: string
  status?: string
  role?: string
  depth?: number
}

export interface ChildDraft {
  unitCode: string
  role: 'RESPONSIBLE' | 'LEAD'
  dueDate: string | null | undefined
  note: string
}

/** The assignment's own unit breaks it down while it is open: not once submitted or completed (409 otherwise). */
export function mayDelegate(share: Share, unitCode: string | undefined): boolean {
  return !!unitCode && share.unitCode === unitCode && (share.status === 'NOT_STARTED' || share.status === 'IN_PROGRESS')
}

/** Approves or returns a submission: the office, or the unit that delegated the assignment. */
export function maySupervise(share: Share, unitCode: string | undefined, office: boolean): boolean {
  return office || (!!unitCode && share.delegatedBy === unitCode)
}

/** Whether a unit leads a task: a LEAD share of the plan as the office issued it (depth 0). */
export function leads(shares: Share[] | undefined, unitCode: string | undefined): boolean {
  return !!unitCode && (shares ?? []).some((s) => s.unitCode === unitCode && s.role === 'LEAD' && (s.depth ?? 0) === 0)
}

/** 催办: the office, a lead unit of the task or the delegating unit, never one's own share, and not once completed. */
export function mayUrge(share: Share, unitCode: string | undefined, office: boolean, lead: boolean): boolean {
  if (!share.unitCode || share.status === 'COMPLETED') return false
  if (office) return true
  if (!unitCode || share.unitCode === unitCode) return false
  return share.delegatedBy === unitCode || lead
}

/**
 * The children to delegate: at least one unit, each once, each due no later than the parent (ongoing work, without
 * a date, bounds nothing), a note of at most 2000 characters. Keys as the API's errors: items[i].dueDate …
 */
export function delegationProblems(children: ChildDraft[], parentDue: string | null | undefined): Problems {
  const problems: Problems = {}
  if (children.length === 0) problems.items = 'validation.delegateNoUnit'
  const seen = new Set<string>()
  children.forEach((c, i) => {
    if (seen.has(c.unitCode)) problems[`items[${i}].unitCode`] = 'validation.delegateTwice'
    seen.add(c.unitCode)
    if (parentDue && !c.dueDate) problems[`items[${i}].dueDate`] = 'validation.delegateDueRequired'
    else if (parentDue && c.dueDate && c.dueDate > parentDue) problems[`items[${i}].dueDate`] = 'validation.delegateAfterParent'
    if (c.note.length > 2000) problems[`items[${i}].note`] = 'validation.tooLong2000'
  })
  return problems
}

/**
 * The request body: a child's date only when it differs from the parent's (the API defaults to the parent's; under
 * ongoing work a child without a date is ongoing too, one with a date is due then).
 */
export function delegationBody(children: ChildDraft[], parentDue: string | null | undefined) {
  return {
    items: children.map((c) => ({
      unitCode: c.unitCode,
      role: c.role,
      ...(c.dueDate && c.dueDate !== parentDue ? { dueDate: c.dueDate } : {}),
      ...(c.note.trim() ? { note: c.note.trim() } : {}),
    })),
  }
}

/** The children done, as a whole percent (0 without children). */
export function rolledUp(childCount: number | undefined, childrenCompleted: number | undefined): number {
  if (!childCount) return 0
  return Math.floor(((childrenCompleted ?? 0) * 100) / childCount)
}

/** An urge's message: said, and at most 500 characters. */
export function urgeProblems(message: string): Problems {
  if (!message.trim()) return { message: 'validation.urgeMessageRequired' }
  if (message.length > 500) return { message: 'validation.tooLong500' }
  return {}
}

/** Retry-After (seconds) as hours to wait, at least 1; null when absent or unreadable. */
export function hoursUntilRetry(retryAfter: string | null): number | null {
  if (retryAfter == null || retryAfter.trim() === '') return null
  const seconds = Number(retryAfter)
  if (!Number.isFinite(seconds) || seconds < 0) return null
  return Math.max(1, Math.ceil(seconds / 3600))
}

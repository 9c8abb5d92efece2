import { describe, expect, it } from 'vitest'
import { assignmentColour, boardColour, completionRate, daysBetween, onTimeRate } from './colours'

describe('board colours (contract rule)', () => {
  it.each([
    [{ overdue: 1, dueWithin7Days: 0, returned: 0 }, 'red'],
    [{ overdue: 2, dueWithin7Days: 5, returned: 1 }, 'red'],
    [{ overdue: 0, dueWithin7Days: 1, returned: 0 }, 'yellow'],
    [{ overdue: 0, dueWithin7Days: 0, returned: 1 }, 'yellow'],
    [{ overdue: 0, dueWithin7Days: 0, returned: 0 }, 'green'],
  ])('%o is %s', (counts, colour) => {
    expect(boardColour(counts)).toBe(colour)
  })
})

describe('assignment colours', () => {
  const today = '2022-06-23'
  it('overdue is red', () => {
    expect(assignmentColour({ status: 'IN_PROGRESS', overdue: true, dueDate: '2022-06-20' }, today)).toBe('red')
  })
  it('due today and within 7 days are yellow, the 8th day is green', () => {
    expect(assignmentColour({ status: 'NOT_STARTED', overdue: false, dueDate: '2022-06-23' }, today)).toBe('yellow')
    expect(assignmentColour({ status: 'NOT_STARTED', overdue: false, dueDate: '2022-06-30' }, today)).toBe('yellow')
    expect(assignmentColour({ status: 'NOT_STARTED', overdue: false, dueDate: '2022-07-01' }, today)).toBe('green')
  })
  it('returned work is yellow even when far off', () => {
    expect(assignmentColour({ status: 'IN_PROGRESS', overdue: false, dueDate: '2022-12-31' }, today, true)).toBe('yellow')
  })
  it('completed work and ongoing work without a date are green', () => {
    expect(assignmentColour({ status: 'COMPLETED', overdue: false, dueDate: '2022-06-24' }, today)).toBe('green')
    expect(assignmentColour({ status: 'IN_PROGRESS', overdue: false }, today)).toBe('green')
  })
})

describe('rates and days', () => {
  it('counts days across months and years', () => {
    expect(daysBetween('2022-06-30', '2022-07-01')).toBe(1)
    expect(daysBetween('2022-12-31', '2022-12-01')).toBe(-30)
    expect(daysBetween('2023-12-31', '2024-03-01')).toBe(61)
  })
  it('on-time rate is of the completed, and unknown before anything is completed', () => {
    expect(onTimeRate(3, 4)).toBe(75)
    expect(onTimeRate(0, 0)).toBeNull()
    expect(completionRate(1, 3)).toBe(33)
    expect(completionRate(0, 0)).toBe(0)
  })
})

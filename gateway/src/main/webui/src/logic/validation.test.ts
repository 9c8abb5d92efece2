import { describe, expect, it } from 'vitest'
import { extensionProblems, importFileProblem, milestoneProblems, noteProblems, parseLeadDays, progressProblems } from './validation'

describe('progress report', () => {
  it('needs a text and a percent from 0 to 100', () => {
    expect(progressProblems('已完成问题清单梳理', 40)).toEqual({})
    expect(progressProblems('已完成', null)).toEqual({})
    expect(progressProblems('  ', 40)).toEqual({ text: 'validation.progressTextRequired' })
    expect(progressProblems('x', 101)).toEqual({ percent: 'validation.percentRange' })
    expect(progressProblems('x', 12.5)).toEqual({ percent: 'validation.percentRange' })
    expect(progressProblems('字'.repeat(4001), 1)).toEqual({ text: 'validation.tooLong4000' })
  })
})

describe('extension request', () => {
  it('asks for a later date than the due date and a reason', () => {
    expect(extensionProblems('2022-09-30', '涉及跨部门数据对接', '2022-06-30', '2022-06-23')).toEqual({})
    expect(extensionProblems('2022-06-30', '理由', '2022-06-30', '2022-06-23')).toEqual({ until: 'validation.untilAfterDue' })
    expect(extensionProblems('2022-06-01', '理由', undefined, '2022-06-23')).toEqual({ until: 'validation.untilAfterDue' })
    expect(extensionProblems(null, '', '2022-06-30', '2022-06-23'))
      .toEqual({ until: 'validation.untilRequired', reason: 'validation.reasonRequired' })
  })
})

describe('notes, files, lead days', () => {
  it('requires a note when returning work', () => {
    expect(noteProblems('', true)).toEqual({ note: 'validation.noteRequired' })
    expect(noteProblems('', false)).toEqual({})
  })
  it('takes only plan documents within 10 MB', () => {
    expect(importFileProblem('皖政务办〔2022〕3号.DOCX', 1000)).toBeNull()
    expect(importFileProblem('plan.pdf', 1000)).toBe('validation.importType')
    expect(importFileProblem('plan.txt', 0)).toBe('validation.importEmpty')
    expect(importFileProblem('plan.xlsx', 11 * 1024 * 1024)).toBe('validation.importTooLarge')
  })
  it('reads lead days written the Chinese way too', () => {
    expect(parseLeadDays('30，7、1')).toEqual([30, 7, 1])
    expect(parseLeadDays('1, 30, 7, 7')).toEqual([30, 7, 1])
    expect(parseLeadDays('七')).toBeNull()
    expect(parseLeadDays('-1')).toBeNull()
  })
})

describe('milestones', () => {
  it('need a title and a date no later than the assignment', () => {
    expect(milestoneProblems('报送工作方案', '2022-07-06', '2022-12-31')).toEqual({})
    expect(milestoneProblems('报送工作方案', '2022-12-31', '2022-12-31')).toEqual({})
    expect(milestoneProblems(' ', '2022-07-06', '2022-12-31')).toEqual({ title: 'validation.milestoneTitleRequired' })
    expect(milestoneProblems('x'.repeat(201), '2022-07-06', undefined)).toEqual({ title: 'validation.tooLong200' })
    expect(milestoneProblems('报送工作方案', '', '2022-12-31')).toEqual({ dueDate: 'validation.milestoneDueRequired' })
    expect(milestoneProblems('报送工作方案', '2023-01-01', '2022-12-31')).toEqual({ dueDate: 'validation.milestoneAfterDue' })
    expect(milestoneProblems('报送工作方案', '2030-01-01', undefined)).toEqual({})
  })
})

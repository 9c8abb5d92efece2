import { describe, expect, it } from 'vitest'
import { delegationBody, delegationProblems, hoursUntilRetry, leads, mayDelegate, maySupervise, mayUrge, rolledUp, urgeProblems, type ChildDraft } from './delegation'

const child = (unitCode: string, dueDate: string | null, note = ''): ChildDraft => ({ unitCode, role: 'RESPONSIBLE', dueDate, note })

describe('delegating children', () => {
  it('takes dates up to the parent\'s, not later', () => {
    expect(delegationProblems([child('gov-340123', '2022-12-31'), child('hf-sjzyj', '2022-11-30')], '2022-12-31')).toEqual({})
    expect(delegationProblems([child('gov-340123', '2023-01-01')], '2022-12-31')).toEqual({ 'items[0].dueDate': 'validation.delegateAfterParent' })
    expect(delegationProblems([child('gov-340123', '2022-12-31'), child('hf-sjzyj', '2023-03-31')], '2022-12-31'))
      .toEqual({ 'items[1].dueDate': 'validation.delegateAfterParent' })
  })

  it('needs a date under a dated parent; under ongoing work any date or none', () => {
    expect(delegationProblems([child('gov-340123', null)], '2022-12-31')).toEqual({ 'items[0].dueDate': 'validation.delegateDueRequired' })
    expect(delegationProblems([child('gov-340123', null)], undefined)).toEqual({})
    expect(delegationProblems([child('gov-340123', '2030-01-01')], null)).toEqual({})
  })

  it('needs at least one unit, each once, and a short note', () => {
    expect(delegationProblems([], '2022-12-31')).toEqual({ items: 'validation.delegateNoUnit' })
    expect(delegationProblems([child('gov-340123', '2022-12-31'), child('gov-340123', '2022-12-31')], '2022-12-31'))
      .toEqual({ 'items[1].unitCode': 'validation.delegateTwice' })
    expect(delegationProblems([child('gov-340123', '2022-12-31', '字'.repeat(2001))], '2022-12-31')).toEqual({ 'items[0].note': 'validation.tooLong2000' })
  })

  it('sends a date only when it differs from the parent\'s, and a note only when there is one', () => {
    expect(delegationBody([child('gov-340123', '2022-12-31', '  '), child('hf-sjzyj', '2022-11-30', ' 按月报送 ')], '2022-12-31')).toEqual({
      items: [{ unitCode: 'gov-340123', role: 'RESPONSIBLE' }, { unitCode: 'hf-sjzyj', role: 'RESPONSIBLE', dueDate: '2022-11-30', note: '按月报送' }],
    })
    expect(delegationBody([child('gov-340123', null), child('hf-sjzyj', '2022-11-30')], undefined))
      .toEqual({ items: [{ unitCode: 'gov-340123', role: 'RESPONSIBLE' }, { unitCode: 'hf-sjzyj', role: 'RESPONSIBLE', dueDate: '2022-11-30' }] })
  })
})

describe('who may do what', () => {
  const hefei = { unitCode: 'gov-340100', status: 'IN_PROGRESS', role: 'RESPONSIBLE', depth: 0 }
  const feixi = { unitCode: 'gov-340123', delegatedBy: 'gov-340100', status: 'SUBMITTED', depth: 1 }

  it('lets the own unit delegate an open share only', () => {
    expect(mayDelegate(hefei, 'gov-340100')).toBe(true)
    expect(mayDelegate({ ...hefei, status: 'NOT_STARTED' }, 'gov-340100')).toBe(true)
    expect(mayDelegate({ ...hefei, status: 'SUBMITTED' }, 'gov-340100')).toBe(false)
    expect(mayDelegate({ ...hefei, status: 'COMPLETED' }, 'gov-340100')).toBe(false)
    expect(mayDelegate(hefei, 'gov-340200')).toBe(false)
    expect(mayDelegate(hefei, undefined)).toBe(false)
  })

  it('lets the office and the delegating unit review', () => {
    expect(maySupervise(feixi, 'gov-340100', false)).toBe(true)
    expect(maySupervise(feixi, undefined, true)).toBe(true)
    expect(maySupervise(feixi, 'gov-340123', false)).toBe(false)
    expect(maySupervise(hefei, 'gov-340100', false)).toBe(false)
  })

  it('knows a lead unit by its LEAD share as issued', () => {
    const shares = [{ unitCode: 'ah-fgw', role: 'LEAD', depth: 0 }, { unitCode: 'gov-340100', role: 'RESPONSIBLE', depth: 0 },
      { unitCode: 'gov-340123', role: 'LEAD', depth: 1 }]
    expect(leads(shares, 'ah-fgw')).toBe(true)
    expect(leads(shares, 'gov-340100')).toBe(false)
    expect(leads(shares, 'gov-340123')).toBe(false)
    expect(leads(undefined, 'ah-fgw')).toBe(false)
  })

  it('lets the office, a lead unit and the delegating unit urge, not the unit itself, nothing completed', () => {
    expect(mayUrge(feixi, 'gov-340100', false, false)).toBe(true)
    expect(mayUrge(hefei, 'ah-fgw', false, true)).toBe(true)
    expect(mayUrge(hefei, undefined, true, false)).toBe(true)
    expect(mayUrge(hefei, 'gov-340200', false, false)).toBe(false)
    expect(mayUrge(hefei, 'gov-340100', false, true)).toBe(false)
    expect(mayUrge({ ...feixi, status: 'COMPLETED' }, 'gov-340100', false, false)).toBe(false)
    expect(mayUrge({ status: 'NOT_STARTED' }, undefined, true, false)).toBe(false)
  })
})

describe('roll-up and urging', () => {
  it('counts the children done as a whole percent', () => {
    expect(rolledUp(0, 0)).toBe(0)
    expect(rolledUp(undefined, undefined)).toBe(0)
    expect(rolledUp(3, 1)).toBe(33)
    expect(rolledUp(2, 2)).toBe(100)
  })

  it('needs a message of at most 500 characters', () => {
    expect(urgeProblems('请抓紧办理')).toEqual({})
    expect(urgeProblems(' ')).toEqual({ message: 'validation.urgeMessageRequired' })
    expect(urgeProblems('催'.repeat(501))).toEqual({ message: 'validation.tooLong500' })
  })

  it('reads Retry-After as whole hours', () => {
    expect(hoursUntilRetry('3600')).toBe(1)
    expect(hoursUntilRetry('3601')).toBe(2)
    expect(hoursUntilRetry('20')).toBe(1)
    expect(hoursUntilRetry(null)).toBe(null)
    expect(hoursUntilRetry('soon')).toBe(null)
  })
})

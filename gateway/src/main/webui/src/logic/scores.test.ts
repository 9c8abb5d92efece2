import { describe, expect, it } from 'vitest'
import { monthEnds, shortName } from './scores'

describe('the days of the score trend', () => {
  it('takes every month end from the plan’s issue to the day asked, then that day', () => {
    expect(monthEnds('2022-06-06', '2022-09-30', 12)).toEqual(['2022-06-30', '2022-07-31', '2022-08-31', '2022-09-30'])
    expect(monthEnds('2022-06-06', '2022-09-15', 12)).toEqual(['2022-06-30', '2022-07-31', '2022-08-31', '2022-09-15'])
  })

  it('knows February and a leap year, and crosses the new year', () => {
    expect(monthEnds('2023-12-01', '2024-03-01', 12)).toEqual(['2023-12-31', '2024-01-31', '2024-02-29', '2024-03-01'])
    expect(monthEnds('2022-12-20', '2023-03-01', 12)).toEqual(['2022-12-31', '2023-01-31', '2023-02-28', '2023-03-01'])
  })

  it('keeps the latest when there are more than asked for, and one day when the plan is younger than a month', () => {
    const days = monthEnds('2022-01-01', '2023-06-30', 6)
    expect(days).toEqual(['2023-01-31', '2023-02-28', '2023-03-31', '2023-04-30', '2023-05-31', '2023-06-30'])
    expect(monthEnds('2022-06-06', '2022-06-20', 12)).toEqual(['2022-06-20'])
    expect(monthEnds('2022-06-06', '2022-06-01', 12)).toEqual(['2022-06-01'])
  })
})

describe('a unit’s name on a chart', () => {
  it.each([['合肥市人民政府', '合肥市'], ['肥西县人民政府', '肥西县'], ['省发展改革委', '省发展改革委'], ['安徽省人民政府办公厅', '安徽省人民政府办公厅'], [undefined, '']])(
    '%s → %s', (name, short) => expect(shortName(name)).toBe(short))
})

import { describe, expect, it } from 'vitest'
import { fileNameOf } from './download'

describe('the name of a downloaded file', () => {
  it.each([
    ['attachment; filename="plan-1-bulletin-2022-09-30.docx"', 'plan-1-bulletin-2022-09-30.docx'],
    ['attachment; filename=plan-1.xlsx', 'plan-1.xlsx'],
    ["attachment; filename=\"fallback.docx\"; filename*=UTF-8''%E7%9D%A3%E6%9F%A5%E9%80%9A%E6%8A%A5.docx", '督查通报.docx'],
    ["attachment; filename*=UTF-8''%E0%A4%A.docx; filename=\"plain.docx\"", 'plain.docx'],
  ])('%s → %s', (header, name) => expect(fileNameOf(header)).toBe(name))

  it('is none without a usable header, so the page names the file itself', () => {
    expect(fileNameOf(null)).toBeUndefined()
    expect(fileNameOf('inline')).toBeUndefined()
    expect(fileNameOf('attachment; filename=""')).toBeUndefined()
  })
})

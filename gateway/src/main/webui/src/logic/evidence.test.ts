import { describe, expect, it } from 'vitest'
import { evidenceFileProblem, fileSize, MAX_EVIDENCE_BYTES } from './evidence'

describe('evidence files', () => {
  it('takes the allowed types by name, in any case', () => {
    expect(evidenceFileProblem('合肥市进展报告.PDF', 10)).toBeNull()
    expect(evidenceFileProblem('台账.xlsx', 10)).toBeNull()
    expect(evidenceFileProblem('现场照片.jpeg', 10)).toBeNull()
    expect(evidenceFileProblem('材料.ofd', 10)).toBeNull()
  })
  it('refuses other names, empty files and files over 50 MB', () => {
    expect(evidenceFileProblem('setup.exe', 10)).toBe('evidence.badType')
    expect(evidenceFileProblem('notes.txt', 10)).toBe('evidence.badType')
    expect(evidenceFileProblem('a.pdf', 0)).toBe('evidence.empty')
    expect(evidenceFileProblem('a.pdf', MAX_EVIDENCE_BYTES)).toBeNull()
    expect(evidenceFileProblem('a.pdf', MAX_EVIDENCE_BYTES + 1)).toBe('evidence.tooLarge')
  })
  it('shows sizes people read', () => {
    expect(fileSize(900)).toBe('900 B')
    expect(fileSize(482133)).toBe('471 KB')
    expect(fileSize(5 * 1024 * 1024)).toBe('5.0 MB')
  })
})

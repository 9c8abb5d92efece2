// Evidence files (佐证材料) as the console checks them before an upload; task-service decides by the content.

/** Where the office and the units upload evidence: pdf, ofd, doc/docx, xls/xlsx, jpg/png, zip; 50 MB each. */
export const EVIDENCE_TYPES = ['.pdf', '.ofd', '.doc', '.docx', '.xls', '.xlsx', '.jpg', '.jpeg', '.png', '.zip']
export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024

/** An i18n key when the file cannot be evidence by its name or size, else null. */
export function evidenceFileProblem(name: string, size: number): string | null {
  const lower = name.toLowerCase()
  if (!EVIDENCE_TYPES.some((t) => lower.endsWith(t))) return 'evidence.badType'
  if (size === 0) return 'evidence.empty'
  if (size > MAX_EVIDENCE_BYTES) return 'evidence.tooLarge'
  return null
}

/** 482133 → 471 KB. */
export function fileSize(bytes: number | undefined): string {
  const n = bytes ?? 0
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

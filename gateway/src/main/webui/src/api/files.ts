import { ApiError, type Problem, type Schemas } from './client'
import { fresh } from '../auth'

import { fileNameOf } from '../logic/download'

export { EVIDENCE_TYPES, MAX_EVIDENCE_BYTES, evidenceFileProblem, fileSize } from '../logic/evidence'

export type Attachment = Schemas['Attachment']

// Evidence files (佐证材料): multipart uploads and authenticated downloads, which openapi-fetch's JSON calls do not
// cover. The service decides by the content; the console checks name and size first only to spare a useless upload.

async function problemOf(response: Response): Promise<ApiError> {
  let problem: Problem | undefined
  try {
    problem = (await response.json()) as Problem
  } catch {
    problem = undefined
  }
  return new ApiError(response.status, problem)
}

/** POST /api/assignments/{id}/attachments with the file as the part `file`; the stored Attachment, or an ApiError. */
export async function uploadEvidence(assignmentId: number, file: File): Promise<Attachment> {
  const form = new FormData()
  form.append('file', file, file.name)
  const response = await fetch(`/api/assignments/${assignmentId}/attachments`, {
    method: 'POST', body: form, headers: { Authorization: `Bearer ${await fresh()}` },
  })
  if (!response.ok) throw await problemOf(response)
  return (await response.json()) as Attachment
}

/** GET /api/attachments/{id}/content with the token, then saved under the file's own name. */
export async function downloadEvidence(attachment: Attachment): Promise<void> {
  await download(`/api/attachments/${attachment.id}/content`, attachment.fileName ?? `attachment-${attachment.id}`)
}

/**
 * A GET answered with a file (evidence, a bulletin, a report), fetched with the token and saved: under the name the
 * answer's Content-Disposition gives (RFC 6266, `filename*` first), else `fallbackName`. An ApiError when refused.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${await fresh()}` } })
  if (!response.ok) throw await problemOf(response)
  const url = URL.createObjectURL(await response.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

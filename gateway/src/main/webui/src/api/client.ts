import createClient, { type Middleware } from 'openapi-fetch'
import type { components, paths } from './schema'
import { fresh } from '../auth'

export type Schemas = components['schemas']
export type Assignment = Schemas['Assignment']
export type Task = Schemas['Task']
export type Plan = Schemas['Plan']
export type Problem = Schemas['Problem']

/** Every call carries a fresh bearer token; the gateway is this page's own origin. */
const bearer: Middleware = {
  async onRequest({ request }) {
    request.headers.set('Authorization', `Bearer ${await fresh()}`)
    return request
  },
}

export const api = createClient<paths>({ baseUrl: window.location.origin })
api.use(bearer)

/** An answer that was not 2xx, with its RFC 9457 problem when it had one. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`)
  }
}

/** The data of an answer, or an ApiError. */
export function ok<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (!answer.response.ok || answer.data === undefined) {
    throw new ApiError(answer.response.status, answer.error as Problem | undefined)
  }
  return answer.data
}

/** The ETag of an answer, for If-Match. */
export function etag(response: Response): string {
  return response.headers.get('ETag') ?? '""'
}

/** A list page as every list of the API answers it. */
export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

import type { TaskFilter } from './TaskFilters.vue'

/** The filter as query parameters: only what is set. */
export function filterQuery(filter: TaskFilter) {
  return {
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.overdue ? { overdue: true } : {}),
  }
}

import { ref, type Ref } from 'vue'
import { complain } from './util'

/**
 * A list the service pages: the page shown (1-based, as el-pagination counts), its size, the total, and `load` /
 * `search` (back to the first page, e.g. after a filter changed). A failure is said, not thrown.
 */
export function usePaged<T>(fetchPage: (page: number, size: number) => Promise<{ items: T[]; total: number }>, pageSize = 20) {
  const items = ref([]) as Ref<T[]>
  const page = ref(1)
  const size = ref(pageSize)
  const total = ref(0)
  const loading = ref(false)

  async function load() {
    loading.value = true
    try {
      const answer = await fetchPage(page.value - 1, size.value)
      items.value = answer.items
      total.value = answer.total
    } catch (e) {
      complain(e)
    } finally {
      loading.value = false
    }
  }

  function search() {
    page.value = 1
    void load()
  }

  return { items, page, size, total, loading, load, search }
}

import { onBeforeUnmount, ref } from 'vue'

/** Whether the screen is phone-narrow (the CSS breakpoint), following rotation and resizing. */
export function useNarrow() {
  const query = window.matchMedia('(max-width: 760px)')
  const narrow = ref(query.matches)
  const follow = (e: MediaQueryListEvent) => (narrow.value = e.matches)
  query.addEventListener('change', follow)
  onBeforeUnmount(() => query.removeEventListener('change', follow))
  return narrow
}

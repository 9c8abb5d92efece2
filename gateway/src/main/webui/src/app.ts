import { createApp } from 'vue'
import './styles.css'
import App from './App.vue'
import { i18n } from './i18n'
import { consoleRouter } from './router'
import { isUnit, loadSession } from './session'
import { startLiveInbox } from './live'

// Element Plus is not installed as a whole: each page imports the components it uses (unplugin-vue-components at
// build time), with their styles, so a page loads only what it shows.
export async function start(): Promise<void> {
  const router = consoleRouter()
  // the page asked for starts loading while GET /api/me is under way (the router loads it only after its guard,
  // which needs the session)
  for (const record of router.resolve(window.location.pathname).matched) {
    const page = record.components?.default
    if (typeof page === 'function') void (page as () => Promise<unknown>)()
  }
  await loadSession()
  createApp(App).use(i18n).use(router).mount('#app')
  // the unread badge and toasts follow the unit's new notifications as they are made
  if (isUnit()) startLiveInbox()
}

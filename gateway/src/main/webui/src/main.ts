import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import { login } from './auth'
import { loadSession } from './session'

async function start() {
  await login()
  await loadSession()
  createApp(App).use(i18n).use(ElementPlus).use(router).mount('#app')
}

start().catch((e: unknown) => {
  const app = document.getElementById('app')!
  app.innerHTML = ''
  const p = document.createElement('p')
  p.className = 'booting'
  p.textContent = `督办台未能启动：${e instanceof Error ? e.message : String(e)}`
  app.append(p)
})

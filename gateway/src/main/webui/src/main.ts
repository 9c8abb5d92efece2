import { login } from './auth'

// Only the login is in the first file the browser runs: when it has to go to Keycloak first it goes at once,
// without waiting for the console. The console itself (Vue, Element Plus, the pages) loads meanwhile.
const console = import('./app')

async function start() {
  await login()
  await (await console).start()
}

start().catch((e: unknown) => {
  const app = document.getElementById('app')!
  app.replaceChildren()
  const p = document.createElement('p')
  p.className = 'booting'
  p.textContent = `督办台未能启动：${e instanceof Error ? e.message : String(e)}`
  app.append(p)
})

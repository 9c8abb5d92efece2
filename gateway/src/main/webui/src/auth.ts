import Keycloak from 'keycloak-js'

// Login with Keycloak (realm duban, public client duban-web): authorization code with PKCE (S256).
// The tokens are kept in this tab's sessionStorage, so a reload or a link opened in the same tab
// does not go through Keycloak again; they are refreshed before they expire.

interface ConsoleConfig {
  authServerUrl: string
  clientId: string
}

const STORE = 'duban.tokens'
let keycloak: Keycloak

export async function login(): Promise<void> {
  const config: ConsoleConfig = await (await fetch('/console-config.json')).json()
  const realm = config.authServerUrl.replace(/\/+$/, '')
  const at = realm.lastIndexOf('/realms/')
  keycloak = new Keycloak({ url: realm.slice(0, at), realm: realm.slice(at + '/realms/'.length), clientId: config.clientId })
  const saved = JSON.parse(sessionStorage.getItem(STORE) ?? 'null') as { token: string; refreshToken: string; idToken: string } | null
  keycloak.onAuthSuccess = keycloak.onAuthRefreshSuccess = save
  keycloak.onTokenExpired = () => void fresh().catch(() => undefined)
  const signedIn = await keycloak.init({
    pkceMethod: 'S256',
    checkLoginIframe: false,
    responseMode: 'query',
    ...(saved ?? {}),
  })
  if (!signedIn) {
    // Keycloak's login page in the console's language
    await keycloak.login({ locale: localStorage.getItem('duban.locale') === 'en' ? 'en' : 'zh-CN' })
    await new Promise(() => undefined) // the browser is on its way to the login page
  }
  save()
}

function save() {
  if (keycloak.token && keycloak.refreshToken) {
    sessionStorage.setItem(STORE, JSON.stringify({ token: keycloak.token, refreshToken: keycloak.refreshToken, idToken: keycloak.idToken }))
  }
}

/** A token valid for at least 30 more seconds; when the session has ended, back to the login page. */
export async function fresh(): Promise<string> {
  try {
    await keycloak.updateToken(30)
  } catch {
    sessionStorage.removeItem(STORE)
    await keycloak.login()
  }
  return keycloak.token!
}

export function displayName(): string {
  const t = keycloak.tokenParsed as Record<string, unknown> | undefined
  return String(t?.name ?? t?.preferred_username ?? '')
}

export async function logout(): Promise<void> {
  sessionStorage.removeItem(STORE)
  await keycloak.logout({ redirectUri: window.location.origin + '/' })
}

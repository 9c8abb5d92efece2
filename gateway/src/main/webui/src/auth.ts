import Keycloak from 'keycloak-js'

// Login with Keycloak (realm duban, public client duban-web): authorization code with PKCE (S256), the code in the
// URL fragment (never sent to a server or in a Referer), no iframe. The tokens live in this module's memory only —
// never in localStorage or sessionStorage, where any script of the origin could read them: a reload or a link opened
// in a new tab goes through Keycloak again, which signs the user in at once while its session lasts (SSO cookie).
// keycloak-js keeps only the login's one-time state and PKCE verifier in localStorage while the browser is at the
// login page, and removes them when it comes back.

interface ConsoleConfig {
  authServerUrl: string
  clientId: string
}

let keycloak: Keycloak

export async function login(): Promise<void> {
  const config: ConsoleConfig = await (await fetch('/console-config.json')).json()
  const realm = config.authServerUrl.replace(/\/+$/, '')
  const at = realm.lastIndexOf('/realms/')
  keycloak = new Keycloak({ url: realm.slice(0, at), realm: realm.slice(at + '/realms/'.length), clientId: config.clientId })
  keycloak.onTokenExpired = () => void fresh().catch(() => undefined)
  const signedIn = await keycloak.init({ pkceMethod: 'S256', checkLoginIframe: false, responseMode: 'fragment' })
  if (!signedIn) {
    // Keycloak's login page in the console's language
    await keycloak.login({ locale: localStorage.getItem('duban.locale') === 'en' ? 'en' : 'zh-CN' })
    await new Promise(() => undefined) // the browser is on its way to the login page
  }
}

/** A token valid for at least 30 more seconds; when the session has ended, back to the login page. */
export async function fresh(): Promise<string> {
  try {
    await keycloak.updateToken(30)
  } catch {
    await keycloak.login()
  }
  return keycloak.token!
}

export function displayName(): string {
  const t = keycloak.tokenParsed as Record<string, unknown> | undefined
  return String(t?.name ?? t?.preferred_username ?? '')
}

/** Ends the Keycloak session too (its end-session endpoint, with the ID token as the hint), then back to the console. */
export async function logout(): Promise<void> {
  await keycloak.logout({ redirectUri: window.location.origin + '/' })
}

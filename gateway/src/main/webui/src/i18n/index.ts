import { createI18n } from 'vue-i18n'
import zh from './zh-CN'
import en from './en'
import type { Locale } from '../logic/dates'

const saved = localStorage.getItem('duban.locale') as Locale | null

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en },
})

export function locale(): Locale {
  return i18n.global.locale.value as Locale
}

export function switchLocale(): void {
  const next: Locale = locale() === 'zh-CN' ? 'en' : 'zh-CN'
  i18n.global.locale.value = next
  localStorage.setItem('duban.locale', next)
  document.documentElement.lang = next
}

import { messages, type Message, type MessageKey } from './messages'

/** The text of a key in the chosen language, in plain words in elder mode where the table has them. */
export function translate(key: MessageKey, lang: 'zh' | 'en', elder: boolean, vars?: Record<string, string | number>): string {
  const m: Message = messages[key]
  const text = lang === 'en' ? (elder && m.enPlain) || m.en : (elder && m.zhPlain) || m.zh
  return vars ? text.replace(/\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all)) : text
}

import { messages, type Message, type MessageKey } from './messages'

/** The text of a key in the chosen language, in plain words in elder mode where the table has them. */
export function translate(key: MessageKey, lang: 'zh' | 'en', elder: boolean, vars?: Record<string, string | number>): string {
  const m: Message | undefined = messages[key]
  // a subpackage's key before its table is registered (packages/*/lib/messages.ts not imported): fail loudly, never show the key
  if (!m) throw new Error(`No text for '${key}': is its subpackage's table registered?`)
  const text = lang === 'en' ? (elder && m.enPlain) || m.en : (elder && m.zhPlain) || m.zh
  return vars ? text.replace(/\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all)) : text
}

import type { MessageKey } from '../i18n/messages'
import type { useT } from '../i18n/useT'

/** A zod issue (path as an array) or an issue of a 400 answer (ApiError.issues: path as `body.household.0.name`). */
interface Issue {
  path: readonly PropertyKey[] | string
}

/** The message key of each field a form shows, or a function of the field's path (the label of what is wrong). */
export type FieldMessages = Partial<Record<string, MessageKey>> | ((path: string[]) => string)

/**
 * The message of each field that is wrong, in the current language, keyed by its path (`text`, `household.0.name`),
 * from the issues of a safeParse of a shared schema (`parsed.error`) or from a 400 answer (its `issues`, whose paths
 * begin with where the field was sent: body, query, params). `depth` is how many steps of the path name a field (1: a
 * nested problem, such as `location.address`, is shown on `location`); a field named by no message gets the generic
 * error. A field with several issues keeps the first.
 */
export function fieldErrors(t: ReturnType<typeof useT>, from: { issues?: readonly Issue[] } | undefined, messages: FieldMessages, depth = 1): Record<string, string> {
  const out = new Map<string, string>()
  for (const issue of from?.issues ?? []) {
    const path = (typeof issue.path === 'string' ? issue.path.split('.').slice(1) : issue.path.map(String)).slice(0, depth)
    const field = path.join('.')
    if (out.has(field)) continue
    const key = typeof messages === 'function' || !Object.prototype.hasOwnProperty.call(messages, field) ? undefined : messages[field]
    out.set(field, typeof messages === 'function' ? messages(path) : key ? t(key) : t.errorText(undefined))
  }
  return Object.fromEntries(out)
}

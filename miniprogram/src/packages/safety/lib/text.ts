import { safetyKindDefs } from '@shared/safety/kinds'
import type { SafetyCase } from '@shared/safety/schemas'
import type { useT } from '../../../i18n/useT'

type Tr = ReturnType<typeof useT>

/** A case's state, action or outcome in the reader's language, from the kind's data. */
export function stateText(c: Pick<SafetyCase, 'kind' | 'state'>, t: Tr): string {
  const s = safetyKindDefs[c.kind].states.find((x) => x.state === c.state)
  return s ? (t.lang === 'en' ? s.en : s.zh) : c.state
}

export function actionText(kind: SafetyCase['kind'], action: string, t: Tr): string {
  const a = safetyKindDefs[kind].actions.find((x) => x.action === action)
  if (a) return t.lang === 'en' ? a.en : a.zh
  const born: Record<string, [string, string]> = { found: ['检查发现', 'Found at inspection'], reported: ['巡查上报', 'Reported on patrol'] }
  return born[action] ? born[action]![t.lang === 'en' ? 1 : 0] : action
}

export function outcomeText(kind: SafetyCase['kind'], outcome: string, t: Tr): string {
  const o = safetyKindDefs[kind].outcomes?.find((x) => x.outcome === outcome)
  return o ? (t.lang === 'en' ? o.en : o.zh) : outcome
}

import type { Me } from '@shared/auth/schemas'
import type { CaseKindDef } from '@shared/cases/machine'
import { kindOf } from '@shared/cases/kinds'

type Lang = 'zh' | 'en'
const name = (x: { zh: string; en: string } | undefined, lang: Lang, fallback: string) => (x ? x[lang] : fallback)

/** Names from the kind's declaration, in the reader's language. */
export function kindNames(kind: string, lang: Lang) {
  const k = kindOf(kind)
  return {
    kind: name(k, lang, kind),
    category: (code: string) => name(k?.categories.find((c) => c.code === code), lang, code),
    state: (s: string) => name(k?.states.find((x) => x.state === s), lang, s),
    action: (a: string) => name(k?.actions.find((x) => x.action === a), lang, a),
    outcome: (o: string) => name(k?.outcomes.find((x) => x.outcome === o), lang, o),
  }
}

export const requireKindDef = (kind: string): CaseKindDef | undefined => kindOf(kind)

/** The communities whose cases I work on: my community as a worker, my grid's as a grid worker. */
export function myCommunities(me: Me | undefined): { id: string; name: string }[] {
  const out = new Map<string, string>()
  for (const g of me?.grants ?? []) {
    if (g.role === 'communityWorker') out.set(g.unitId, g.unitName)
    if (g.role === 'gridWorker' && g.unitPath[1]) out.set(g.unitPath[1], g.unitName)
  }
  return [...out].map(([id, n]) => ({ id, name: n }))
}

export const officerSubdistrict = (me: Me | undefined) => me?.grants.find((g) => g.role === 'subdistrictOfficer')?.unitId
export const isCommunityWorker = (me: Me | undefined) => !!me?.grants.some((g) => g.role === 'communityWorker')

/** Today in China as YYYY-MM-DD. */
export const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

export const daysSince = (iso: string) => Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 86_400_000))

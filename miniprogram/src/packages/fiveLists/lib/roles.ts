import './messages' // this subpackage's texts, registered before any of its pages renders
import type { Me } from '@shared/auth/schemas'

/** The sub-district I dispatch for (my subdistrictOfficer grant), if any. */
export function officerSubdistrict(me: Me | undefined): string | undefined {
  return me?.grants.find((g) => g.role === 'subdistrictOfficer')?.unitPath[0]
}

/** The sub-district whose dispatches I review as a member of the joint committee (大工委), if any. */
export function committeeSubdistrict(me: Me | undefined): string | undefined {
  return me?.grants.find((g) => g.role === 'jointCommittee')?.unitPath[0]
}

/** Where I take matters in directly (walk rounds, hotline calls): my grids' and my communities' units. */
export function collectPlaces(me: Me | undefined): { communityId: string; gridId?: string; name: string }[] {
  const out: { communityId: string; gridId?: string; name: string }[] = []
  for (const g of me?.grants ?? []) {
    if (g.role === 'gridWorker' && g.unitPath[1]) out.push({ communityId: g.unitPath[1], gridId: g.unitId, name: g.unitName })
    else if (g.role === 'communityWorker') out.push({ communityId: g.unitId, name: g.unitName })
  }
  return out
}

/** The units whose residents I may consult: my communities (community worker) and my sub-district (officer). */
export function consultationUnits(me: Me | undefined): { id: string; name: string }[] {
  const out: { id: string; name: string }[] = []
  for (const g of me?.grants ?? []) {
    if (g.role === 'communityWorker' || (g.role === 'subdistrictOfficer' && g.unitPath.length === 1)) {
      if (!out.some((u) => u.id === g.unitId)) out.push({ id: g.unitId, name: g.unitName })
    }
  }
  return out
}

/** The partner units I am the contact of. */
export function contactUnits(me: Me | undefined): { id: string; name: string }[] {
  return (me?.grants ?? []).filter((g) => g.role === 'unitContact').map((g) => ({ id: g.unitId, name: g.unitName }))
}

/** Community workers and officers keep councils (their community; any of their sub-district). */
export function runsCouncils(me: Me | undefined, communityId: string | undefined): boolean {
  if (!me || !communityId) return false
  return me.grants.some((g) => (g.role === 'communityWorker' && g.unitId === communityId) || (g.role === 'subdistrictOfficer' && g.unitPath.length === 1))
}

/** The sub-district of a community I belong to or work in (a resident's grant path, or a worker's). */
export function subdistrictOf(me: Me | undefined, communityId: string | undefined): string | undefined {
  const g = me?.grants.find((x) => x.unitPath.includes(communityId ?? '-'))
  return g?.unitPath[0] ?? officerSubdistrict(me)
}

/**
 * The unit an officer is proposed for a matter: the partner unit whose name shares the most two-character pieces with
 * the matter's text and the notes of its timeline (a say-it day note often names who should handle it, 转市自来水公司…).
 * Only a proposal: the officer picks another with one tap.
 */
export function proposeUnit(units: { unitId: string; unitName: string }[], texts: string[]): string | undefined {
  const hay = texts.join(' ')
  let best: { id: string; n: number } | undefined
  for (const u of units) {
    const name = u.unitName.replace(/(公司|所|局|市|区)$/g, '')
    let n = 0
    for (let i = 0; i + 2 <= name.length; i++) if (hay.includes(name.slice(i, i + 2))) n++
    if (n > 0 && (!best || n > best.n)) best = { id: u.unitId, n }
  }
  return best?.id ?? units[0]?.unitId
}

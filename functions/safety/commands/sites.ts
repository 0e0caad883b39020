import { addDays, chinaDay } from '../../../shared/platform/chinaTime';
import { hazardKind } from '../../../shared/safety/kinds/hazard';
import type { InspectInput, InspectResult, RegisterSiteInput, Site, SiteDetail, Inspection } from '../../../shared/safety/schemas';
import { checklistOf, type SiteType } from '../../../shared/safety/siteTypes';
import type { UserCtx } from '../../platform/context';
import type { TxWrite } from '../../platform/db';
import { NotFoundError, UnprocessableError } from '../../platform/errors';
import { figureAdds } from '../../platform/figures';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import * as store from '../store';
import type { CaseRecord, InspectionRecord, SiteRecord } from '../store';
import { byName, caseView, checkPhotoKeys, communityScope, photosOf, requireSee, requireWork } from './common';

function siteView(s: SiteRecord): Site {
  const { subdistrictId, ...rest } = s;
  void subdistrictId;
  return { ...rest, type: s.type as SiteType };
}

/** A community worker (or officer) registers a site to inspect; counted in the safety ledger's sites. */
export async function registerSite(ctx: UserCtx, communityId: string, input: RegisterSiteInput): Promise<Site> {
  const scope = await communityScope(ctx, communityId, 'community');
  const now = ctx.clock.now();
  const record: SiteRecord = { id: ctx.newId(), ...scope, ...input, createdAt: now.toISOString(), inspections: 0, openHazards: 0 };
  return transactCreate(ctx, [{ put: store.siteItem(record), if: { expr: 'attribute_not_exists(#pk)' } }, ...figureAdds(scope, now, 'safety', { sites: 1 })], siteView(record));
}

export async function listSites(ctx: UserCtx, communityId: string): Promise<{ items: Site[] }> {
  await communityScope(ctx, communityId, 'grid');
  return { items: (await store.listSitesOfCommunity(ctx.db, communityId)).map(siteView) };
}

async function visibleSite(ctx: UserCtx, siteId: string, consistent = false): Promise<SiteRecord> {
  const site = await store.getSite(ctx.db, siteId, consistent);
  if (!site) throw new NotFoundError('site');
  requireSee(ctx, site, 'site');
  return site;
}

async function inspectionView(ctx: UserCtx, i: InspectionRecord): Promise<Inspection> {
  const { inspectorId, results, ...rest } = i;
  void inspectorId;
  return {
    ...rest,
    results: await Promise.all(
      results.map(async ({ photoKey, ...r }) => ({ ...r, photo: photoKey ? (await photosOf(ctx, [photoKey]))[0] : undefined })),
    ),
  };
}

export async function getSiteDetail(ctx: UserCtx, siteId: string): Promise<SiteDetail> {
  const site = await visibleSite(ctx, siteId);
  const [recent, hazards] = await Promise.all([store.recentInspectionsOfSite(ctx.db, siteId, 5), store.openHazardsOfSite(ctx.db, siteId)]);
  return {
    site: siteView(site),
    recentInspections: await Promise.all(recent.map((i) => inspectionView(ctx, i))),
    openHazards: await Promise.all(hazards.sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? '')).map((h) => caseView(ctx, h))),
  };
}

/**
 * An inspection walks the checklist of the site's type: every item once, ok or a hazard (with a note). Each hazard
 * becomes a case of kind 'hazard' with the item's rectification deadline, in the inspection's transaction, with the
 * site's counts and the safety figures (inspections, hazards found).
 */
export async function inspectSite(ctx: UserCtx, siteId: string, input: InspectInput): Promise<InspectResult> {
  const site = await visibleSite(ctx, siteId, true);
  requireWork(ctx, site, 'grid');
  const checklist = checklistOf(site.type as SiteType);
  const given = input.results.map((r) => r.itemId);
  const expected = checklist.map((c) => c.id);
  if (given.length !== expected.length || new Set(given).size !== given.length || given.some((id) => !expected.includes(id))) {
    throw new UnprocessableError('CHECKLIST_MISMATCH', { expected });
  }
  if (input.results.some((r) => !r.ok && !r.note)) throw new UnprocessableError('HAZARD_NOTE_REQUIRED');
  checkPhotoKeys(ctx, input.results.flatMap((r) => (r.photo ? [r.photo] : [])));
  await ctx.storage.keep(input.results.flatMap((r) => (r.photo ? [r.photo] : [])));

  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = chinaDay(now);
  const inspectionId = ctx.newId();
  const hazards: CaseRecord[] = [];
  const results = input.results.map((r) => {
    if (r.ok) return { itemId: r.itemId, ok: true };
    const item = checklist.find((c) => c.id === r.itemId)!;
    const hazard: CaseRecord = {
      id: ctx.newId(),
      kind: 'hazard',
      subdistrictId: site.subdistrictId,
      communityId: site.communityId,
      state: hazardKind.initial,
      createdAt: at,
      reporterId: ctx.principal.userId,
      reporterName: byName(ctx),
      siteId: site.id,
      siteName: site.name,
      itemId: item.id,
      place: site.address ? `${site.name}（${site.address}）` : site.name,
      description: `${item.zh}：${r.note!}`,
      photoKeys: r.photo ? [r.photo] : [],
      deadline: addDays(today, item.deadlineDays),
      firstDeadline: addDays(today, item.deadlineDays),
      version: 0,
    };
    hazards.push(hazard);
    return { itemId: r.itemId, ok: false, note: r.note, photoKey: r.photo, hazardId: hazard.id };
  });
  const inspection: InspectionRecord = {
    id: inspectionId,
    siteId: site.id,
    communityId: site.communityId,
    at,
    inspectorId: ctx.principal.userId,
    inspectorName: byName(ctx),
    results,
    note: input.note,
    hazards: hazards.length,
  };
  const writes: TxWrite[] = [
    { put: store.inspectionItem(inspection), if: { expr: 'attribute_not_exists(#pk)' } },
    { update: keys.safetySite(site.id), spec: { set: { lastInspectedAt: at }, add: { inspections: 1, openHazards: hazards.length }, if: { expr: 'attribute_exists(#pk)' } } },
    ...hazards.flatMap((h): TxWrite[] => [
      { put: store.caseItem(h, true), if: { expr: 'attribute_not_exists(#pk)' } },
      { put: store.historyItem(h.id, 0, { action: 'found', state: h.state, at, byId: h.reporterId, byName: h.reporterName, note: h.description, photoKeys: h.photoKeys, deadline: h.deadline }) },
    ]),
    ...figureAdds(site, now, 'safety', { inspections: 1, hazardsFound: hazards.length }),
  ];
  const view: InspectResult = { inspection: await inspectionView(ctx, inspection), hazards: await Promise.all(hazards.map((h) => caseView(ctx, h))) };
  return transactCreate(ctx, writes, view);
}

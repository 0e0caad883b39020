import { canRunCouncil } from '../../../shared/fiveLists/permissions';
import type { Council, CreateCouncilInput } from '../../../shared/fiveLists/schemas';
import { can } from '../../../shared/org/permissions';
import type { Ctx, UserCtx } from '../../platform/context';
import type { TxWrite } from '../../platform/db';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { getUnit } from '../../platform/units';
import { strip } from '../store';
import { checkPhotoKeys } from './common';
import { councilFigureWrites, councilFigures } from '../figures';
import { screenStaffText, type TextField } from '../../platform/contentSecurity';

/**
 * 居民议事会: a community's council meetings, their topics and resolutions, and for each resolution whether it was
 * carried out, with evidence. The implementation rate is computed from the resolutions, never typed. Residents see
 * published meetings; community workers and officers record them.
 */
interface ResolutionRecord {
  id: string;
  topic: string;
  text: string;
  implemented: boolean;
  evidence?: { note: string; photoKeys: string[]; at: string };
}
interface CouncilRecord extends Omit<Council, 'resolutions'> {
  subdistrictId: string;
  resolutions: ResolutionRecord[];
}

/** A council's id names its community (`<communityId>_<id>`): its key needs no lookup. */
function parseCouncilId(councilId: string): string | undefined {
  const i = councilId.lastIndexOf('_');
  return i > 0 ? councilId.slice(0, i) : undefined;
}

async function community(ctx: UserCtx, communityId: string) {
  const unit = await getUnit(ctx.db, communityId);
  if (!unit || unit.kind !== 'community') throw new NotFoundError('community');
  const scope = { subdistrictId: unit.path[0]!, communityId };
  if (!can.readCommunity(ctx.principal, scope)) throw new NotFoundError('community');
  return { scope, staff: canRunCouncil(ctx.principal, scope) };
}

async function view(ctx: Ctx, c: CouncilRecord): Promise<Council> {
  const { subdistrictId, resolutions, ...rest } = c;
  void subdistrictId;
  return {
    ...rest,
    resolutions: await Promise.all(
      resolutions.map(async (r) => ({
        id: r.id,
        topic: r.topic,
        text: r.text,
        implemented: r.implemented,
        evidence: r.evidence
          ? { note: r.evidence.note, at: r.evidence.at, photos: await Promise.all(r.evidence.photoKeys.map(async (key) => ({ key, url: await ctx.storage.readUrl(key) }))) }
          : undefined,
      })),
    ),
  };
}

export function implementationRate(councils: readonly { resolutions: readonly { implemented: boolean }[] }[]) {
  const all = councils.flatMap((c) => c.resolutions);
  const implemented = all.filter((r) => r.implemented).length;
  return { resolutions: all.length, implemented, rate: all.length ? implemented / all.length : null };
}

/**
 * A community's councils, newest first, a page at a time (they were cut at the newest 200), and the implementation
 * rate over all the councils the reader may see, from the community's council totals (kept in each council's writes),
 * read beside the page: a resident a page may hold fewer than `limit` (drafts are left out), never one lost.
 */
export async function listCouncils(ctx: UserCtx, communityId: string, q: { cursor?: string; limit?: number } = {}) {
  const { staff } = await community(ctx, communityId);
  const [page, totals] = await Promise.all([
    ctx.db.query<Record<string, unknown>>({ pk: keys.council(communityId, '').pk, prefix: keys.council(communityId, '').sk, ascending: false, limit: q.limit ?? 20, cursor: q.cursor }),
    ctx.db.get<Partial<Record<TotalsKey, number>>>(keys.councilTotals(communityId)),
  ]);
  const councils = page.items.map((i) => strip<CouncilRecord>(i)).filter((c) => staff || c.published);
  const n = (k: TotalsKey) => totals?.[staff ? k : (`pub${k[0]!.toUpperCase()}${k.slice(1)}` as TotalsKey)] ?? 0;
  const resolutions = n('resolutions');
  const implemented = n('implemented');
  return {
    items: await Promise.all(councils.map((c) => view(ctx, c))),
    cursor: page.cursor,
    implementation: { meetings: n('meetings'), resolutions, implemented, rate: resolutions ? implemented / resolutions : null },
  };
}

type TotalsKey = 'meetings' | 'resolutions' | 'implemented' | 'pubMeetings' | 'pubResolutions' | 'pubImplemented';

/** What a council adds to its community's totals: to all councils, and to the published ones while it is published. */
function totalsAdd(communityId: string, add: { meetings?: number; resolutions?: number; implemented?: number }, published: boolean): TxWrite[] {
  const deltas: Record<string, number> = {};
  for (const [k, v] of Object.entries(add)) {
    if (!v) continue;
    deltas[k] = v;
    if (published) deltas[`pub${k[0]!.toUpperCase()}${k.slice(1)}`] = v;
  }
  return Object.keys(deltas).length ? [{ update: keys.councilTotals(communityId), spec: { add: deltas } }] : [];
}

export async function createCouncil(ctx: UserCtx, communityId: string, input: CreateCouncilInput): Promise<Council> {
  const { scope, staff } = await community(ctx, communityId);
  if (!staff) throw new ForbiddenError();
  // residents read the title, topics and resolutions once it is published, and publishing changes no word: checked now
  await screenStaffText(ctx, councilFields(input));
  const id = `${communityId}_${ctx.newId()}`;
  const record: CouncilRecord = {
    id,
    communityId,
    subdistrictId: scope.subdistrictId,
    title: input.title,
    heldOn: input.heldOn,
    attendance: input.attendance,
    topics: input.topics,
    resolutions: input.resolutions.map((r, i) => ({ id: `r${i}`, topic: r.topic, text: r.text, implemented: false })),
    published: input.published,
    createdAt: ctx.clock.now().toISOString(),
    version: 0,
  };
  // the work summary counts the meeting in the month it was held, in the same write (a retry with the same
  // Idempotency-Key writes nothing)
  return transactCreate(
    ctx,
    [
      { put: { ...keys.council(communityId, id), entity: 'council', ...record }, if: { expr: 'attribute_not_exists(#pk)' } },
      ...councilFigureWrites(record, councilFigures(record)),
      ...totalsAdd(communityId, { meetings: 1, resolutions: record.resolutions.length }, record.published),
    ],
    await view(ctx, record),
  );
}

/** What residents read of a council, for WeChat's content check (contentSecurity.ts › screenStaffText), each field named. */
function councilFields(input: CreateCouncilInput): TextField[] {
  const fields: TextField[] = [
    { name: 'title', zh: '会议名称', en: 'title', text: input.title },
    ...input.topics.map((text, i) => ({ name: `topics.${i}`, zh: `第${i + 1}项议题`, en: `topic ${i + 1}`, text })),
    ...input.resolutions.flatMap((r, i) => [
      { name: `resolutions.${i}.topic`, zh: `第${i + 1}项决议的议题`, en: `topic of resolution ${i + 1}`, text: r.topic },
      { name: `resolutions.${i}.text`, zh: `第${i + 1}项决议`, en: `resolution ${i + 1}`, text: r.text },
    ]),
  ];
  // a resolution's topic is usually one of the topics word for word: WeChat is asked once per text (up to 91 fields),
  // a risky one named where it first appears
  const seen = new Set<string>();
  return fields.filter((f) => {
    if (seen.has(f.text!)) return false;
    seen.add(f.text!);
    return true;
  });
}

async function readableCouncil(ctx: UserCtx, councilId: string) {
  const communityId = parseCouncilId(councilId);
  if (!communityId) throw new NotFoundError('council');
  // a community the caller may not read (or none) hides its councils too; anything else (DynamoDB) is not a 404
  const { staff } = await community(ctx, communityId).catch((e: unknown) => {
    throw e instanceof NotFoundError ? new NotFoundError('council') : e;
  });
  const it = await ctx.db.get<Record<string, unknown>>(keys.council(communityId, councilId), true);
  const c = it ? strip<CouncilRecord>(it) : undefined;
  if (!c || (!staff && !c.published)) throw new NotFoundError('council');
  return { c, staff };
}

export async function getCouncil(ctx: UserCtx, councilId: string): Promise<Council> {
  return view(ctx, (await readableCouncil(ctx, councilId)).c);
}

/** `extra`: writes in the same transaction (the work summary's counters), which the version condition makes count once. */
async function save(ctx: UserCtx, c: CouncilRecord, readVersion: number, extra: TxWrite[] = []): Promise<Council> {
  const next = { ...c, version: readVersion + 1 };
  const put = { ...keys.council(c.communityId, c.id), entity: 'council', ...next };
  const cond = { expr: '#version = :v', values: { ':v': readVersion } };
  if (extra.length) await ctx.db.transact([{ put, if: cond, fails: 'STALE_VERSION' }, ...extra]);
  else await ctx.db.put(put, cond, { fails: 'STALE_VERSION' });
  return view(ctx, next);
}

export async function publishCouncil(ctx: UserCtx, councilId: string, version: number): Promise<Council> {
  const { c, staff } = await readableCouncil(ctx, councilId);
  if (!staff) throw new ForbiddenError();
  if (c.version !== version) throw new ConflictError('STALE_VERSION');
  // a first publication adds the council to what residents see counted
  const counted = c.published ? [] : totalsAdd(c.communityId, { meetings: 1, resolutions: c.resolutions.length, implemented: c.resolutions.filter((r) => r.implemented).length }, true).map(onlyPublished);
  return save(ctx, { ...c, published: true }, version, counted);
}

/** The published half of a totals update (the council was counted in all at its creation). */
function onlyPublished(w: TxWrite): TxWrite {
  if (!('update' in w) || !w.spec.add) return w;
  return { ...w, spec: { ...w.spec, add: Object.fromEntries(Object.entries(w.spec.add).filter(([k]) => k.startsWith('pub'))) } };
}

export async function recordImplemented(
  ctx: UserCtx,
  councilId: string,
  resolutionId: string,
  input: { implemented: boolean; note: string; photos: string[]; version: number },
): Promise<Council> {
  const { c, staff } = await readableCouncil(ctx, councilId);
  if (!staff) throw new ForbiddenError();
  if (!c.resolutions.some((r) => r.id === resolutionId)) throw new NotFoundError('resolution', 'RESOLUTION_NOT_FOUND');
  if (c.version !== input.version) throw new ConflictError('STALE_VERSION');
  checkPhotoKeys(ctx, input.photos);
  // the evidence note is shown to residents with the published council
  await screenStaffText(ctx, [{ name: 'note', zh: '落实情况说明', en: 'note', text: input.note }]);
  await ctx.storage.keep(input.photos);
  const at = ctx.clock.now().toISOString();
  const resolutions = c.resolutions.map((r) => (r.id === resolutionId ? { ...r, implemented: input.implemented, evidence: { note: input.note, photoKeys: input.photos, at } } : r));
  const was = c.resolutions.find((r) => r.id === resolutionId)!.implemented;
  // implemented counts while it is so: marking it back takes it out again (in the month the council was held)
  const delta = Number(input.implemented) - Number(was);
  return save(ctx, { ...c, resolutions }, input.version, [...councilFigureWrites(c, { implemented: delta }), ...totalsAdd(c.communityId, { implemented: delta }, !!c.published)]);
}

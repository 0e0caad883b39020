import type { FiveListSource, FiveListState } from '../../shared/fiveLists/schemas';
import { stepDeadline } from '../../shared/fiveLists/deadlines';
import type { Matter, MatterCategory } from '../../shared/sayItDay/schemas';
import type { Ctx } from '../platform/context';
import type { TxWrite } from '../platform/db';
import { keys } from '../platform/keys';
import type { CollectedMatter, FiveListsIntake } from '../platform/ports';

/**
 * How a matter enters the five lists (网格收单), and the five-list record's shape and keys, defined once. Two
 * capabilities start it: fiveLists itself (a grid worker's walk round or a hotline call: commands/collect.ts) and
 * say-it days (a session's outcome "goes into the five lists", in the outcome's own transaction), which reaches it only
 * through the FiveListsIntake port (platform/ports.ts, bound in functions/ports.ts).
 */
export interface FiveListRecord {
  id: string;
  communityId: string;
  subdistrictId: string;
  gridId?: string;
  source: FiveListSource;
  submitterId: string;
  submitterName: string;
  anonymous: boolean;
  /** a hotline caller's name as given; staff only */
  reporterName?: string;
  category: MatterCategory;
  text: string;
  photoKeys: string[];
  location?: Matter['location'];
  state: FiveListState;
  unitId?: string;
  unitName?: string;
  resolveBy?: string;
  deadlineAt?: string;
  dispatchedBy?: string;
  claimedBy?: string;
  claimedByName?: string;
  claimedAt?: string;
  extension?: { until: string; reason: string; requestedAt: string; decision?: 'approved' | 'denied'; decidedAt?: string; decisionNote?: string };
  resolution?: { note: string; photoKeys: string[]; at: string; byId: string; byName: string };
  mergedInto?: string;
  reopenCount: number;
  round: number;
  secondCount: number;
  ratingCount: number;
  /** residents watching it (关注): kept by ADD, never by the transition's put (which is conditioned on it) */
  watchCount?: number;
  /** the year of the score ledger its unit's entry is in, once confirmed */
  scoreYear?: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface HistoryRecord {
  at: string;
  action: string;
  from?: FiveListState;
  to: FiveListState;
  byId?: string;
  byName: string;
  /** a resident's name is shown only to the community's staff and the resident */
  byResident: boolean;
  note?: string;
}

/** Where a matter shows on a unit's list: from dispatch on, not once returned or merged away. */
function onUnitList(r: FiveListRecord): boolean {
  return !!r.unitId && r.state !== 'returned' && r.state !== 'merged';
}

const NO_DEADLINE = '9999-12-31T00:00:00.000Z';

/** The stored item: the record with its keys, and its index keys recomputed from its state. */
export function fiveListItem(r: FiveListRecord) {
  const deadline = r.deadlineAt ?? NO_DEADLINE;
  return {
    ...keys.fiveListMatter(r.id),
    ...keys.fiveListByState(r.subdistrictId, r.state, deadline, r.id),
    ...(onUnitList(r) ? keys.fiveListByUnit(r.unitId!, r.state, deadline, r.id) : {}),
    ...keys.fiveListOnBoard(r.communityId, r.createdAt, r.id),
    entity: 'fiveListMatter',
    ...r,
  };
}

export function historyItem(matterId: string, version: number, h: HistoryRecord) {
  return { ...keys.fiveListHistory(matterId, version), entity: 'fiveListHistory', ...h };
}

export type { CollectedMatter };

/** The record of a matter entering `collected`. */
export function collectedRecord(ctx: Ctx, m: CollectedMatter, source: FiveListSource, reporterName?: string): FiveListRecord {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return {
    id: m.id,
    communityId: m.communityId,
    subdistrictId: m.subdistrictId,
    gridId: m.gridId,
    source,
    submitterId: m.authorId,
    submitterName: m.authorName,
    anonymous: m.anonymous,
    reporterName,
    category: m.category,
    text: m.text,
    photoKeys: m.photoKeys,
    location: m.location,
    state: 'collected',
    deadlineAt: stepDeadline('collected', now),
    reopenCount: 0,
    round: 0,
    secondCount: m.secondCount ?? 0,
    ratingCount: 0,
    createdAt: at,
    updatedAt: at,
    version: 0,
  };
}

/**
 * The writes that put a matter into `collected`, with its first history entry; run them in the transaction of the
 * change that causes them. The matter is written only where absent: a matter enters the five lists once.
 */
export function collectWrites(
  ctx: Ctx,
  m: CollectedMatter,
  by: { userId: string; name: string },
  opts: { source?: FiveListSource; note?: string; reporterName?: string } = {},
): TxWrite[] {
  const record = collectedRecord(ctx, m, opts.source ?? 'sayItDay', opts.reporterName);
  return [
    { put: fiveListItem(record), if: { expr: 'attribute_not_exists(#pk)' } },
    {
      put: historyItem(record.id, 0, { at: record.createdAt, action: 'collect', to: 'collected', byId: by.userId, byName: by.name, byResident: false, note: opts.note }),
    },
  ];
}

/**
 * A session's host may correct an outcome while the session runs: a matter taken back out of the five lists is removed
 * from them, but only while nobody has acted on it yet (still `collected`).
 */
export function uncollectWrites(matterId: string): TxWrite[] {
  return [{ delete: keys.fiveListMatter(matterId), if: { expr: 'attribute_not_exists(#pk) OR #state = :collected', values: { ':collected': 'collected' } } }];
}

/** The port say-it days are given (functions/ports.ts). */
export const fiveListsIntake: FiveListsIntake = { collectWrites, uncollectWrites };

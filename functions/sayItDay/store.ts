import type { ModState, PhotoCheck } from '../../shared/moderation/schemas';
import type { Db } from '../platform/db';
import { keys } from '../platform/keys';
import type { Matter, ScheduleRule, Session } from '../../shared/sayItDay/schemas';
import { defaultScheduleRule, parseSessionId } from '../../shared/sayItDay/schedule';

/** Access patterns of say-it days; the table is in README.md. */

export type SessionRecord = Session;
/** A matter as stored: its author always, and the session's cut-off so edits need no second read. */
export interface MatterRecord extends Omit<Matter, 'photos' | 'authorId' | 'moderation'> {
  authorId: string;
  photoKeys: string[];
  cutoffAt: string;
  /** moderation (platform/contentSecurity.ts): held back from neighbours while in review, or hidden by a worker */
  modState?: ModState;
  modReason?: string;
  /** each photo's verdict from WeChat's media check (photoCheckAttr) */
  [photoCheck: `pc_${string}`]: PhotoCheck | undefined;
}

export async function getScheduleRule(db: Db, communityId: string): Promise<ScheduleRule> {
  const it = await db.get<ScheduleRule & Record<string, unknown>>(keys.scheduleRule(communityId), true);
  if (!it) return defaultScheduleRule(communityId);
  const { communityId: c, daysOfMonth, startTime, durationMinutes, place, cutoffHours, updatedAt, version } = it;
  return { communityId: c, daysOfMonth, startTime, durationMinutes, place, cutoffHours, updatedAt, version };
}

/** Optimistic: written only over the version the editor read (0 = never saved). */
export async function putScheduleRule(db: Db, rule: ScheduleRule, readVersion: number): Promise<void> {
  await db.put(
    { ...keys.scheduleRule(rule.communityId), entity: 'scheduleRule', ...rule },
    readVersion === 0 ? { expr: 'attribute_not_exists(#pk) OR #version = :v', values: { ':v': 0 } } : { expr: '#version = :v', values: { ':v': readVersion } },
  );
}

export function sessionItem(session: Session) {
  return { ...keys.session(session.communityId, session.date), entity: 'session', ...session };
}

export async function getSession(db: Db, sessionId: string): Promise<Session | undefined> {
  const at = parseSessionId(sessionId);
  if (!at) return undefined;
  const it = await db.get<Record<string, unknown>>(keys.session(at.communityId, at.date), true);
  return it ? toSession(it) : undefined;
}

export function toSession(it: Record<string, unknown>): Session {
  const { pk, sk, entity, ...rest } = it;
  void pk, sk, entity;
  return rest as unknown as Session;
}

/**
 * Sessions of a community between two dates (inclusive), in date order: the first `limit`, or without one every
 * session in the range, page after page (the callers bound the range: a rule makes at most one session a day).
 */
export async function listSessions(db: Db, communityId: string, from: string, to: string, ascending: boolean, limit?: number): Promise<Session[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<Record<string, unknown>>({
      pk: keys.session(communityId, from).pk,
      between: [keys.session(communityId, from).sk, keys.session(communityId, to).sk],
      ascending,
      limit: limit === undefined ? undefined : limit - items.length,
      cursor,
    });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor && (limit === undefined || items.length < limit));
  return items.map(toSession);
}

export function matterItem(m: MatterRecord) {
  return {
    ...keys.matter(m.id),
    ...keys.matterBySession(m.sessionId, m.createdAt, m.id),
    ...keys.matterByAuthor(m.authorId, m.createdAt, m.id),
    ...keys.matterOnBoard(m.communityId, m.createdAt, m.id),
    entity: 'matter',
    ...m,
  };
}

export function toMatterRecord(it: Record<string, unknown>): MatterRecord {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, entity, ...rest } = it;
  void pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, entity;
  return rest as unknown as MatterRecord;
}

export async function getMatter(db: Db, matterId: string): Promise<MatterRecord | undefined> {
  const it = await db.get<Record<string, unknown>>(keys.matter(matterId), true);
  return it ? toMatterRecord(it) : undefined;
}

/** The matter and whether this user seconded it: one round trip. */
export async function getMatterAndSecond(db: Db, matterId: string, userId: string): Promise<{ matter?: MatterRecord; seconded: boolean }> {
  const items = await db.batchGet<Record<string, unknown>>([keys.matter(matterId), keys.second(matterId, userId)]);
  const matter = items.find((i) => i.sk === 'MATTER');
  return { matter: matter ? toMatterRecord(matter) : undefined, seconded: items.some((i) => i.sk !== 'MATTER') };
}

export async function listMattersOfSession(db: Db, sessionId: string): Promise<MatterRecord[]> {
  const out: MatterRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<Record<string, unknown>>({ index: 'gsi1', pk: `SESSION#${sessionId}`, cursor });
    out.push(...page.items.map(toMatterRecord));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

export async function listBoard(db: Db, communityId: string, limit: number, cursor?: string) {
  const page = await db.query<Record<string, unknown>>({ index: 'gsi3', pk: `BOARD#${communityId}`, ascending: false, limit, cursor });
  return { items: page.items.map(toMatterRecord), cursor: page.cursor };
}

export async function listByAuthor(db: Db, userId: string, limit: number, cursor?: string) {
  const page = await db.query<Record<string, unknown>>({ index: 'gsi2', pk: `AUTHOR#${userId}`, ascending: false, limit, cursor });
  return { items: page.items.map(toMatterRecord), cursor: page.cursor };
}

export async function isSubscribedToReminders(db: Db, communityId: string, userId: string): Promise<boolean> {
  return !!(await db.get(keys.reminderSubscription(communityId, userId)));
}

export async function listReminderSubscribers(db: Db, communityId: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<{ userId: string }>({ pk: `REMIND#${communityId}`, prefix: 'USER#', cursor });
    out.push(...page.items.map((i) => i.userId));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

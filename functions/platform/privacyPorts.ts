import type { ConsentEntry } from '../../shared/privacy/schemas';
import type { Ctx } from './context';
import type { TxWrite } from './db';
import { listUnits } from './units';

/**
 * What a capability that holds a person's records offers privacy (issue 11 item 7, 个人信息保护法 第四十四条 to
 * 第四十七条): their records as shown to them, the consents they gave, and what closing their account does to its
 * records. Each capability implements it in its own `privacyPort.ts`; functions/ports.ts binds them. Reads and writes run
 * as the privacy function that calls them, which declares the prefixes (functions/privacy/capability.ts).
 */
export interface PersonalRecords {
  /** the section of the download: its name, and the records (masked as the app shows them to the person) */
  section: string;
  export(ctx: Ctx, userId: string): Promise<unknown[]>;
  /** the consents given through this capability */
  consents?(ctx: Ctx, userId: string): Promise<ConsentEntry[]>;
  /**
   * The writes that withdraw one of them (`ref`: the part of the consent id after the kind), for the transaction that
   * records the withdrawal: the consent marked withdrawn with its time and what depended on it changed state. Throws
   * NotFoundError when it is not the person's. At most 90 writes.
   */
  withdrawWrites?(ctx: Ctx, userId: string, kind: string, ref: string, at: string): Promise<TxWrite[]>;
  /**
   * One chunk of closing an account (≤ 90 writes): records that must be kept get `pseudonym` for the person's name,
   * the rest is deleted. `cursor` is where the previous chunk stopped; `next` undefined when done. Idempotent: a chunk
   * applied twice changes nothing more.
   */
  closeStep?(ctx: Ctx, userId: string, pseudonym: string, cursor: string | undefined): Promise<{ writes: TxWrite[]; next?: string }>;
}

/** Photos of matters withdrawn before `before`, a page at a time (the purge job's `withdrawnMatterPhotos`). */
export interface WithdrawnPhotos {
  due(ctx: Ctx, before: string, cursor: string | undefined): Promise<{ items: { key: { pk: string; sk: string }; photoKeys: string[]; version?: number }[]; next?: string }>;
  /** the write that forgets a matter's photos (conditional on the photos still being there) */
  forgetWrite(item: { key: { pk: string; sk: string } }, at: string): TxWrite;
}

/**
 * Records (or a part of them) whose retention period ended before `before`, a page at a time, for the purge job: the
 * capability that owns them finds them by its own index and says the one write that ends them (a delete, or the
 * removal of the part whose period ended), conditioned on what made it due so a re-run or a race changes nothing more.
 */
export interface ExpiringRecords {
  /** `files`: objects in the bucket that go with the item, let go (tagged pending) before its write */
  due(ctx: Ctx, before: string, cursor: string | undefined): Promise<{ items: { key: { pk: string; sk: string }; files?: string[] }[]; next?: string }>;
  expireWrite(item: { key: { pk: string; sk: string } }, at: string): TxWrite;
}

/**
 * Pages through every community's index for the purge job: `page` reads one page of one community's index; the
 * cursor is `<community index>|<page cursor>`, so a run resumes where it stopped.
 */
export async function pageByCommunity<T>(ctx: Ctx, cursor: string | undefined, page: (communityId: string, pageCursor: string | undefined) => Promise<{ items: T[]; cursor?: string }>): Promise<{ items: T[]; next?: string }> {
  const communities = (await listUnits(ctx.db)).filter((u) => u.kind === 'community').map((u) => u.id).sort();
  let [i, pageCursor] = cursor ? [Number(cursor.split('|')[0]), cursor.split('|').slice(1).join('|') || undefined] : [0, undefined];
  if (!(i < communities.length)) return { items: [] };
  const got = await page(communities[i]!, pageCursor);
  if (got.cursor) return { items: got.items, next: `${i}|${got.cursor}` };
  i++;
  return { items: got.items, next: i < communities.length ? `${i}|` : undefined };
}

import type { MicroProject, Spending } from '../../shared/microProjects/schemas';
import { type Db, type Item, withoutKeys } from '../platform/db';
import { keys } from '../platform/keys';

/** Access patterns of micro-projects; the table is in README.md. */

/** A project as stored: who proposed and approved it (never answered to residents) and what is left of its budget. */
export interface ProjectRecord extends Omit<MicroProject, 'spending'> {
  /** budget less spending: the spending's condition keeps it at zero or above */
  remainingFen: number;
  proposedBy: string;
  approvedBy?: string;
}

export interface SpendingRecord extends Omit<Spending, 'receipts'> {
  communityId: string;
  receiptKeys: string[];
  enteredBy: string;
}

export const projectItem = (p: ProjectRecord): Item => ({
  ...keys.microProject(p.communityId, p.id),
  ...keys.microProjectOfSubdistrict(p.subdistrictId, p.proposedAt, p.id),
  entity: 'microProject',
  ...p,
});

export const spendingItem = (s: SpendingRecord): Item => ({ ...keys.spending(s.communityId, s.projectId, s.id), entity: 'spending', ...s });

export async function getProject(db: Db, communityId: string, projectId: string): Promise<ProjectRecord | undefined> {
  const it = await db.get(keys.microProject(communityId, projectId), true);
  return it ? (withoutKeys(it) as unknown as ProjectRecord) : undefined;
}

async function all<T>(db: Db, pk: string, prefix: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query({ pk, prefix, cursor });
    out.push(...page.items.map((i) => withoutKeys(i) as unknown as T));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/** A community's projects, every one (a community has tens a year: the public accounts show them all). */
export const listProjects = (db: Db, communityId: string) => all<ProjectRecord>(db, keys.microProject(communityId, '').pk, 'PROJECT#');

/** A community's spending entries, every one, by project then time. */
export const listSpending = (db: Db, communityId: string) => all<SpendingRecord>(db, keys.microProject(communityId, '').pk, 'SPEND#');

/** The sub-district's projects, newest first, a page at a time. */
export async function listOfSubdistrict(db: Db, subdistrictId: string, limit: number, cursor?: string): Promise<{ items: ProjectRecord[]; cursor?: string }> {
  const page = await db.query({ index: 'gsi1', pk: keys.microProjectOfSubdistrict(subdistrictId, '', '').gsi1pk, ascending: false, limit, cursor });
  return { items: page.items.map((i) => withoutKeys(i) as unknown as ProjectRecord), cursor: page.cursor };
}

/** The text of the say-it day matter a project comes from, if it is of this community (say-it days own the item). */
export async function matterText(db: Db, communityId: string, matterId: string): Promise<string | undefined> {
  const it = await db.get<{ communityId?: string; text?: string }>(keys.matter(matterId));
  return it && it.communityId === communityId ? it.text : undefined;
}

/** The text of a council resolution of this community, if there is one (the five lists own the council). */
export async function resolutionText(db: Db, communityId: string, councilId: string, resolutionId: string): Promise<string | undefined> {
  const it = await db.get<{ resolutions?: { id: string; topic: string; text: string }[] }>(keys.council(communityId, councilId));
  const r = it?.resolutions?.find((x) => x.id === resolutionId);
  return r ? `${r.topic}：${r.text}` : undefined;
}

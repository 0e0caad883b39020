import type { JobSeeker, Referral, Training, Vacancy } from '../../shared/employment/schemas';
import { type Db, type Item, withoutKeys } from '../platform/db';
import { keys } from '../platform/keys';

/** Access patterns of employment; the table is in README.md. */

export const seekerItem = (s: JobSeeker): Item => ({ ...keys.jobSeeker(s.communityId, s.id), entity: 'jobSeeker', ...s });
export const vacancyItem = (v: Vacancy): Item => ({ ...keys.vacancy(v.communityId, v.id), entity: 'vacancy', ...v });
export const referralItem = (r: Referral): Item => ({ ...keys.referral(r.communityId, r.id), entity: 'referral', ...r });
export const trainingItem = (t: Training): Item => ({ ...keys.training(t.communityId, t.id), entity: 'training', ...t });

const strip = <T>(it: Item | undefined): T | undefined => (it ? (withoutKeys(it) as unknown as T) : undefined);

export async function getSeeker(db: Db, communityId: string, seekerId: string): Promise<JobSeeker | undefined> {
  return strip<JobSeeker>(await db.get(keys.jobSeeker(communityId, seekerId), true));
}

export async function getReferral(db: Db, communityId: string, referralId: string): Promise<Referral | undefined> {
  return strip<Referral>(await db.get(keys.referral(communityId, referralId), true));
}

/** A seeker and a vacancy of one community, read at one instant (the referral's two reads in one round trip). */
export async function getSeekerAndVacancy(db: Db, communityId: string, seekerId: string, vacancyId: string): Promise<[JobSeeker | undefined, Vacancy | undefined]> {
  const [s, v] = await db.transactGet([keys.jobSeeker(communityId, seekerId), keys.vacancy(communityId, vacancyId)]);
  return [strip<JobSeeker>(s), strip<Vacancy>(v)];
}

type Kind = 'SEEKER#' | 'VACANCY#' | 'REFERRAL#' | 'TRAINING#';

/** The newest `limit` records of one kind of a community, newest first. */
export async function listNewest<T>(db: Db, communityId: string, kind: Kind, limit = 200): Promise<T[]> {
  const page = await db.query({ pk: keys.jobSeeker(communityId, '').pk, prefix: kind, ascending: false, limit });
  return page.items.map((i) => withoutKeys(i) as unknown as T);
}

/** Every record of one kind of a community (the recount; never on a request path that answers a resident). */
export async function listAll<T>(db: Db, communityId: string, kind: Kind): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query({ pk: keys.jobSeeker(communityId, '').pk, prefix: kind, cursor });
    out.push(...page.items.map((i) => withoutKeys(i) as unknown as T));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

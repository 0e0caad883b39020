import { defaultPrivacyPolicyVersion, isPolicyVersion, type PrivacyPolicyVersion } from '../../shared/privacy/policy';
import type { Db, TxWrite } from '../platform/db';

/**
 * Privacy's own records, in the person's partition `PRIVACY#<userId>` (README.md has the table). Keys are built here:
 * they are privacy's alone, and no other capability reads them.
 */
export const privacyKeys = {
  /** the privacy policy version the person accepted, and when */
  policy: (userId: string) => ({ pk: `PRIVACY#${userId}`, sk: 'POLICY' }),
  /** the latest data download: its state, its files, when it is deleted */
  exportRecord: (userId: string) => ({ pk: `PRIVACY#${userId}`, sk: 'EXPORT' }),
  /** a ready download by the time it is due for deletion: the purge job's queue */
  exportDue: (dueAt: string, userId: string) => ({ gsi1pk: 'PURGEDUE#dataExport', gsi1sk: `${dueAt}#${userId}` }),
  /** one per consent withdrawn: when, and what it was */
  withdrawal: (userId: string, consentId: string) => ({ pk: `PRIVACY#${userId}`, sk: `WITHDRAWN#${consentId}` }),
  /** the account's closure: written once; a second close answers the first's time */
  closure: (userId: string) => ({ pk: `PRIVACY#${userId}`, sk: 'CLOSED' }),
  /** which privacy policy version is in force (absent: shared/privacy/policy.ts defaultPrivacyPolicyVersion) */
  currentPolicy: () => ({ pk: 'PRIVACY#setting', sk: 'POLICY' }),
  /** the purge job's cursor through the boards, so a long run resumes where it stopped (one per kind) */
  purgeCursor: (kind: string) => ({ pk: 'PURGE', sk: kind }),
};

export interface PolicyRecord {
  version: string;
  at: string;
}

export interface ExportRecord {
  userId: string;
  exportId: string;
  state: 'preparing' | 'ready' | 'failed';
  requestedAt: string;
  readyAt?: string;
  expiresAt?: string;
  fileKey?: string;
  xlsxKey?: string;
  counts?: Record<string, number>;
}

export interface WithdrawalRecord {
  consentId: string;
  kind: string;
  at: string;
}

export interface ClosureRecord {
  userId: string;
  closedAt: string;
  pseudonym: string;
}

/**
 * The version in force: the setting when it names a version whose text ships with this code, else the default (a
 * setting naming a text not deployed yet is ignored, so publishing before deploying cannot ask for a text we lack).
 */
export async function currentPolicyVersion(db: Db): Promise<PrivacyPolicyVersion> {
  const it = await db.get<{ version?: string } & Record<string, unknown>>(privacyKeys.currentPolicy());
  return it?.version && isPolicyVersion(it.version) ? it.version : defaultPrivacyPolicyVersion;
}

/** Puts `version` in force (an operator publishing a new text, or a test moving it). */
export async function setCurrentPolicyVersion(db: Db, version: PrivacyPolicyVersion, at: string): Promise<void> {
  await db.put({ ...privacyKeys.currentPolicy(), entity: 'privacyPolicyInForce', version, at });
}

export async function getPolicy(db: Db, userId: string): Promise<PolicyRecord | undefined> {
  return db.get<PolicyRecord & Record<string, unknown>>(privacyKeys.policy(userId), true);
}

export function putPolicy(userId: string, version: string, at: string): TxWrite {
  return { put: { ...privacyKeys.policy(userId), entity: 'privacyPolicyAccepted', userId, version, at } };
}

export async function getExport(db: Db, userId: string): Promise<ExportRecord | undefined> {
  return db.get<ExportRecord & Record<string, unknown>>(privacyKeys.exportRecord(userId), true);
}

export async function getWithdrawals(db: Db, userId: string): Promise<WithdrawalRecord[]> {
  const page = await db.query<WithdrawalRecord & Record<string, unknown>>({ pk: `PRIVACY#${userId}`, prefix: 'WITHDRAWN#', consistent: true, limit: 100 });
  return page.items;
}

export async function getClosure(db: Db, userId: string): Promise<ClosureRecord | undefined> {
  return db.get<ClosureRecord & Record<string, unknown>>(privacyKeys.closure(userId), true);
}

/** Ready downloads whose deletion is due at `now`, oldest first, a page at a time. */
export async function listExportsDue(db: Db, now: string, limit: number) {
  return db.query<ExportRecord & Record<string, unknown>>({ index: 'gsi1', pk: privacyKeys.exportDue('', '').gsi1pk, between: ['0', `${now}~`], limit });
}

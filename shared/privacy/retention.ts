/**
 * Retention periods, one table (个人信息保护法 第十九条: kept no longer than the purpose needs, unless a law says
 * longer). `purgeExpired` (functions/privacy/jobs.ts) enforces the rows it names; the others say where their period is
 * kept today. Days are counted from the event named in `from`.
 */
export interface RetentionRule {
  kind: string;
  nameZh: string;
  nameEn: string;
  /** days after `from`; undefined: kept while the purpose lasts (the account, the case) */
  days?: number;
  from: string;
  /** what happens when the period ends (`deletePart`: the part named in the row goes, the record stays) */
  then: 'delete' | 'deletePart' | 'pseudonymise' | 'ttl';
  /** who enforces it: the purge job, DynamoDB TTL, the bucket's lifecycle rule, or (not yet) nobody */
  enforcedBy: 'purgeExpired' | 'ttl' | 'lifecycle' | 'closeAccount' | 'notYet';
  basis: string;
}

const DAY = 1;
export const retentionRules = [
  { kind: 'dataExport', nameZh: '个人数据下载文件', nameEn: 'Data download files', days: 7 * DAY, from: 'readyAt', then: 'delete', enforcedBy: 'purgeExpired', basis: 'PIPL 45: given to the person; no purpose after' },
  { kind: 'withdrawnMatterPhotos', nameZh: '已撤回事项的照片', nameEn: 'Photos of withdrawn matters', days: 30 * DAY, from: 'withdrawnAt', then: 'delete', enforcedBy: 'purgeExpired', basis: 'PIPL 19, 47: the purpose ended with the withdrawal; 30 days for a mistaken withdrawal' },
  { kind: 'reliefFile', nameZh: '救助申请档案', nameEn: 'Relief application files', days: 5 * 365 * DAY, from: 'closedAt', then: 'delete', enforcedBy: 'purgeExpired', basis: '社会救助档案 (低保, 特困, 临时救助 …) are kept 5 years after the case closes (civil-affairs practice as the team was given it; the provision the sub-district 民政 office applies is to be named here): a file closes when rejected or withdrawn, or, approved, when the last month its case pays ends (an open-ended benefit is kept while paid). Then the application, its history, sealed part, consent, audit entries and documents are deleted; payment records and figures stay, the registry entry follows its own rule' },
  { kind: 'emergencyLocation', nameZh: '助急求助的位置', nameEn: 'Location of a help call (助急)', days: 90 * DAY, from: 'createdAt', then: 'deletePart', enforcedBy: 'purgeExpired', basis: 'PIPL 19: where an elder was is needed to reach them and to review the response; after 90 days the call (time, who answered, how fast) is kept for the work summary, its address and coordinates are deleted' },
  { kind: 'reliefAudit', nameZh: '救助信息与材料查看留痕', nameEn: 'Audit of relief reveals and document views', days: 5 * 365 * DAY, from: 'at', then: 'delete', enforcedBy: 'purgeExpired', basis: 'PIPL 54-55 (audit of processing): kept as long as the relief files they account for, 5 years, then deleted (reveals of an application and of a registry household, views of a document)' },
  { kind: 'closedAccount', nameZh: '已注销账号的个人资料', nameEn: 'Profile of a closed account', days: 0, from: 'closedAt', then: 'delete', enforcedBy: 'closeAccount', basis: 'PIPL 47: deleted at closure; names in records that must be kept are pseudonymised' },
  { kind: 'uploadsUnreferenced', nameZh: '未提交的上传图片', nameEn: 'Uploads never referenced', days: 3 * DAY, from: 'uploadedAt', then: 'delete', enforcedBy: 'lifecycle', basis: 'bucket lifecycle rule on the pending tag (platform/storage.ts)' },
  { kind: 'rateCounters', nameZh: '频率限制计数', nameEn: 'Rate-limit counters', days: 1 * DAY, from: 'windowEnd', then: 'ttl', enforcedBy: 'ttl', basis: 'DynamoDB TTL (platform/rateLimits.ts)' },
  { kind: 'refreshTokens', nameZh: '登录凭证', nameEn: 'Sign-in tokens', days: 30 * DAY, from: 'issuedAt', then: 'ttl', enforcedBy: 'ttl', basis: 'DynamoDB TTL (auth)' },
  { kind: 'deadLetters', nameZh: '失败任务记录', nameEn: 'Dead letters', days: 90 * DAY, from: 'failedAt', then: 'ttl', enforcedBy: 'ttl', basis: 'DynamoDB TTL (platform/work.ts)' },
] as const satisfies readonly RetentionRule[];

export type RetentionKind = (typeof retentionRules)[number]['kind'];

export function retentionDays(kind: RetentionKind): number {
  return retentionRules.find((r) => r.kind === kind)!.days;
}

/** The purge job's payload: an optional `kinds` to run and an `at` override (tests, a re-run); nothing else. */
export const purgeKinds = ['dataExport', 'withdrawnMatterPhotos', 'emergencyLocation', 'reliefAudit', 'reliefFile'] as const;
export type PurgeKind = (typeof purgeKinds)[number];

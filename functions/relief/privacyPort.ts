import type { ConsentEntry } from '../../shared/privacy/schemas';
import { reliefTypes } from '../../shared/relief/types';
import type { Ctx } from '../platform/context';
import type { TxWrite } from '../platform/db';
import { NotFoundError } from '../platform/errors';
import { keys } from '../platform/keys';
import { pageByCommunity, type ExpiringRecords, type PersonalRecords } from '../platform/privacyPorts';
import { listByOwner, putApplication, putHistory, unlockWrites, type ApplicationRecord } from './store';

const PAGE = 25;
/** writes of one closing step (platform/privacyPorts.ts: at most 90) */
const CLOSE_WRITES = 90;
/** states before the final decision: withdrawing the consent withdraws the application (it can no longer be processed) */
const open = new Set(['draft', 'submitted', 'infoRequested', 'communityApproved']);

async function allOf(ctx: Ctx, userId: string): Promise<ApplicationRecord[]> {
  const out: ApplicationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listByOwner(ctx.db, userId, PAGE, cursor);
    out.push(...(page.items as ApplicationRecord[]));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

type WithConsent = ApplicationRecord & { consent?: ApplicationRecord['consent'] & { withdrawnAt?: string } };

/**
 * Relief's records of a person for privacy: the applications they own, as the app shows them to the applicant
 * (members' ID numbers masked, sensitive form fields masked, no sealed part, no document URLs), and the separate
 * consent of each. Withdrawing a consent withdraws an application that is not yet decided (its locks go, its history
 * says why); a decided one is kept as the law requires, its consent marked withdrawn. At closure the files are kept
 * (5 years after they close) with the owner's name pseudonymised; drafts never submitted have no such duty and go.
 */
export const reliefPersonalRecords: PersonalRecords = {
  section: 'reliefApplications',
  async export(ctx, userId) {
    return (await allOf(ctx, userId)).map((r) => ({
      id: r.id,
      type: r.type,
      typeName: reliefTypes[r.type]?.nameZh,
      status: r.status,
      communityId: r.communityId,
      members: r.members.map((m) => ({ name: m.name, relation: m.relation, idMasked: m.idMasked, sex: m.sex, birthYear: m.birthYear })),
      form: r.form,
      documents: r.documents.map((d) => d.kind),
      consent: r.consent ? { textVersion: r.consent.textVersion, method: r.consent.method, at: r.consent.at, withdrawnAt: (r as WithConsent).consent?.withdrawnAt } : undefined,
      amount: r.amount,
      submittedAt: r.submittedAt,
      decidedAt: r.decidedAt,
      createdAt: r.createdAt,
    }));
  },
  async consents(ctx, userId) {
    return (await allOf(ctx, userId))
      .filter((r) => r.consent)
      .map((r): ConsentEntry => {
        const c = (r as WithConsent).consent!;
        const name = reliefTypes[r.type]?.nameZh ?? r.type;
        const stillOpen = open.has(r.status);
        return {
          id: `relief:${r.id}`,
          kind: 'relief',
          titleZh: `${name}申请的敏感个人信息处理同意`,
          titleEn: `Separate consent of the ${r.type} application`,
          textVersion: c.textVersion,
          givenAt: c.at,
          withdrawnAt: c.withdrawnAt,
          effectZh: stillOpen
            ? '撤回后，该申请将被撤回，不能继续审核；已提交的材料按规定保存。'
            : '该申请已办结。撤回后不再对其作任何新的处理；救助档案按法律规定保存至办结后5年再删除，台账按规定保存。',
          effectEn: stillOpen
            ? 'The application will be withdrawn and can no longer be processed; what was submitted is kept as the rules require.'
            : 'The application is decided. Nothing new will be done with it; the relief file is kept as the law requires, until 5 years after it closes, and the registry entry as its rules require.',
          withdrawable: !c.withdrawnAt,
        };
      });
  },
  async withdrawWrites(ctx, userId, _kind, appId, at) {
    const it = await ctx.db.get<Record<string, unknown>>(keys.reliefApplication(appId), true);
    const r = it as unknown as WithConsent | undefined;
    if (!r || r.ownerId !== userId || !r.consent) throw new NotFoundError('consent');
    if (r.consent.withdrawnAt) return [];
    const consent = { ...r.consent, withdrawnAt: at };
    const consentItem: TxWrite = { update: keys.reliefConsent(appId), spec: { set: { withdrawnAt: at }, if: { expr: 'attribute_exists(#pk)' } } };
    if (!open.has(r.status)) {
      return [{ update: keys.reliefApplication(appId), spec: { set: { consent, updatedAt: at }, add: { version: 1 }, if: { expr: '#version = :v', values: { ':v': r.version } } }, fails: 'STALE_VERSION' }, consentItem];
    }
    const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, entity, ...plain } = r as unknown as Record<string, unknown>;
    void pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, entity;
    const current = plain as unknown as ApplicationRecord;
    const next: ApplicationRecord = { ...current, status: 'withdrawn', awaiting: undefined, waitingSince: undefined, locked: false, decidedAt: at, updatedAt: at, version: r.version + 1, consent };
    return [
      { ...putApplication(next, { version: r.version, status: r.status }), fails: 'STALE_VERSION' },
      putHistory(appId, next.version, { at, action: 'consentWithdrawn', from: r.status, to: 'withdrawn', byId: userId, byName: r.ownerName }),
      consentItem,
      ...(r.locked ? unlockWrites(current, r.personHashes) : []),
    ];
  },
  /**
   * One application a step (its partition may hold many entries). A draft never submitted goes whole; a kept file gets
   * the pseudonym for its owner name and for `byName` of every entry the person wrote (history, the audit of their own
   * draft reveals), in at most 90 writes: a longer history is finished by the next step (same cursor).
   */
  async closeStep(ctx, userId, pseudonym, cursor) {
    const page = await listByOwner(ctx.db, userId, 1, cursor);
    const writes: TxWrite[] = [];
    for (const r of page.items as ApplicationRecord[]) {
      const items = (await ctx.db.query<{ pk: string; sk: string; byId?: string; byName?: string }>({ pk: keys.reliefApplication(r.id).pk, consistent: true })).items;
      if (r.status === 'draft' && !r.submittedAt && !r.filedById) {
        // a draft the person typed and never submitted: no duty to keep it
        writes.push(...items.map((i): TxWrite => ({ delete: { pk: i.pk, sk: i.sk } })));
        if (r.locked) writes.push(...unlockWrites(r, r.personHashes));
        continue;
      }
      // the application's own copies: its owner, and who consented, filed or confirmed the household when that was them
      const set: Record<string, unknown> = {};
      if (r.ownerName !== pseudonym) set.ownerName = pseudonym;
      if (r.consent?.byId === userId && r.consent.byName !== pseudonym) set.consent = { ...r.consent, byName: pseudonym };
      if (r.filedById === userId && r.filedByName !== pseudonym) set.filedByName = pseudonym;
      if (r.householdConfirmed?.byId === userId && r.householdConfirmed.byName !== pseudonym) set.householdConfirmed = { ...r.householdConfirmed, byName: pseudonym };
      if (Object.keys(set).length)
        writes.push({ update: keys.reliefApplication(r.id), spec: { set, add: { version: 1 }, if: { expr: '#version = :v', values: { ':v': r.version } } }, fails: 'STALE_VERSION' });
      for (const i of items)
        if (i.byId === userId && i.byName !== pseudonym) writes.push({ update: { pk: i.pk, sk: i.sk }, spec: { set: { byName: pseudonym }, if: { expr: '#byId = :u', values: { ':u': userId } } } });
    }
    if (writes.length > CLOSE_WRITES) return { writes: writes.slice(0, CLOSE_WRITES), next: cursor ?? '' };
    return { writes, next: page.cursor };
  },
};

/**
 * Relief's audit entries for the purge job (retention `reliefAudit`, 5 years): every audited full read (an
 * application's sensitive part, a registry household's ID number) and every document view is indexed by community and
 * time (gsi1 RAUDIT#), wherever the entry itself lives (RAPP#…/AUDIT#, RREG#…/AUDIT#); those older than `before` are
 * deleted, oldest first.
 */
export const reliefAudits: ExpiringRecords = {
  async due(ctx, before, cursor) {
    return pageByCommunity(ctx, cursor, async (communityId, pageCursor) => {
      const page = await ctx.db.query<{ pk: string; sk: string }>({ index: 'gsi1', pk: keys.reliefAuditByCommunity(communityId, '', '').gsi1pk, between: ['0', before], limit: 100, cursor: pageCursor });
      return { items: page.items.map((a) => ({ key: { pk: a.pk, sk: a.sk } })), cursor: page.cursor };
    });
  },
  expireWrite(item) {
    return { delete: item.key, if: { expr: 'attribute_exists(#pk)' } };
  },
};

/** closed files read a page (each is then read whole, its partition, to say every item that goes) */
const FILES_PAGE = 10;

/**
 * Relief files for the purge job (retention `reliefFile`, 5 years after the file closes: `closedAtOf`, store.ts): a
 * decided application carries gsi1 RCLOSED#<community> / <closedAt>#<id>, so those closed before `before` are found
 * oldest first without a scan. Each goes whole: its partition (sealed part, consent, history, audit entries, overdue
 * marks) and then the application item last, which holds the index key and the documents, so a run stopped half-way
 * finds the file again and finishes it; the documents (and a signed consent form's photo) are let go first (tagged
 * pending: the bucket's lifecycle deletes them). Kept: the case and payments (`RCASES#`, `RDISB#`), the figures'
 * counters (`RFIG#`, `RFIGSD#`) and the household's registry entry (its own rule, not this file's).
 */
export const reliefFiles: ExpiringRecords = {
  async due(ctx, before, cursor) {
    return pageByCommunity(ctx, cursor, async (communityId, pageCursor) => {
      const page = await ctx.db.query<{ pk: string; sk: string }>({ index: 'gsi1', pk: keys.reliefClosed(communityId, '', '').gsi1pk, between: ['0', before], limit: FILES_PAGE, cursor: pageCursor });
      const items: { key: { pk: string; sk: string }; files?: string[] }[] = [];
      for (const closed of page.items) {
        let app: ApplicationRecord | undefined;
        let partCursor: string | undefined;
        do {
          const part = await ctx.db.query<{ pk: string; sk: string } & Record<string, unknown>>({ pk: closed.pk, consistent: true, cursor: partCursor });
          for (const it of part.items) {
            if (it.sk === 'APP') app = it as unknown as ApplicationRecord;
            else items.push({ key: { pk: it.pk, sk: it.sk } });
          }
          partCursor = part.cursor;
        } while (partCursor);
        // gone since the index was read (another run): nothing more to say of it
        if (!app) continue;
        const files = [...app.documents.map((d) => d.key), ...(app.consent?.photoKey ? [app.consent.photoKey] : [])];
        items.push({ key: keys.reliefApplication(app.id), files });
      }
      return { items, cursor: page.cursor };
    });
  },
  expireWrite(item) {
    // the application only while it is closed (a closed file never reopens); the rest where it still is
    if (item.key.sk === 'APP') return { delete: item.key, if: { expr: 'begins_with(#gsi1pk, :closed)', values: { ':closed': 'RCLOSED#' } } };
    return { delete: item.key, if: { expr: 'attribute_exists(#pk)' } };
  },
};

import type { ConsentEntry } from '../../shared/privacy/schemas';
import { maskPhone } from '../../shared/platform/masking';
import type { Ctx } from '../platform/context';
import type { TxWrite } from '../platform/db';
import { NotFoundError } from '../platform/errors';
import { keys } from '../platform/keys';
import type { PersonalRecords } from '../platform/privacyPorts';
import type { VolunteerRecord } from './store';

const indexAttrs = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity', 'expiresAt']);
function plain(it: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(it).filter(([k]) => !indexAttrs.has(k)));
}

async function all(ctx: Ctx, spec: Parameters<Ctx['db']['query']>[0]): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.db.query<Record<string, unknown>>({ ...spec, cursor });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/** copies of a closing person's name a step handles: one index page each (≤ 90 writes, one per item) */
const CLOSE_PAGE = 90;

interface ClosePhase {
  name: string;
  index: 'gsi1' | 'gsi2' | 'gsi3';
  pk: (userId: string) => string;
  /** the attribute holding the person's id on the copy, and the one holding their name */
  idAttr: string;
  nameAttr: string;
  write: (item: { pk: string; sk: string }, userId: string, pseudonym: string) => TxWrite;
}

function renameIf(idAttr: string, nameAttr: string, bumpVersion = false): ClosePhase['write'] {
  return (item, userId, pseudonym) => ({
    update: { pk: item.pk, sk: item.sk },
    spec: { set: { [nameAttr]: pseudonym }, ...(bumpVersion ? { add: { version: 1 } } : {}), if: { expr: `#${idAttr} = :u`, values: { ':u': userId } } },
  });
}

const closePhases: ClosePhase[] = [
  { name: 'res', index: 'gsi1', pk: (u) => keys.reservationByHolder(u, '', '').gsi1pk, idAttr: 'userId', nameAttr: 'displayName', write: renameIf('userId', 'displayName') },
  { name: 'team', index: 'gsi2', pk: (u) => keys.teamMemberByUser(u, '').gsi2pk, idAttr: 'userId', nameAttr: 'displayName', write: renameIf('userId', 'displayName') },
  { name: 'req', index: 'gsi2', pk: (u) => keys.helpRequestByRequester(u, '').gsi2pk, idAttr: 'requesterId', nameAttr: 'requesterName', write: renameIf('requesterId', 'requesterName', true) },
  { name: 'help', index: 'gsi3', pk: (u) => keys.helpRequestByHelper(u, '').gsi3pk, idAttr: 'helperId', nameAttr: 'helperName', write: renameIf('helperId', 'helperName', true) },
];

type Volunteer = VolunteerRecord & { idNumberConsent?: VolunteerRecord['idNumberConsent'] & { withdrawnAt?: string } };

/**
 * Sign-ups' records of a person for privacy: the volunteer record (phone and ID number masked, the sealed number left
 * out), confirmed hours, reservations (shifts, events) and the time bank. The separate consent to the ID number can be
 * withdrawn: the sealed number and its mask are deleted (certificates from then on carry none), hours are kept. At
 * closure the volunteer record and its phone index go; hours and time-bank entries (no name in them) stay as the
 * service record the certificates were issued from, and reservations stay with the name pseudonymised.
 */
export const signupsPersonalRecords: PersonalRecords = {
  section: 'volunteering',
  async export(ctx, userId) {
    const v = (await ctx.db.get<Record<string, unknown>>(keys.volunteer(userId), true)) as (Volunteer & Record<string, unknown>) | undefined;
    const volunteer = v
      ? { realName: v.realName, phone: maskPhone(v.phone), skills: v.skills, availability: v.availability, birthYear: v.birthYear, maskedIdNumber: v.maskedIdNumber, idNumberConsent: v.idNumberConsent, communityId: v.communityId, registeredAt: v.registeredAt }
      : undefined;
    const hours = (await all(ctx, { pk: keys.hoursTotal(userId).pk })).map(plain);
    const reservations = (await all(ctx, { index: 'gsi1', pk: keys.reservationByHolder(userId, '', '').gsi1pk })).map(plain);
    const timeBank = (await all(ctx, { pk: keys.timeBankAccount(userId).pk })).map(plain);
    return [{ volunteer, hours, reservations, timeBank }];
  },
  async consents(ctx, userId) {
    const v = (await ctx.db.get<Record<string, unknown>>(keys.volunteer(userId), true)) as Volunteer | undefined;
    if (!v?.idNumberConsent) return [];
    const c = v.idNumberConsent;
    return [
      {
        id: `volunteerIdNumber:${userId}`,
        kind: 'volunteerIdNumber',
        titleZh: '志愿服务记录证明的身份证号码收集同意',
        titleEn: 'Consent to the ID number on volunteer certificates',
        textVersion: c.textVersion,
        givenAt: c.at,
        withdrawnAt: c.withdrawnAt,
        effectZh: '撤回后，您的身份证号码将被删除，之后出具的志愿服务记录证明不再载明身份证号；服务时长保留。',
        effectEn: 'Your ID number is deleted; certificates issued from now on carry none. Your hours are kept.',
        withdrawable: !c.withdrawnAt,
      } satisfies ConsentEntry,
    ];
  },
  async withdrawWrites(ctx, userId, _kind, ref, at) {
    const v = (await ctx.db.get<Record<string, unknown>>(keys.volunteer(userId), true)) as Volunteer | undefined;
    if (ref !== userId || !v?.idNumberConsent) throw new NotFoundError('consent');
    if (v.idNumberConsent.withdrawnAt) return [];
    return [
      {
        update: keys.volunteer(userId),
        spec: { set: { idNumberConsent: { ...v.idNumberConsent, withdrawnAt: at }, updatedAt: at }, remove: ['idNumberSealed', 'maskedIdNumber'], if: { expr: 'attribute_exists(#pk)' } },
      },
    ];
  },
  /**
   * First the volunteer record and its phone index; then, a page at a time, the name on each copy that is kept gets
   * the pseudonym: the reservations the person holds (cursor `res:<page>`, gsi1 HOLDER#; a shift's or an event's roster
   * is the service record), the teams they are on (`team:`, gsi2 MEMBEROF#), the help requests they asked (`req:`,
   * gsi2 HELPREQBY#) and took (`help:`, gsi3 HELPREQHELPER#). Each write is conditioned on the person's id; a help
   * request's version moves on, so a take or completion that read the old name fails instead of writing it back.
   */
  async closeStep(ctx, userId, pseudonym, cursor) {
    if (!cursor) {
      const v = (await ctx.db.get<Record<string, unknown>>(keys.volunteer(userId), true)) as Volunteer | undefined;
      const writes: TxWrite[] = [];
      if (v) writes.push({ delete: keys.volunteer(userId) });
      if (v?.phone) writes.push({ delete: keys.volunteerByPhone(v.phone), if: { expr: 'attribute_not_exists(#pk) OR #userId = :u', values: { ':u': userId } } });
      return { writes, next: 'res:' };
    }
    const phase = closePhases.find((p) => cursor.startsWith(`${p.name}:`)) ?? closePhases[0]!;
    const page = await ctx.db.query<Record<string, unknown> & { pk: string; sk: string }>({ index: phase.index, pk: phase.pk(userId), limit: CLOSE_PAGE, cursor: cursor.slice(phase.name.length + 1) || undefined });
    const writes: TxWrite[] = page.items.flatMap((item) => (item[phase.idAttr] === userId && item[phase.nameAttr] !== pseudonym ? [phase.write(item, userId, pseudonym)] : []));
    const after = closePhases[closePhases.indexOf(phase) + 1];
    return { writes, next: page.cursor ? `${phase.name}:${page.cursor}` : after ? `${after.name}:` : undefined };
  },
};

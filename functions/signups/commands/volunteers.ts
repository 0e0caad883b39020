import { residentCommunityId } from '../../../shared/org/permissions';
import { maskIdNumber, maskName, maskPhone } from '../../../shared/platform/masking';
import { yearOf } from '../../../shared/platform/idNumber';
import { currentVolunteerIdConsentVersion } from '../../../shared/signups/consent';
import { canOrganize, canSee, isStaffOver } from '../../../shared/signups/permissions';
import type { RegisterVolunteerInput, Volunteer } from '../../../shared/signups/schemas';
import type { UserCtx } from '../../platform/context';
import { vaultFromEnv } from '../../platform/crypto';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import { getUnit } from '../../platform/units';
import * as store from '../store';
import { birthYearOf } from '../store';
import { unitOf } from './common';

function volunteerView(v: store.VolunteerRecord): Volunteer {
  // the phone and the ID number only masked; the sealed ID number and the consent record never leave the backend
  const { phone, communityPath, idNumberSealed, idNumberConsent, birthDate, ...rest } = v;
  void birthDate;
  void communityPath;
  void idNumberSealed;
  void idNumberConsent;
  return { ...rest, phoneMasked: maskPhone(phone) };
}

type IdNumberFields = Pick<store.VolunteerRecord, 'idNumberSealed' | 'maskedIdNumber' | 'idNumberConsent'>;

/** A number needs the separate consent, to the current text; checked before anything is exchanged or written. */
function checkIdNumberConsent(input: RegisterVolunteerInput): void {
  if (typeof input.idNumber !== 'string') return;
  if (!input.idNumberConsent) throw new UnprocessableError('CONSENT_REQUIRED');
  if (input.idNumberConsent !== currentVolunteerIdConsentVersion) throw new UnprocessableError('CONSENT_VERSION_UNKNOWN', { current: currentVolunteerIdConsentVersion });
}

/**
 * The ID number of a registration: absent keeps what is on file, null deletes it, a number is sealed with the record's
 * identity as the additional data (so it opens on no other record) and kept masked in the clear, so the certificate
 * and every view need no decrypt. Sealing again each time (a new IV) changes nothing a caller sees.
 */
async function idNumberFields(userId: string, input: RegisterVolunteerInput, existing: store.VolunteerRecord | undefined, at: string): Promise<IdNumberFields> {
  if (input.idNumber === undefined) return { idNumberSealed: existing?.idNumberSealed, maskedIdNumber: existing?.maskedIdNumber, idNumberConsent: existing?.idNumberConsent };
  if (input.idNumber === null) return {};
  return {
    idNumberSealed: await vaultFromEnv().seal(input.idNumber, store.volunteerIdAad(userId)),
    maskedIdNumber: maskIdNumber(input.idNumber),
    idNumberConsent: { textVersion: input.idNumberConsent!, at },
  };
}

/**
 * A resident registers as a volunteer: real name, the phone number WeChat vouches for (the getPhoneNumber button's
 * code, exchanged here; never a typed number), skills and availability, and optionally the ID number the certificate
 * of hours prints (with its separate consent). Registering again updates it; the same body twice answers the same.
 */
export async function registerVolunteer(ctx: UserCtx, input: RegisterVolunteerInput): Promise<Volunteer> {
  const communityId = residentCommunityId(ctx.principal);
  if (!communityId) throw new ForbiddenError('NOT_BOUND');
  checkIdNumberConsent(input);
  const community = await getUnit(ctx.db, communityId);
  if (!community) throw new ForbiddenError('NOT_BOUND');
  const phone = await ctx.wechat.getPhoneNumber(input.phoneCode);
  const existing = await store.getVolunteer(ctx, ctx.principal.userId);
  const at = ctx.clock.now().toISOString();
  const v: store.VolunteerRecord = {
    userId: ctx.principal.userId,
    realName: input.realName,
    phone: phone.purePhoneNumber,
    skills: [...new Set(input.skills)],
    availability: [...new Set(input.availability)],
    birthYear: input.birthDate ? yearOf(input.birthDate) : birthYearOf(existing),
    ...(await idNumberFields(ctx.principal.userId, input, existing, at)),
    communityId,
    communityPath: community.path,
    registeredAt: existing?.registeredAt ?? at,
    updatedAt: at,
  };
  await store.putVolunteer(ctx, v);
  return volunteerView(v);
}

export async function myVolunteer(ctx: UserCtx): Promise<{ volunteer: Volunteer | null }> {
  const v = await store.getVolunteer(ctx, ctx.principal.userId);
  return { volunteer: v ? volunteerView(v) : null };
}

type Member = { userId: string; displayName: string; role: 'leader' | 'member'; joinedAt: string };

async function teamDetail(ctx: UserCtx, teamId: string) {
  const { team, roster } = await store.getTeamWithRoster(ctx, teamId);
  if (!team || !canSee(ctx.principal, team.unitPath)) throw new NotFoundError('team');
  // names in full for the team and the staff over it; masked for everyone else
  const inside = isStaffOver(ctx.principal, team.unitPath) || roster.some((m) => m.userId === ctx.principal.userId);
  return {
    team,
    roster: roster
      .map((m) => (inside ? m : { ...m, displayName: maskName(m.displayName) }))
      .sort((a, b) => (a.role === b.role ? a.joinedAt.localeCompare(b.joinedAt) : a.role === 'leader' ? -1 : 1)),
  };
}

/** An organizer forms a team (民情志愿者, 外籍志愿服务队, 巡防队 …) with its leaders, who must be registered volunteers. */
export async function createTeam(
  ctx: UserCtx,
  input: { unitId: string; name: string; kind: 'residentVoices' | 'foreignVolunteers' | 'patrol' | 'other'; leaderIds: string[] },
) {
  const unit = await unitOf(ctx, input.unitId);
  if (!canOrganize(ctx.principal, unit.path)) throw new ForbiddenError();
  const leaderIds = [...new Set(input.leaderIds)];
  const leaders = await Promise.all(leaderIds.map((id) => store.getVolunteer(ctx, id)));
  if (leaders.some((l) => !l)) throw new UnprocessableError('NOT_A_VOLUNTEER');
  const at = ctx.clock.now().toISOString();
  const team: store.TeamRecord = { id: ctx.newId(), unitId: unit.id, unitPath: unit.path, name: input.name, kind: input.kind, leaderIds, memberCount: leaderIds.length, createdAt: at };
  const roster: Member[] = leaders.map((l) => ({ userId: l!.userId, displayName: l!.realName, role: 'leader', joinedAt: at }));
  return transactCreate(
    ctx,
    [{ put: store.teamItem(team), if: { expr: 'attribute_not_exists(#pk)' } }, ...roster.map((m) => ({ put: store.teamMemberItem(team.id, m) }))],
    { team, roster },
  );
}

export async function unitTeams(ctx: UserCtx, unitId: string, q: { cursor?: string; limit?: number }) {
  const unit = await unitOf(ctx, unitId);
  if (!canSee(ctx.principal, unit.path)) throw new NotFoundError('unit');
  return store.listTeamsOfUnit(ctx, unitId, { limit: q.limit ?? 50, cursor: q.cursor });
}

export const team = teamDetail;

/** A leader of the team, or an organizer over it, puts a registered volunteer on the roster. */
export async function addTeamMember(ctx: UserCtx, teamId: string, input: { userId?: string; phone?: string; role: 'leader' | 'member' }) {
  const { team: t, roster } = await store.getTeamWithRoster(ctx, teamId);
  if (!t || !canSee(ctx.principal, t.unitPath)) throw new NotFoundError('team');
  if (!t.leaderIds.includes(ctx.principal.userId) && !canOrganize(ctx.principal, t.unitPath)) throw new ForbiddenError();
  // by phone or by user id: only a volunteer of the team's own community (or sub-district); anyone else answers as
  // unknown, so neither field tells a leader anything (a real name on the roster) about people outside their reach
  const v = input.phone ? await store.volunteerByPhone(ctx, input.phone) : await store.getVolunteer(ctx, input.userId!);
  if (!v || !t.unitPath.every((u, i) => v.communityPath[i] === u)) throw new UnprocessableError('NOT_A_VOLUNTEER');
  if (roster.some((m) => m.userId === v.userId)) return teamDetail(ctx, teamId);
  const leaderIds = input.role === 'leader' ? [...t.leaderIds, v.userId] : t.leaderIds;
  // either refusal means the roster changed since it was read: refresh
  await ctx.db.transact([
    {
      put: store.teamMemberItem(teamId, { userId: v.userId, displayName: v.realName, role: input.role, joinedAt: ctx.clock.now().toISOString() }),
      if: { expr: 'attribute_not_exists(#pk)' },
      fails: 'CONFLICT',
    },
    { update: keys.team(teamId), spec: { add: { memberCount: 1 }, set: { leaderIds }, if: { expr: '#memberCount = :n', values: { ':n': t.memberCount } } }, fails: 'CONFLICT' },
  ]);
  return teamDetail(ctx, teamId);
}

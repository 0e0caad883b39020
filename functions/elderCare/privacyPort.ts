import type { ConsentEntry } from '../../shared/privacy/schemas';
import type { Ctx } from '../platform/context';
import { keys } from '../platform/keys';
import { pageByCommunity, type ExpiringRecords, type PersonalRecords } from '../platform/privacyPorts';

const indexAttrs = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity', 'expiresAt', 'photoKey']);
function plain(it: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(it).filter(([k]) => !indexAttrs.has(k)));
}

async function bookingsOf(ctx: Ctx, userId: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.db.query<Record<string, unknown>>({ index: 'gsi1', pk: keys.elderBookingOfElder(userId, '', '').gsi1pk, cursor });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/**
 * Elder care's records of a person for privacy: their profile (birth year), family links and bookings. A worker's
 * booking on the elder's behalf records how the elder agreed (代办 consent): listed, not withdrawable here (a booking
 * already made is a service record; the elder tells the community worker to cancel one). At closure the profile goes;
 * bookings stay as the service and subsidy record.
 */
export const elderCarePersonalRecords: PersonalRecords = {
  section: 'elderCare',
  async export(ctx, userId) {
    const profile = await ctx.db.get<Record<string, unknown>>(keys.elderProfile(userId), true);
    const family = await ctx.db.query<Record<string, unknown>>({ pk: keys.elderFamily(userId, '').pk, prefix: 'FAMILY#', limit: 50 });
    const bookings = await bookingsOf(ctx, userId);
    return [{ profile: profile ? plain(profile) : undefined, family: family.items.map(plain), bookings: bookings.map(plain) }];
  },
  async consents(ctx, userId) {
    return (await bookingsOf(ctx, userId))
      .filter((b) => b.consent)
      .map((b): ConsentEntry => {
        const c = b.consent as { method: string; at: string };
        return {
          id: `elderCareProxy:${String(b.slotId)}`,
          kind: 'elderCareProxy',
          titleZh: `代为预约“${String(b.serviceName ?? '')}”的同意`,
          titleEn: `Consent to a booking on your behalf (${String(b.serviceName ?? '')})`,
          givenAt: c.at,
          effectZh: '该同意只用于这一次预约，已完成的服务记录按规定保存。如需取消预约，请联系社区工作人员。',
          effectEn: 'It covered this one booking; a served booking is kept as the service record. To cancel a booking, ask the community worker.',
          withdrawable: false,
        };
      });
  },
  async closeStep(ctx, userId, _pseudonym, cursor) {
    if (cursor) return { writes: [] };
    const profile = await ctx.db.get(keys.elderProfile(userId), true);
    return { writes: profile ? [{ delete: keys.elderProfile(userId) }] : [] };
  },
};

/**
 * 助急 locations for the purge job (retention `emergencyLocation`): a call made before `before` that still holds a
 * location loses it (address and coordinates); the call itself (when, who answered, how fast) stays for the work
 * summary. Read through each community's calls (gsi2, by time), oldest first, only those due.
 */
export const emergencyLocations: ExpiringRecords = {
  async due(ctx, before, cursor) {
    return pageByCommunity(ctx, cursor, async (communityId, pageCursor) => {
      const page = await ctx.db.query<Record<string, unknown>>({ index: 'gsi2', pk: keys.emergencyOfCommunity(communityId, '', '').gsi2pk, between: ['0', before], limit: 100, cursor: pageCursor });
      return { items: page.items.filter((e) => e.location !== undefined).map((e) => ({ key: keys.emergency(String(e.id)) })), cursor: page.cursor };
    });
  },
  expireWrite(item, at) {
    return { update: item.key, spec: { set: { locationPurgedAt: at }, remove: ['location'], if: { expr: 'attribute_exists(#location)' } } };
  },
};

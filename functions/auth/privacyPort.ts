import type { PersonalRecords } from '../platform/privacyPorts';
import type { TxWrite } from '../platform/db';
import { keys } from '../platform/keys';
import { getUserWithGrants, listFamilies } from './store';

/**
 * Identity's records of a person for privacy (platform/privacyPorts.ts): the profile, the bindings and roles, the
 * sign-ins. Closing deletes them all: the openid link (a later sign-in is a new person), the profile, every grant (the
 * community's resident lists drop them with it) and a binding request still waiting; every sign-in family is revoked.
 */
export const authPersonalRecords: PersonalRecords = {
  section: 'profile',
  async export(ctx, userId) {
    const { user, grants } = await getUserWithGrants(ctx.db, userId);
    const families = await listFamilies(ctx.db, userId);
    if (!user) return [];
    return [
      {
        displayName: user.displayName,
        createdAt: user.createdAt,
        communityId: user.communityId,
        pendingCommunityId: user.pendingCommunityId,
        roles: grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: g.unitName })),
        signIns: families.length,
      },
    ];
  },
  async closeStep(ctx, userId, _pseudonym, cursor) {
    if (cursor) return { writes: [] };
    const { user, grants } = await getUserWithGrants(ctx.db, userId);
    const families = await listFamilies(ctx.db, userId);
    const at = ctx.clock.now().toISOString();
    const writes: TxWrite[] = [
      ...families.slice(0, 60).map((familyId): TxWrite => ({ update: keys.refreshFamily(userId, familyId), spec: { set: { entity: 'refreshFamily', userId, familyId, revoked: true, revokedAt: at } } })),
      ...grants.slice(0, 25).map((g): TxWrite => ({ delete: keys.grant(userId, g.role, g.unitId) })),
    ];
    if (user) {
      writes.push({ delete: keys.user(userId) });
      if (user.openid) writes.push({ delete: keys.openid(user.openid) });
      if (user.pendingCommunityId) writes.push({ delete: keys.bindingRequest(user.pendingCommunityId, userId) });
    }
    // a person signs in on a few phones in 30 days and holds a few roles: 60 and 25 leave room in one transaction
    return { writes };
  },
};

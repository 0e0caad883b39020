/**
 * Every key of the one table, built here from the entity's attributes and nowhere else.
 * The capability READMEs list the access patterns that use them.
 */
export const keys = {
  /** a user's profile and grants share a partition and sort first ('#'), so one query reads both */
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: '#PROFILE' }),
  grant: (userId: string, role: string, unitId: string) => ({ pk: `USER#${userId}`, sk: `#GRANT#${role}#${unitId}` }),
  grantByUnit: (unitId: string, role: string, userId: string) => ({ gsi1pk: `UNIT#${unitId}`, gsi1sk: `GRANT#${role}#${userId}` }),
  openid: (openid: string) => ({ pk: `OPENID#${openid}`, sk: 'USER' }),
  refreshToken: (hash: string) => ({ pk: `REFRESH#${hash}`, sk: 'REFRESH' }),
  /** the organisation tree is small and read whole: one item collection */
  unit: (unitId: string) => ({ pk: 'UNITS', sk: `UNIT#${unitId}` }),
  inviteCode: (code: string) => ({ pk: `INVITE#${code}`, sk: 'INVITE' }),
  bindingRequest: (communityId: string, userId: string) => ({ pk: `COMMUNITY#${communityId}`, sk: `BINDREQ#${userId}` }),
  scheduleRule: (communityId: string) => ({ pk: `COMMUNITY#${communityId}`, sk: 'RULE' }),
  session: (communityId: string, date: string) => ({ pk: `COMMUNITY#${communityId}`, sk: `SESSION#${date}` }),
  /** a matter, its seconds and its history are one item collection: the detail page is one query */
  matter: (matterId: string) => ({ pk: `MATTER#${matterId}`, sk: 'MATTER' }),
  matterBySession: (sessionId: string, createdAt: string, matterId: string) => ({ gsi1pk: `SESSION#${sessionId}`, gsi1sk: `${createdAt}#${matterId}` }),
  matterByAuthor: (userId: string, createdAt: string, matterId: string) => ({ gsi2pk: `AUTHOR#${userId}`, gsi2sk: `${createdAt}#${matterId}` }),
  matterOnBoard: (communityId: string, createdAt: string, matterId: string) => ({ gsi3pk: `BOARD#${communityId}`, gsi3sk: `${createdAt}#${matterId}` }),
  second: (matterId: string, userId: string) => ({ pk: `MATTER#${matterId}`, sk: `SECOND#${userId}` }),
  reminderSubscription: (communityId: string, userId: string) => ({ pk: `REMIND#${communityId}`, sk: `USER#${userId}` }),
  inboxItem: (userId: string, itemId: string) => ({ pk: `USER#${userId}`, sk: `INBOX#${itemId}` }),
  inboxState: (userId: string) => ({ pk: `USER#${userId}`, sk: 'INBOXSTATE' }),
  subscribeGrant: (userId: string, template: string) => ({ pk: `USER#${userId}`, sk: `SUBGRANT#${template}` }),
  /** the outbox is spread over a few partitions so no one key is hot */
  outbox: (shard: number, createdAt: string, id: string) => ({ pk: `OUTBOX#${shard}`, sk: `${createdAt}#${id}` }),
  idempotency: (userId: string, key: string) => ({ pk: `IDEMP#${userId}#${key}`, sk: 'IDEMP' }),
  notificationDedupe: (dedupeKey: string) => ({ pk: `NOTIFIED#${dedupeKey}`, sk: 'NOTIFIED' }),
};

export const outboxShards = 4;

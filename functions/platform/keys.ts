/**
 * Every key of the one table, built here from the entity's attributes and nowhere else.
 * The capability READMEs list the access patterns that use them.
 */
export const keys = {
  /** a user's profile and grants share a partition and sort first ('#'), so one query reads both */
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: '#PROFILE' }),
  grant: (userId: string, role: string, unitId: string) => ({ pk: `USER#${userId}`, sk: `#GRANT#${role}#${unitId}` }),
  grantByUnit: (unitId: string, role: string, userId: string) => ({ gsi1pk: `UNIT#${unitId}`, gsi1sk: `GRANT#${role}#${userId}` }),
  /** when a user's access tokens stop being honoured (platform/revocation.ts): tokens issued before `revokedBefore` are
   * refused; every HTTP function reads it (at most once a minute a user and instance) */
  authEpoch: (userId: string) => ({ pk: `AUTHV#${userId}`, sk: 'EPOCH' }),
  /** one sign-in's chain of refresh tokens: revoked whole when a used token comes back (reuse) or at logout */
  refreshFamily: (userId: string, familyId: string) => ({ pk: `AUTHV#${userId}`, sk: `FAM#${familyId}` }),
  openid: (openid: string) => ({ pk: `OPENID#${openid}`, sk: 'USER' }),
  refreshToken: (hash: string) => ({ pk: `REFRESH#${hash}`, sk: 'REFRESH' }),
  /** the organisation tree is small and read whole: one item collection */
  unit: (unitId: string) => ({ pk: 'UNITS', sk: `UNIT#${unitId}` }),
  inviteCode: (code: string) => ({ pk: `INVITE#${code}`, sk: 'INVITE' }),
  bindingRequest: (communityId: string, userId: string) => ({ pk: `COMMUNITY#${communityId}`, sk: `BINDREQ#${userId}` }),
  /** a bound resident, on their resident grant, by name: the community's list, and their grid's (`-`: the binding names no grid) */
  residentOfCommunity: (communityId: string, name: string, userId: string) => ({ gsi3pk: `RESIDENTS#${communityId}`, gsi3sk: `${name}#${userId}` }),
  residentOfGrid: (communityId: string, gridId: string | undefined, name: string, userId: string) => ({ gsi2pk: `RESGRID#${communityId}#${gridId ?? '-'}`, gsi2sk: `${name}#${userId}` }),
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
  /** the outbox by the time each record is next due: a record backing off (or claimed by a sender) moves out of the way */
  outboxDue: (shard: number, dueAt: string, id: string) => ({ gsi1pk: `OUTBOXDUE#${shard}`, gsi1sk: `${dueAt}#${id}` }),
  /** a work item (platform/work.ts), written in the transaction of the change it finishes; its queue is its capability */
  workItem: (queue: string, id: string) => ({ pk: `WORK#${queue}#${id}`, sk: 'WORK' }),
  /** a queue's work items by the time each is next due */
  workItemDue: (queue: string, dueAt: string, id: string) => ({ gsi1pk: `WORKDUE#${queue}`, gsi1sk: `${dueAt}#${id}` }),
  /** what the outbox and the workers gave up on, newest last: operators read it (GET /admin/dead-letters) */
  deadLetter: (failedAt: string, id: string) => ({ pk: 'DEADLETTERS', sk: `${failedAt}#${id}` }),
  /** a work-summary figure counter (platform/figures.ts): one per community, China month and ledger, its figures as
   * attributes, added in the transaction of each change the ledger counts */
  figure: (communityId: string, month: string, ledger: string) => ({ pk: `FIG#${communityId}`, sk: `${month}#${ledger}` }),
  /** the same counters summed for the sub-district, in the same transactions: a sub-district's summary is one query */
  figureOfSubdistrict: (subdistrictId: string, month: string, ledger: string) => ({ pk: `FIGSD#${subdistrictId}`, sk: `${month}#${ledger}` }),
  idempotency: (userId: string, key: string) => ({ pk: `IDEMP#${userId}#${key}`, sk: 'IDEMP' }),
  /** a rate limit's counter (platform/rateLimits.ts): one per subject (`u#<user>`, `c#<community>`), rule and fixed
   * window, counted by a conditional ADD and gone by TTL after its window */
  rateCounter: (subject: string, rule: string, window: number) => ({ pk: `RATE#${subject}`, sk: `${rule}#${window}` }),

  // --- fiveLists: a five-list matter lives in its matter's item collection (`MATTER#m`), beside the say-it day matter
  // and its seconds, so the detail page (matter, seconds, history, ratings, watchers) is one query ---
  fiveListMatter: (matterId: string) => ({ pk: `MATTER#${matterId}`, sk: 'FL' }),
  /** one entry per transition, sorted by the matter's version after it (versions are unique: each write is conditional on the one before) */
  fiveListHistory: (matterId: string, version: number) => ({ pk: `MATTER#${matterId}`, sk: `FLHIST#${String(version).padStart(6, '0')}` }),
  /** people carried over from a merged duplicate (`from`: they may rate, like seconders) and residents who watch (`watching`: told only) */
  fiveListWatcher: (matterId: string, userId: string) => ({ pk: `MATTER#${matterId}`, sk: `FLWATCH#${userId}` }),
  fiveListRating: (matterId: string, round: number, userId: string) => ({ pk: `MATTER#${matterId}`, sk: `FLRATE#${round}#${userId}` }),
  /** written once per matter and step deadline: the overdue job's idempotency */
  fiveListEscalation: (matterId: string, step: string, deadlineAt: string) => ({ pk: `MATTER#${matterId}`, sk: `FLESC#${step}#${deadlineAt}` }),
  /** the sub-district's lists by state, soonest deadline first (dispatch board, review queue, overdue job) */
  fiveListByState: (subdistrictId: string, state: string, deadlineAt: string, matterId: string) => ({ gsi1pk: `FLSTATE#${subdistrictId}#${state}`, gsi1sk: `${deadlineAt}#${matterId}` }),
  /** a partner unit's matters, by state then deadline */
  fiveListByUnit: (unitId: string, state: string, deadlineAt: string, matterId: string) => ({ gsi2pk: `FLUNIT#${unitId}`, gsi2sk: `${state}#${deadlineAt}#${matterId}` }),
  fiveListOnBoard: (communityId: string, createdAt: string, matterId: string) => ({ gsi3pk: `FLBOARD#${communityId}`, gsi3sk: `${createdAt}#${matterId}` }),
  /** the score ledger: one entry per matter confirmed to a unit, one partition per sub-district and year */
  unitScoreEntry: (subdistrictId: string, year: number, unitId: string, matterId: string) => ({ pk: `FLSCORE#${subdistrictId}#${year}`, sk: `${unitId}#${matterId}` }),
  council: (communityId: string, councilId: string) => ({ pk: `COMMUNITY#${communityId}`, sk: `COUNCIL#${councilId}` }),
  /** a community's councils counted (all, and published), in each council's own writes: the list's implementation rate */
  councilTotals: (communityId: string) => ({ pk: `COMMUNITY#${communityId}`, sk: 'COUNCILTOTALS' }),
  consultation: (consultationId: string) => ({ pk: `CONSULT#${consultationId}`, sk: 'CONSULT' }),
  consultationOfUnit: (unitId: string, createdAt: string, consultationId: string) => ({ gsi1pk: `CONSULTS#${unitId}`, gsi1sk: `${createdAt}#${consultationId}` }),
  /** one per resident: put only where absent, or changed over the option read */
  consultationVote: (consultationId: string, userId: string) => ({ pk: `CONSULT#${consultationId}`, sk: `VOTE#${userId}` }),
  consultationComment: (consultationId: string, commentId: string) => ({ pk: `CONSULT#${consultationId}`, sk: `COMMENT#${commentId}` }),
  /** a person's comments (gsi2): what closing the account pseudonymises */
  consultationCommentByAuthor: (userId: string, consultationId: string, commentId: string) => ({ gsi2pk: `COMMENTBY#${userId}`, gsi2sk: `${consultationId}#${commentId}` }),
  notificationDedupe: (dedupeKey: string) => ({ pk: `NOTIFIED#${dedupeKey}`, sk: 'NOTIFIED' }),

  // --- signups (functions/signups/README.md): a place (a shift or an event) is its own partition, so the counter of a
  // popular event is one hot key of its own, never a table-wide one ---
  /** the counter and policy of a place: capacity, free, waiting, the waitlist's sequence and head */
  place: (placeId: string) => ({ pk: `PLACE#${placeId}`, sk: 'COUNTER' }),
  reservation: (placeId: string, userId: string) => ({ pk: `PLACE#${placeId}`, sk: `RES#${userId}` }),
  /** a person's reservations, soonest first */
  reservationByHolder: (userId: string, endsAt: string, placeId: string) => ({ gsi1pk: `HOLDER#${userId}`, gsi1sk: `${endsAt}#${placeId}` }),
  /** the waitlist in strict order: positions come from the counter's sequence */
  waitlistEntry: (placeId: string, position: number) => ({ pk: `PLACE#${placeId}`, sk: `WAIT#${String(position).padStart(9, '0')}` }),
  /** an event's first check-in at the door (the work summary counts the event held once): put only where absent */
  placeAttended: (placeId: string) => ({ pk: `PLACE#${placeId}`, sk: 'ATTENDED' }),
  volunteer: (userId: string) => ({ pk: `USER#${userId}`, sk: 'VOLUNTEER' }),
  /** a volunteer by the phone number WeChat vouched for: how a team leader finds whom to add */
  volunteerByPhone: (phone: string) => ({ pk: `VOLPHONE#${phone}`, sk: 'VOLUNTEER' }),
  team: (teamId: string) => ({ pk: `TEAM#${teamId}`, sk: 'TEAM' }),
  teamByUnit: (unitId: string, teamId: string) => ({ gsi1pk: `TEAMS#${unitId}`, gsi1sk: teamId }),
  teamMember: (teamId: string, userId: string) => ({ pk: `TEAM#${teamId}`, sk: `MEMBER#${userId}` }),
  /** the teams a person is on (gsi2): what closing the account pseudonymises */
  teamMemberByUser: (userId: string, teamId: string) => ({ gsi2pk: `MEMBEROF#${userId}`, gsi2sk: teamId }),
  activity: (activityId: string) => ({ pk: `ACTIVITY#${activityId}`, sk: 'ACTIVITY' }),
  activityByUnit: (unitId: string, lastEndsAt: string, activityId: string) => ({ gsi1pk: `ACTIVITIES#${unitId}`, gsi1sk: `${lastEndsAt}#${activityId}` }),
  event: (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'EVENT' }),
  eventByUnit: (unitId: string, endsAt: string, eventId: string) => ({ gsi1pk: `EVENTS#${unitId}`, gsi1sk: `${endsAt}#${eventId}` }),
  /** events by their day in China: the day-before reminder */
  eventByDay: (date: string, eventId: string) => ({ gsi2pk: `EVENTDAY#${date}`, gsi2sk: eventId }),
  /** one entry per volunteer and shift: confirming twice cannot count twice */
  hoursEntry: (userId: string, servedOn: string, shiftId: string) => ({ pk: `HOURS#${userId}`, sk: `ENTRY#${servedOn}#${shiftId}` }),
  hoursTotal: (userId: string) => ({ pk: `HOURS#${userId}`, sk: 'TOTAL' }),
  certificate: (serial: string) => ({ pk: `CERT#${serial}`, sk: 'CERT' }),
  timeBankSettings: (subdistrictId: string) => ({ pk: `TBSET#${subdistrictId}`, sk: 'SETTINGS' }),
  /** the balance is kept by a condition (never below zero); every movement is an entry beside it */
  timeBankAccount: (userId: string) => ({ pk: `TBACCT#${userId}`, sk: 'BALANCE' }),
  timeBankEntry: (userId: string, at: string, id: string) => ({ pk: `TBACCT#${userId}`, sk: `ENTRY#${at}#${id}` }),
  /** a sub-district's grants of a month: the total against the allotment, and one entry per grant (配发台账) */
  timeGrantMonth: (subdistrictId: string, month: string) => ({ pk: `TBGRANT#${subdistrictId}#${month}`, sk: 'TOTAL' }),
  timeGrant: (subdistrictId: string, month: string, at: string, id: string) => ({ pk: `TBGRANT#${subdistrictId}#${month}`, sk: `GRANT#${at}#${id}` }),
  helpRequest: (requestId: string) => ({ pk: `HELPREQ#${requestId}`, sk: 'HELPREQ' }),
  helpRequestByCommunity: (communityId: string, at: string, requestId: string) => ({ gsi1pk: `HELPREQS#${communityId}`, gsi1sk: `${at}#${requestId}` }),
  /** a person's help requests as the one asking (gsi2) and as the helper (gsi3): what closing the account pseudonymises */
  helpRequestByRequester: (userId: string, requestId: string) => ({ gsi2pk: `HELPREQBY#${userId}`, gsi2sk: requestId }),
  helpRequestByHelper: (userId: string, requestId: string) => ({ gsi3pk: `HELPREQHELPER#${userId}`, gsi3sk: requestId }),
  // --- relief (functions/relief/README.md): an application is its own item collection (the application, its sealed
  // sensitive part, consent, history, audit of full reads). No key or index ever holds an ID number: where one must be
  // found again (one active application per person and type, the household), it is an HMAC of it (platform/crypto.ts) ---
  reliefApplication: (appId: string) => ({ pk: `RAPP#${appId}`, sk: 'APP' }),
  /** the encrypted part, apart so that lists and the queue index never carry it */
  reliefSealed: (appId: string) => ({ pk: `RAPP#${appId}`, sk: 'SEALED' }),
  reliefConsent: (appId: string) => ({ pk: `RAPP#${appId}`, sk: 'CONSENT' }),
  reliefHistory: (appId: string, version: number) => ({ pk: `RAPP#${appId}`, sk: `HIST#${String(version).padStart(6, '0')}` }),
  reliefAudit: (appId: string, at: string, auditId: string) => ({ pk: `RAPP#${appId}`, sk: `AUDIT#${at}#${auditId}` }),
  /** a closed file by community and the time it closed (its retention starts), on the application item once decided: gsi1 is the queue's only while it waits */
  reliefClosed: (communityId: string, closedAt: string, appId: string) => ({ gsi1pk: `RCLOSED#${communityId}`, gsi1sk: `${closedAt}#${appId}` }),
  /** every full read in a community, newest first */
  reliefAuditByCommunity: (communityId: string, at: string, auditId: string) => ({ gsi1pk: `RAUDIT#${communityId}`, gsi1sk: `${at}#${auditId}` }),
  /** the household's applications: the owner is the resident, also when a grid worker filed it */
  reliefByOwner: (userId: string, createdAt: string, appId: string) => ({ gsi2pk: `RAPPS#${userId}`, gsi2sk: `${createdAt}#${appId}` }),
  /** the review queue of a level's unit, longest waiting first; present only while the application waits there */
  reliefQueue: (level: string, unitId: string, waitingSince: string, appId: string) => ({ gsi1pk: `RQUEUE#${level}#${unitId}`, gsi1sk: `${waitingSince}#${appId}` }),
  reliefByGrid: (gridId: string, createdAt: string, appId: string) => ({ gsi3pk: `RGRID#${gridId}`, gsi3sk: `${createdAt}#${appId}` }),
  /** one active application per person and type: put only where absent, deleted when the application ends */
  reliefActive: (type: string, personHash: string) => ({ pk: `RACTIVE#${type}#${personHash}`, sk: 'ACTIVE' }),
  reliefRules: (subdistrictId: string) => ({ pk: `RRULES#${subdistrictId}`, sk: 'RULES' }),
  /** an approved case that is paid: the monthly batch reads a community's cases of a type */
  reliefCase: (communityId: string, type: string, householdId: string) => ({ pk: `RCASES#${communityId}`, sk: `${type}#${householdId}` }),
  /** public notice of approved dibao, by the last day shown */
  reliefNotice: (communityId: string, until: string, appId: string) => ({ pk: `RNOTICE#${communityId}`, sk: `${until}#${appId}` }),
  /** one payment of one type to one household for one period: put only where absent */
  disbursement: (communityId: string, period: string, type: string, householdId: string) => ({ pk: `RDISB#${communityId}#${period}`, sk: `${type}#${householdId}` }),
  /** a payments import (its state and counts) and, beside it, its checked rows in parts the relief worker writes from */
  reliefImport: (importId: string) => ({ pk: `RIMPORT#${importId}`, sk: 'IMPORT' }),
  reliefImportPart: (importId: string, part: number) => ({ pk: `RIMPORT#${importId}`, sk: `PART#${String(part).padStart(4, '0')}` }),
  /** the figures' counters, per community, month and type, written in each payment's transaction */
  reliefFigure: (communityId: string, period: string, type: string) => ({ pk: `RFIG#${communityId}`, sk: `${period}#${type}` }),
  /** the same counters summed for a sub-district, in the same transactions: its figures are one query */
  reliefFigureOfSubdistrict: (subdistrictId: string, period: string, type: string) => ({ pk: `RFIGSD#${subdistrictId}`, sk: `${period}#${type}` }),
  registryEntry: (communityId: string, householdId: string) => ({ pk: `RREG#${communityId}`, sk: `HH#${householdId}` }),
  /** an audited full read of a registry household's sealed ID number (the registry list reads `HH#` only) */
  registryAudit: (communityId: string, householdId: string, at: string, auditId: string) => ({ pk: `RREG#${communityId}`, sk: `AUDIT#${householdId}#${at}#${auditId}` }),
  registryByGrid: (gridId: string, householdId: string) => ({ gsi1pk: `RREGGRID#${gridId}`, gsi1sk: householdId }),
  /** the monthly screening's run marker: once per community and month */
  screeningRun: (communityId: string, month: string) => ({ pk: `RREG#${communityId}`, sk: `SCREEN#${month}` }),
  mustVisit: (visitId: string) => ({ pk: `MVISIT#${visitId}`, sk: 'MVISIT' }),
  mustVisitLog: (visitId: string, at: string, logId: string) => ({ pk: `MVISIT#${visitId}`, sk: `LOG#${at}#${logId}` }),
  mustVisitByCommunity: (communityId: string, status: string, deadlineAt: string, visitId: string) => ({ gsi1pk: `MVISITS#${communityId}`, gsi1sk: `${status}#${deadlineAt}#${visitId}` }),
  pairing: (communityId: string, householdId: string, userId: string) => ({ pk: `RREG#${communityId}`, sk: `PAIR#${householdId}#${userId}` }),
  pairingVisit: (communityId: string, householdId: string, userId: string, at: string, logId: string) => ({ pk: `RREG#${communityId}`, sk: `PAIRVISIT#${householdId}#${userId}#${at}#${logId}` }),
  /** a registry household's must-visits, their logs, its pairings and their visits, on gsi2: the household page is one query */
  reliefHousehold: (communityId: string, householdId: string, sk: string) => ({ gsi2pk: `RHH#${communityId}#${householdId}`, gsi2sk: sk }),
  /** a paired person's index of their pairings, written with the pairing */
  pairingOfUser: (userId: string, communityId: string, householdId: string) => ({ pk: `RPAIRS#${userId}`, sk: `PAIR#${communityId}#${householdId}` }),

  // --- announcements (functions/announcements/README.md): an announcement and its read markers are one item
  // collection; residents find them through their audience's partition (gsi1), staff through the unit's (gsi2) ---
  announcement: (announcementId: string) => ({ pk: `ANN#${announcementId}`, sk: 'ANN' }),
  /** one per resident who opened it: put only where absent, with the announcement's readCount + 1 in one transaction */
  announcementRead: (announcementId: string, userId: string) => ({ pk: `ANN#${announcementId}`, sk: `READ#${userId}` }),
  /** published ones by audience (`SD#sd`, `C#c`, `G#g`, `B#c#<building>`), pinned above the rest, newest last (read backwards) */
  announcementTo: (audienceKey: string, orderKey: string) => ({ gsi1pk: `ANNTO#${audienceKey}`, gsi1sk: orderKey }),
  /** all of a community's (its grids' and buildings' too), or the sub-district's own, whatever their state, by creation */
  announcementOfUnit: (unitId: string, createdAt: string, announcementId: string) => ({ gsi2pk: `ANNUNIT#${unitId}`, gsi2sk: `${createdAt}#${announcementId}` }),
  /** waiting to be published or to have its residents told, by due time: the publish job's queue (one small partition) */
  announcementDue: (dueAt: string, announcementId: string) => ({ gsi3pk: 'ANNDUE', gsi3sk: `${dueAt}#${announcementId}` }),
  /** a resident's building and whether they are told of new announcements, in their community's partition (the fan-out reads it) */
  announcementSettings: (communityId: string, userId: string) => ({ pk: `ANNSUB#${communityId}`, sk: `USER#${userId}` }),

  // --- elderCare (functions/elderCare/README.md): a slot is a place on the sign-ups engine (`PLACE#p`) beside its own
  // record; a booking is its own item, found by the elder (gsi1), the provider's day (gsi2) and, once served, the
  // community's month (gsi3, the recount); a help request by its escalation time while nobody has acknowledged it ---
  elderMenu: (subdistrictId: string) => ({ pk: `ELDMENU#${subdistrictId}`, sk: 'MENU' }),
  elderProvider: (providerId: string) => ({ pk: `ELDPROV#${providerId}`, sk: 'PROVIDER' }),
  elderProviderOfCommunity: (communityId: string, providerId: string) => ({ gsi1pk: `ELDPROVS#${communityId}`, gsi1sk: providerId }),
  /** the providers a partner unit's contacts serve */
  elderProviderOfUnit: (unitId: string, providerId: string) => ({ gsi2pk: `ELDPROVU#${unitId}`, gsi2sk: providerId }),
  elderSlot: (slotId: string) => ({ pk: `ELDSLOT#${slotId}`, sk: 'SLOT' }),
  elderSlotOfCommunity: (communityId: string, cutoffAt: string, slotId: string) => ({ gsi1pk: `ELDSLOTS#${communityId}`, gsi1sk: `${cutoffAt}#${slotId}` }),
  elderBooking: (slotId: string, elderId: string) => ({ pk: `ELDBOOK#${slotId}#${elderId}`, sk: 'BOOKING' }),
  elderBookingOfElder: (elderId: string, startsAt: string, slotId: string) => ({ gsi1pk: `ELDBOOKS#${elderId}`, gsi1sk: `${startsAt}#${slotId}` }),
  elderBookingOfProvider: (providerId: string, startsAt: string, slotId: string, elderId: string) => ({ gsi2pk: `ELDPDAY#${providerId}`, gsi2sk: `${startsAt}#${slotId}#${elderId}` }),
  elderServedOfCommunity: (communityId: string, servedAt: string, slotId: string, elderId: string) => ({ gsi3pk: `ELDSERVED#${communityId}`, gsi3sk: `${servedAt}#${slotId}#${elderId}` }),
  /** an elder's birth year (never a full birth date) */
  elderProfile: (userId: string) => ({ pk: `ELDER#${userId}`, sk: 'PROFILE' }),
  /** a family link in the elder's partition; the family member's own list through gsi1 */
  elderFamily: (elderId: string, familyId: string) => ({ pk: `ELDER#${elderId}`, sk: `FAMILY#${familyId}` }),
  elderFamilyOf: (familyId: string, elderId: string) => ({ gsi1pk: `ELDFAMOF#${familyId}`, gsi1sk: elderId }),
  elderFamilyCode: (code: string) => ({ pk: `ELDCODE#${code}`, sk: 'CODE' }),
  emergency: (emergencyId: string) => ({ pk: `ELDSOS#${emergencyId}`, sk: 'SOS' }),
  /** open and not acknowledged, by the time it escalates: the escalation job's queue (one small partition) */
  emergencyDue: (escalateAt: string, emergencyId: string) => ({ gsi1pk: 'ELDSOSDUE', gsi1sk: `${escalateAt}#${emergencyId}` }),
  emergencyOfCommunity: (communityId: string, createdAt: string, emergencyId: string) => ({ gsi2pk: `ELDSOSC#${communityId}`, gsi2sk: `${createdAt}#${emergencyId}` }),

  // --- employment (functions/employment/README.md): a community's seekers, vacancies, referrals and trainings are one
  // partition, each kind under its own sort-key prefix, newest last (ids are time-sorted) ---
  jobSeeker: (communityId: string, seekerId: string) => ({ pk: `EMP#${communityId}`, sk: `SEEKER#${seekerId}` }),
  vacancy: (communityId: string, vacancyId: string) => ({ pk: `EMP#${communityId}`, sk: `VACANCY#${vacancyId}` }),
  referral: (communityId: string, referralId: string) => ({ pk: `EMP#${communityId}`, sk: `REFERRAL#${referralId}` }),
  training: (communityId: string, trainingId: string) => ({ pk: `EMP#${communityId}`, sk: `TRAINING#${trainingId}` }),

  // --- microProjects (functions/microProjects/README.md): a community's projects and their spending entries are one
  // partition, the community's public accounts; the sub-district's officers find every project through gsi1 ---
  microProject: (communityId: string, projectId: string) => ({ pk: `MPROJ#${communityId}`, sk: `PROJECT#${projectId}` }),
  microProjectOfSubdistrict: (subdistrictId: string, createdAt: string, projectId: string) => ({ gsi1pk: `MPROJSD#${subdistrictId}`, gsi1sk: `${createdAt}#${projectId}` }),
  spending: (communityId: string, projectId: string, spendingId: string) => ({ pk: `MPROJ#${communityId}`, sk: `SPEND#${projectId}#${spendingId}` }),

  // --- safety (functions/safety/README.md): a site and its inspections are one item collection; a safety case (a
  // hazard, an illegal-building report) and its history another; a shop and its agreements a third ---
  safetySite: (siteId: string) => ({ pk: `SITE#${siteId}`, sk: 'SITE' }),
  /** a community's sites by type and name */
  safetySiteOfCommunity: (communityId: string, type: string, name: string, siteId: string) => ({ gsi1pk: `SITES#${communityId}`, gsi1sk: `${type}#${name}#${siteId}` }),
  safetyInspection: (siteId: string, at: string, inspectionId: string) => ({ pk: `SITE#${siteId}`, sk: `INSP#${at}#${inspectionId}` }),
  /** a community's inspections by time (the recount, the records behind the figures) */
  safetyInspectionOfCommunity: (communityId: string, at: string, inspectionId: string) => ({ gsi1pk: `INSPS#${communityId}`, gsi1sk: `${at}#${inspectionId}` }),
  safetyCase: (caseId: string) => ({ pk: `SCASE#${caseId}`, sk: 'CASE' }),
  safetyCaseHistory: (caseId: string, version: number) => ({ pk: `SCASE#${caseId}`, sk: `HIST#${String(version).padStart(6, '0')}` }),
  /** a community's cases of a kind: open ones first ('0'), by deadline (or report time), then closed ones */
  safetyCaseOfCommunity: (communityId: string, kind: string, open: boolean, sortAt: string, caseId: string) => ({
    gsi1pk: `SCASES#${communityId}#${kind}`,
    gsi1sk: `${open ? '0' : '1'}#${sortAt}#${caseId}`,
  }),
  /** a site's hazards, for its page */
  safetyCaseOfSite: (siteId: string, caseId: string) => ({ gsi2pk: `SITEHAZ#${siteId}`, gsi2sk: caseId }),
  shop: (shopId: string) => ({ pk: `SHOP#${shopId}`, sk: 'SHOP' }),
  shopOfCommunity: (communityId: string, name: string, shopId: string) => ({ gsi1pk: `SHOPS#${communityId}`, gsi1sk: `${name}#${shopId}` }),
  /** one per shop and year: put only where absent */
  shopAgreement: (shopId: string, year: number) => ({ pk: `SHOP#${shopId}`, sk: `AGREE#${year}` }),
  /** a community's agreements of a year: the shops page is two queries */
  shopAgreementOfYear: (communityId: string, year: number, shopId: string) => ({ gsi1pk: `AGREES#${communityId}#${year}`, gsi1sk: shopId }),

  // --- cases (functions/cases/README.md): a case, its sealed parties, its history and the audit of full reads are one
  // item collection; communities list theirs through gsi1, the sub-district's open ones (backlog) through gsi2, a
  // handler's through gsi3. No key or index holds a party's name or phone ---
  caseItem: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CASE' }),
  /** the sealed parties (names, phone numbers), apart so that lists never carry them */
  caseSealed: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'SEALED' }),
  /** one entry per transition, sorted by the case's version after it */
  caseHistory: (caseId: string, version: number) => ({ pk: `CASE#${caseId}`, sk: `HIST#${String(version).padStart(6, '0')}` }),
  caseAudit: (caseId: string, at: string, auditId: string) => ({ pk: `CASE#${caseId}`, sk: `AUDIT#${at}#${auditId}` }),
  /** a community's cases of a kind by the time raised (the list, the records behind the figures, the recount) */
  caseOfCommunity: (communityId: string, kind: string, createdAt: string, caseId: string) => ({ gsi1pk: `CASES#${communityId}#${kind}`, gsi1sk: `${createdAt}#${caseId}` }),
  /** open cases of a kind in a sub-district, oldest first: present only while open (the backlog, 积案督办) */
  caseOpenOfSubdistrict: (subdistrictId: string, kind: string, createdAt: string, caseId: string) => ({ gsi2pk: `CASEOPEN#${subdistrictId}#${kind}`, gsi2sk: `${createdAt}#${caseId}` }),
  /** a handler's cases: open ones first ('0'), by step deadline, then closed ones */
  caseOfHandler: (userId: string, open: boolean, sortAt: string, caseId: string) => ({ gsi3pk: `CASEHANDLER#${userId}`, gsi3sk: `${open ? '0' : '1'}#${sortAt}#${caseId}` }),
  /** the city system's ticket number, unique in a sub-district: put only where absent, with the case */
  caseTicket: (subdistrictId: string, ticketNo: string) => ({ pk: `CASETICKET#${subdistrictId}#${ticketNo}`, sk: 'TICKET' }),
  /** a hotline import (its state and counts) and its checked rows in parts, written by the work worker chunk by chunk */
  caseImport: (importId: string) => ({ pk: `CASEIMP#${importId}`, sk: 'IMPORT' }),
  caseImportPart: (importId: string, part: number) => ({ pk: `CASEIMP#${importId}`, sk: `PART#${String(part).padStart(4, '0')}` }),
};

export const outboxShards = 4;

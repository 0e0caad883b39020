import { text } from '../../../shared/notifications/texts';
import type { Matter, MinutesInput, RecordOutcomeInput, Session } from '../../../shared/sayItDay/schemas';
import { can } from '../../../shared/org/permissions';
import type { UserCtx } from '../../platform/context';
import { ConditionFailed, type TxWrite } from '../../platform/db';
import { ConflictError, ForbiddenError, UnprocessableError } from '../../platform/errors';
import { keys } from '../../platform/keys';
import { notificationWrites } from '../../platform/notify';
import { ports } from '../../ports';
import { parseSessionId } from '../../../shared/sayItDay/schedule';
import { chinaDay, chinaInstant } from '../../../shared/platform/chinaTime';
import { sessionFigures } from '../../../shared/sayItDay/figures';
import { figureAdds } from '../../platform/figures';
import * as store from '../store';
import { matterView, readableMatter, readableSession, scopeOf } from './view';

/** A community worker (or an officer) hosts the session on a phone: start, minutes, an outcome per matter, close. */

async function hostedSession(ctx: UserCtx, sessionId: string): Promise<Session> {
  const session = await readableSession(ctx, sessionId);
  if (!can.runSession(ctx.principal, scopeOf(session))) throw new ForbiddenError();
  return session;
}

async function updateSession(ctx: UserCtx, session: Session, spec: Parameters<UserCtx['db']['update']>[1], onFail: (old?: Record<string, unknown>) => never): Promise<Session> {
  try {
    return store.toSession(await ctx.db.update(keys.session(session.communityId, session.date), { ...spec, add: { ...spec.add, version: 1 } }));
  } catch (e) {
    if (e instanceof ConditionFailed) onFail(e.item);
    throw e;
  }
}

export async function startSession(ctx: UserCtx, sessionId: string): Promise<Session> {
  const session = await hostedSession(ctx, sessionId);
  return updateSession(
    ctx,
    session,
    {
      set: { state: 'inProgress', startedAt: ctx.clock.now().toISOString(), hostId: ctx.principal.userId, hostName: ctx.principal.displayName ?? '' },
      if: { expr: '#state = :scheduled', values: { ':scheduled': 'scheduled' } },
    },
    () => {
      throw new ConflictError('SESSION_ALREADY_STARTED');
    },
  );
}

export async function putMinutes(ctx: UserCtx, sessionId: string, input: MinutesInput): Promise<Session> {
  const session = await hostedSession(ctx, sessionId);
  return updateSession(
    ctx,
    session,
    {
      set: { attendance: input.attendance, minutes: input.minutes },
      if: { expr: '#state = :inProgress AND #version = :v', values: { ':inProgress': 'inProgress', ':v': input.version } },
    },
    (old) => {
      if (old && old.state === 'inProgress') throw new ConflictError('STALE_VERSION');
      throw new ConflictError('SESSION_NOT_IN_PROGRESS');
    },
  );
}

const outcomeWords = { solvedOnSpot: '当场解决', toFiveLists: '转入五单', notAccepted: '不予受理' } as const;

/** Records (or corrects, while the session runs) what became of a matter, and tells its author in the same write. */
export async function recordOutcome(ctx: UserCtx, matterId: string, input: RecordOutcomeInput): Promise<Matter> {
  const matter = await readableMatter(ctx, matterId);
  if (!can.runSession(ctx.principal, scopeOf(matter))) throw new ForbiddenError();
  if (input.kind === 'notAccepted' && !input.reason) throw new UnprocessableError('OUTCOME_REASON_REQUIRED');
  if (matter.status === 'withdrawn') throw new ConflictError('MATTER_WITHDRAWN');
  const now = ctx.clock.now().toISOString();
  const outcome = { kind: input.kind, note: input.note, reason: input.reason, recordedBy: ctx.principal.userId, recordedAt: now };
  const updated = { ...matter, status: input.kind, outcome, updatedAt: now, version: matter.version + 1 };
  const short = matter.text.length > 18 ? `${matter.text.slice(0, 18)}…` : matter.text;
  // the session's key is in the matter's session id: no read needed
  const sessionKey = keys.session(matter.communityId, parseSessionId(matter.sessionId)!.date);
  // the session first: a session no longer running is the answer, whatever else failed
  await ctx.db.transact([
    { check: sessionKey, if: { expr: '#state = :inProgress', values: { ':inProgress': 'inProgress' } }, fails: 'SESSION_NOT_IN_PROGRESS' },
    {
      update: keys.matter(matter.id),
      spec: {
        set: { status: input.kind, outcome, updatedAt: now },
        add: { version: 1 },
        if: { expr: '#version = :v AND #status <> :withdrawn', values: { ':v': matter.version, ':withdrawn': 'withdrawn' } },
      },
      fails: 'STALE_VERSION',
    },
    ...notificationWrites(ctx, {
      userId: matter.authorId,
      template: 'matterOutcome',
      text: text('sayItDay.outcome', { matter: short, kind: input.kind, note: input.reason || input.note || undefined }),
      link: `/packages/sayItDay/matter/index?id=${matter.id}`,
      data: { thing1: short.slice(0, 20), phrase2: outcomeWords[input.kind], date3: chinaDay(now) },
    }),
    // into the five lists in the same write (or back out, while nobody has acted on it yet)
    ...[
      ...(input.kind === 'toFiveLists' && matter.status !== 'toFiveLists'
        ? ports.fiveListsIntake.collectWrites(ctx, matter, { userId: ctx.principal.userId, name: ctx.principal.displayName ?? '' }, { note: input.note })
        : []),
      ...(input.kind !== 'toFiveLists' && matter.status === 'toFiveLists' ? ports.fiveListsIntake.uncollectWrites(matter.id) : []),
    ].map((w): TxWrite => ({ ...w, fails: 'CASE_WRONG_STATE' })),
  ]);
  return matterView(ctx, updated, ctx.principal);
}

/** Closes the session once every matter still standing has an outcome; the summary counts are kept on it. */
export async function closeSession(ctx: UserCtx, sessionId: string): Promise<Session> {
  const session = await hostedSession(ctx, sessionId);
  if (session.state !== 'inProgress') throw new ConflictError('SESSION_NOT_IN_PROGRESS');
  const matters = await store.listMattersOfSession(ctx.db, sessionId);
  const open = matters.filter((m) => m.status === 'submitted');
  if (open.length) throw new ConflictError('MATTERS_WITHOUT_OUTCOME', { matterIds: open.map((m) => m.id) });
  const count = (s: string) => matters.filter((m) => m.status === s).length;
  const summary = { solvedOnSpot: count('solvedOnSpot'), toFiveLists: count('toFiveLists'), notAccepted: count('notAccepted'), withdrawn: count('withdrawn') };
  const closedAt = ctx.clock.now().toISOString();
  // the work summary's counters ride in the close's transaction, in the month of the session's date: a retried close
  // fails the state condition and adds nothing
  await ctx.db.transact([
    {
      update: keys.session(session.communityId, session.date),
      spec: { set: { state: 'closed', closedAt, summary }, add: { version: 1 }, if: { expr: '#state = :inProgress', values: { ':inProgress': 'inProgress' } } },
      fails: new ConflictError('SESSION_NOT_IN_PROGRESS'),
    },
    ...figureAdds(session, chinaInstant(session.date), 'sayItDay', sessionFigures(session, matters.map((m) => m.status))),
  ]);
  return { ...session, state: 'closed', closedAt, summary, version: session.version + 1 };
}

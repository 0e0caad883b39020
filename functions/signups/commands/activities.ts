import { text } from '../../../shared/notifications/texts';
import { chinaDateTime } from '../../../shared/platform/chinaTime';
import { cancelCutoffAt, resizeRefusal } from '../../../shared/signups/reservation';
import { canOrganize, canSee } from '../../../shared/signups/permissions';
import type { Activity, ActivityDetail, CreateActivityInput, EditActivityInput } from '../../../shared/signups/schemas';
import type { UserCtx } from '../../platform/context';
import type { TxWrite } from '../../platform/db';
import { ApiError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import * as engine from '../reservations';
import { cancelHoldersWrite, changeHoldersWrite } from '../work';
import * as store from '../store';
import { mustBeFuture, reservationView, unitOf } from './common';
import { postingFields } from './postingFields';
import { screenStaffText } from '../../platform/contentSecurity';

async function detail(ctx: UserCtx, a: Activity): Promise<ActivityDetail> {
  const ids = a.shifts.map((s) => s.id);
  const [places, mine] = await Promise.all([engine.getPlaces(ctx, ids), engine.myReservations(ctx, ids, ctx.principal.userId)]);
  return {
    activity: a,
    availability: Object.fromEntries(places.map((p) => [p.id, engine.availabilityOf(p)])),
    mine: mine.filter((r) => r.status !== 'cancelled').map((r) => reservationView(ctx, r)),
    canManage: canOrganize(ctx.principal, a.unitPath),
  };
}

/** An activity this reader may see: drafts only to those who may run it. */
export async function readableActivity(ctx: UserCtx, activityId: string): Promise<Activity> {
  const a = await store.getActivity(ctx, activityId);
  if (!a || !canSee(ctx.principal, a.unitPath)) throw new NotFoundError('activity');
  if (a.state === 'draft' && !canOrganize(ctx.principal, a.unitPath)) throw new NotFoundError('activity');
  return a;
}

async function managedActivity(ctx: UserCtx, activityId: string): Promise<Activity> {
  const a = await readableActivity(ctx, activityId);
  if (!canOrganize(ctx.principal, a.unitPath)) throw new ForbiddenError();
  return a;
}

/** An organizer posts an activity with its shifts, as a draft: each shift is a place of the reservation engine. */
export async function createActivity(ctx: UserCtx, input: CreateActivityInput): Promise<ActivityDetail> {
  const unit = await unitOf(ctx, input.unitId);
  if (!canOrganize(ctx.principal, unit.path)) throw new ForbiddenError();
  const now = ctx.clock.now();
  input.shifts.forEach((s, i) => mustBeFuture(now, s.startsAt, `body.shifts.${i}.startsAt`));
  await screenStaffText(ctx, postingFields(input));
  if (input.teamId) {
    const { team } = await store.getTeamWithRoster(ctx, input.teamId);
    if (!team || !canSee(ctx.principal, team.unitPath)) throw new NotFoundError('team');
  }
  const id = ctx.newId();
  const at = now.toISOString();
  const shifts = [...input.shifts]
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((s, i) => ({ id: store.shiftId(id, i), startsAt: new Date(s.startsAt).toISOString(), endsAt: new Date(s.endsAt).toISOString(), place: s.place, slots: s.slots, requirements: s.requirements }));
  const activity: Activity = {
    id,
    unitId: unit.id,
    unitPath: unit.path,
    title: input.title,
    description: input.description,
    teamId: input.teamId,
    elderToElder: input.elderToElder,
    cancelCutoffHours: input.cancelCutoffHours,
    state: 'draft',
    organizerId: ctx.principal.userId,
    organizerName: ctx.principal.displayName ?? '组织者',
    shifts,
    firstStartsAt: shifts[0]!.startsAt,
    createdAt: at,
    updatedAt: at,
    version: 0,
  };
  const places = shifts.map((s) =>
    engine.newPlace({
      id: s.id,
      kind: 'shift',
      ownerId: id,
      title: activity.title,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      place: s.place,
      unitPath: unit.path,
      organizerId: activity.organizerId,
      teamId: activity.teamId,
      elderToElder: activity.elderToElder,
      state: 'draft',
      capacity: s.slots,
      maxSeats: 1,
      maxCompanions: 0,
      cancelCutoffAt: cancelCutoffAt(s.startsAt, input.cancelCutoffHours),
    }),
  );
  const view: ActivityDetail = {
    activity,
    availability: Object.fromEntries(places.map((p) => [p.id, engine.availabilityOf(p)])),
    mine: [],
    canManage: true,
  };
  return transactCreate(
    ctx,
    [{ put: store.activityItem(activity), if: { expr: 'attribute_not_exists(#pk)' } }, ...places.map((p) => ({ put: engine.placeItem(p), if: { expr: 'attribute_not_exists(#pk)' } }))],
    view,
  );
}

/**
 * What is posted for a community and for its sub-district and not over yet, the soonest to end first, a page at a
 * time: the index sorts by the end of the last shift, so reading from now on finds exactly the activities still
 * running or to come, however many. A page may hold fewer than asked where drafts are hidden; the cursor goes on.
 */
export async function communityActivities(ctx: UserCtx, communityId: string, q: { cursor?: string; limit?: number }): Promise<{ items: Activity[]; cursor?: string }> {
  const unit = await unitOf(ctx, communityId, ['community']);
  if (!canSee(ctx.principal, unit.path)) throw new NotFoundError('community');
  const page = await store.listActivitiesOfUnits(ctx, unit.path, ctx.clock.now().toISOString(), { limit: q.limit ?? 50, cursor: q.cursor });
  const items = page.items.filter((a) => a.state === 'published' || (a.state === 'draft' && canOrganize(ctx.principal, a.unitPath)));
  return { items, cursor: page.cursor };
}

export async function activityDetail(ctx: UserCtx, activityId: string): Promise<ActivityDetail> {
  return detail(ctx, await readableActivity(ctx, activityId));
}

/**
 * Edits within rules: title, description, a shift's place, requirements and slots; never a shift's times (people
 * planned around them). Slots never go below what is taken (a condition); more slots serve the waitlist.
 */
export async function editActivity(ctx: UserCtx, activityId: string, input: EditActivityInput): Promise<ActivityDetail> {
  const a = await managedActivity(ctx, activityId);
  if (a.state === 'cancelled') throw new ConflictError('ACTIVITY_NOT_EDITABLE');
  if (a.version !== input.version) throw new ConflictError('STALE_VERSION');
  await screenStaffText(ctx, postingFields(input));
  const places = new Map((await engine.getPlaces(ctx, a.shifts.map((s) => s.id))).map((p) => [p.id, p]));
  // a transaction may touch a place once: gather each place's changes into one update
  const changes = new Map<string, { set: Record<string, unknown>; delta: number }>();
  const changeOf = (id: string) => {
    if (!changes.has(id)) changes.set(id, { set: {}, delta: 0 });
    return changes.get(id)!;
  };
  const shifts = a.shifts.map((s) => ({ ...s }));
  for (const [i, change] of (input.shifts ?? []).entries()) {
    const shift = shifts.find((s) => s.id === change.id);
    if (!shift) throw new ValidationError([{ path: `body.shifts.${i}.id`, message: 'no such shift' }]);
    if (change.place !== undefined && change.place !== shift.place) changeOf(shift.id).set.place = shift.place = change.place;
    if (change.requirements !== undefined) shift.requirements = change.requirements;
    if (change.slots !== undefined && change.slots !== shift.slots) {
      const refusal = resizeRefusal(places.get(shift.id)?.taken ?? 0, change.slots);
      if (refusal) throw new ApiError(409, refusal);
      changeOf(shift.id).delta = change.slots - shift.slots;
      shift.slots = change.slots;
    }
  }
  if (input.title !== undefined && input.title !== a.title) for (const s of shifts) changeOf(s.id).set.title = input.title;
  const writes: TxWrite[] = [...changes].map(([id, c]) => ({
    update: keys.place(id),
    spec: {
      set: c.set,
      add: c.delta ? { capacity: c.delta, free: c.delta } : undefined,
      // fewer slots: only while that many are free, so what is taken never exceeds the capacity
      if: c.delta < 0 ? { expr: '#free >= :d', values: { ':d': -c.delta } } : { expr: 'attribute_exists(#pk)' },
    },
    fails: 'SLOTS_BELOW_TAKEN',
  }));
  const grown = [...changes].filter(([, c]) => c.delta > 0).map(([id]) => id);
  const updated: Activity = {
    ...a,
    title: input.title ?? a.title,
    description: input.description ?? a.description,
    shifts,
    updatedAt: ctx.clock.now().toISOString(),
    version: a.version + 1,
  };
  // the holders' copies follow a new title or place, and a new place is told (times never change here): by the
  // sign-ups worker, in chunks, from a work item in the edit's own transaction
  const changed = shifts.flatMap((s) => {
    const before = a.shifts.find((x) => x.id === s.id)!;
    const moved = s.place !== before.place;
    if (!moved && updated.title === a.title) return [];
    const tell = moved ? text('signups.shiftMoved', { title: updated.title, startsAt: chinaDateTime(s.startsAt), place: s.place, placeWas: before.place }) : undefined;
    return [{ id: s.id, title: updated.title, place: s.place, startsAt: s.startsAt, endsAt: s.endsAt, tell }];
  });
  const tell = changed.length ? [changeHoldersWrite(ctx, { ref: a.id, places: changed, link: `/packages/signups/activity/index?id=${a.id}` })] : [];
  await ctx.db.transact([{ put: store.activityItem(updated), if: { expr: '#version = :v', values: { ':v': a.version } }, fails: 'STALE_VERSION' }, ...writes, ...tell]);
  for (const id of grown) await engine.settle(ctx, id);
  return detail(ctx, updated);
}

/** Opens the shifts for sign-up. */
export async function publishActivity(ctx: UserCtx, activityId: string): Promise<ActivityDetail> {
  const a = await managedActivity(ctx, activityId);
  if (a.state !== 'draft') throw new ConflictError('ACTIVITY_NOT_DRAFT');
  const updated: Activity = { ...a, state: 'published', updatedAt: ctx.clock.now().toISOString(), version: a.version + 1 };
  // any refusal: the activity or a shift moved since it was read
  await ctx.db.transact(
    [
      { put: store.activityItem(updated), if: { expr: '#version = :v AND #state = :draft', values: { ':v': a.version, ':draft': 'draft' } } },
      ...a.shifts.map((s) => engine.closePlaceWrite(s.id, 'draft', 'open')),
    ].map((w): TxWrite => ({ ...w, fails: 'STALE_VERSION' })),
  );
  return detail(ctx, updated);
}

/**
 * Cancels the activity: its places close at once (no more sign-ups, no promotions) and, in the same transaction, a work
 * item (signups/work.ts) that cancels the reservation of everyone signed up or waiting and tells them, in chunks, each
 * once. A repeat changes nothing.
 */
export async function cancelActivity(ctx: UserCtx, activityId: string, reason: string): Promise<ActivityDetail> {
  const a = await managedActivity(ctx, activityId);
  let current = a;
  if (a.state !== 'cancelled') {
    current = { ...a, state: 'cancelled', cancelReason: reason, updatedAt: ctx.clock.now().toISOString(), version: a.version + 1 };
    // any refusal: the activity moved since it was read, or a shift was cancelled already
    await ctx.db.transact(
      [
        { put: store.activityItem(current), if: { expr: '#version = :v', values: { ':v': a.version } } },
        ...a.shifts.map((s) => engine.closePlaceWrite(s.id, 'any', 'cancelled')),
      ]
        .map((w): TxWrite => ({ ...w, fails: 'STALE_VERSION' }))
        // everyone signed up or waiting is told by the worker, in chunks, however many they are: decided here, with the cancel
        .concat(
          cancelHoldersWrite(ctx, {
            ref: a.id,
            places: a.shifts.map((s) => s.id),
            text: text('signups.activityCancelled', { title: a.title, reason }),
            link: `/packages/signups/activity/index?id=${a.id}`,
          }),
        ),
    );
  }
  return detail(ctx, current);
}


import type { Role } from '../../shared/org/schemas';
import { harness, type Harness, type Person } from './harness';

/**
 * A sign-ups world: the harness, an organizer per community, and helpers that make volunteers, activities and events
 * through the real API.
 */
export const SHIFT_START = '2026-12-10T01:00:00.000Z'; // 09:00 in China
export const SHIFT_END = '2026-12-10T03:00:00.000Z';

export function ok<T = any>(res: { status: number; body: T }, what: string): T {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

let phones = 0;

export async function signupsWorld() {
  const h = await harness();
  const organizer = await h.person('周组织', [['organizer', 'c-a']]);
  const organizerB = await h.person('吴组织', [['organizer', 'c-b']]);
  return { h, organizer, organizerB, ...helpers(h, organizer) };
}

export function helpers(h: Harness, organizer: Person) {
  /** A resident of a community, registered as a volunteer through the WeChat phone-number flow. */
  async function volunteer(name: string, opts: { community?: string; birthDate?: string; roles?: [Role, string][] } = {}): Promise<Person> {
    const p = await h.person(name, [['resident', opts.community ?? 'c-a'], ...(opts.roles ?? [])]);
    const phone = `139${String(++phones).padStart(8, '0')}`;
    ok(await h.api.as(p).put('/me/volunteer', { realName: name, phoneCode: `phone:${phone}`, skills: ['陪伴'], availability: ['weekendDaytime'], birthDate: opts.birthDate }), 'register volunteer');
    return p;
  }

  async function volunteers(n: number, prefix = '志愿者'): Promise<Person[]> {
    return Promise.all(Array.from({ length: n }, (_, i) => volunteer(`${prefix}${i + 1}`)));
  }

  /** A published activity of one shift (or more), by the organizer. */
  async function activity(opts: { slots?: number; shifts?: number; elderToElder?: boolean; teamId?: string; cancelCutoffHours?: number; by?: Person; unitId?: string; publish?: boolean } = {}) {
    const shifts = Array.from({ length: opts.shifts ?? 1 }, (_, i) => ({
      startsAt: new Date(Date.parse(SHIFT_START) + i * 86_400_000).toISOString(),
      endsAt: new Date(Date.parse(SHIFT_END) + i * 86_400_000).toISOString(),
      place: '和平社区党群服务中心',
      slots: opts.slots ?? 5,
    }));
    const created = ok(
      await h.api.as(opts.by ?? organizer).post('/activities', {
        unitId: opts.unitId ?? 'c-a',
        title: '垃圾分类桶边督导',
        description: '周末早上在小区垃圾投放点引导居民分类',
        elderToElder: opts.elderToElder ?? false,
        teamId: opts.teamId,
        cancelCutoffHours: opts.cancelCutoffHours ?? 24,
        shifts,
      }),
      'create activity',
    );
    const detail = opts.publish === false ? created : ok(await h.api.as(opts.by ?? organizer).post(`/activities/${created.activity.id}/publish`), 'publish');
    return { activityId: detail.activity.id as string, shiftIds: detail.activity.shifts.map((s: { id: string }) => s.id) as string[], detail };
  }

  async function event(opts: { capacity?: number; maxCompanions?: number; cancelCutoffHours?: number; minAge?: number; by?: Person } = {}) {
    const body = ok(
      await h.api.as(opts.by ?? organizer).post('/events', {
        unitId: 'c-a',
        title: '迎新年社区文艺汇演',
        description: '居民合唱、戏曲、舞蹈',
        place: '和平社区文化广场',
        startsAt: SHIFT_START,
        endsAt: SHIFT_END,
        capacity: opts.capacity ?? 4,
        maxCompanions: opts.maxCompanions ?? 1,
        cancelCutoffHours: opts.cancelCutoffHours ?? 2,
        minAge: opts.minAge,
      }),
      'create event',
    );
    return body.event.id as string;
  }

  async function inbox(p: Person): Promise<{ template: string; title: string; body: string }[]> {
    return ok(await h.api.as(p).get('/me/inbox?limit=100'), 'inbox').items;
  }

  return { volunteer, volunteers, activity, event, inbox };
}

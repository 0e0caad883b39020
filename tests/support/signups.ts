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

/**
 * Reads back a PDF as the writer in functions/signups/pdf.ts makes it, checking its structure on the way: the header,
 * the trailer and startxref, and that every cross-reference entry points at the byte where its object starts. Answers
 * the objects, the font dictionaries and each page's text (the UTF-16BE hex strings of its Tj operators, decoded).
 */
export function readPdf(buf: Buffer) {
  const s = buf.toString('latin1');
  if (!s.startsWith('%PDF-1.4\n')) throw new Error('header');
  if (!s.trimEnd().endsWith('%%EOF')) throw new Error('no %%EOF');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(s)?.[1]);
  if (!s.startsWith('xref\n', startxref)) throw new Error(`startxref ${startxref} does not point at xref`);
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(s.slice(startxref))!.map(Number) as number[];
  const tableAt = startxref + /^xref\n\d+ \d+\n/.exec(s.slice(startxref))![0].length;
  const entries = Array.from({ length: count! }, (_, i) => s.slice(tableAt + i * 20, tableAt + (i + 1) * 20));
  if (first !== 0 || !entries[0]!.startsWith('0000000000 65535 f')) throw new Error('xref entry 0');
  const objects = new Map<number, string>();
  entries.slice(1).forEach((e, i) => {
    if (!/^\d{10} 00000 n \n$/.test(e)) throw new Error(`xref entry ${i + 1}: ${JSON.stringify(e)}`);
    const at = Number(e.slice(0, 10));
    const head = `${i + 1} 0 obj\n`;
    if (!s.startsWith(head, at)) throw new Error(`object ${i + 1} is not at ${at}`);
    objects.set(i + 1, s.slice(at + head.length, s.indexOf('\nendobj', at)));
  });
  const trailer = s.slice(s.indexOf('trailer', tableAt), startxref > 0 ? s.lastIndexOf('startxref') : undefined);
  if (!trailer.includes('trailer') || !new RegExp(`/Size ${count}\\b`).test(trailer)) throw new Error('trailer /Size');
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const catalog = objects.get(ref(trailer, 'Root'))!;
  const pagesObj = objects.get(ref(catalog, 'Pages'))!;
  const kids = [.../\/Kids \[([^\]]*)\]/.exec(pagesObj)![1]!.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const decode = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  const pages = kids.map((k) => {
    const page = objects.get(k)!;
    const content = objects.get(ref(page, 'Contents'))!;
    const length = Number(/\/Length (\d+)/.exec(content)![1]);
    const stream = content.slice(content.indexOf('stream\n') + 7);
    if (!stream.startsWith(`${stream.slice(0, length)}\nendstream`)) throw new Error(`page ${k}: /Length ${length} does not end at endstream`);
    const fontRef = ref(page, 'F1');
    return { page, font: objects.get(fontRef)!, lines: [...stream.slice(0, length).matchAll(/<([0-9A-F]*)> Tj/g)].map((m) => decode(m[1]!)) };
  });
  return { objects, trailer, pages, text: pages.flatMap((p) => p.lines).join('\n') };
}

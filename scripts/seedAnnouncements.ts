/**
 * Seed data for announcements (issue 13): per community a few from its worker (one pinned, one scheduled for the day
 * after tomorrow, one to a building), one from the sub-district office to everyone, residents who asked to be told
 * and say which building they live in, and a few opened, so `npm start` shows unread ones on 首页 and read counts to staff.
 *
 * Everything goes through the real handlers (`call`, in-process) with the clock moved to when it happened; the publish
 * job then tells those who asked. A marker item is written last: when it is there, the run does nothing.
 */
import { publishAnnouncements } from '../functions/announcements/jobs';
import type { Deps } from '../functions/platform/context';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface AnnouncementsSeedPerson {
  openid: string;
  userId: string;
  communityId?: string;
}

export interface AnnouncementsSeedSummary {
  announcements: number;
  scheduled: number;
  told: number;
  reads: number;
  written: number;
  skipped: number;
}

type Call = (at: Date, method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;

const marker = { pk: 'SEED#announcements', sk: 'DONE' };

const workers: Record<string, string> = { 'c-heping': 'worker-liu', 'c-jinlvzhou': 'worker-wu', 'c-yuanxin': 'worker-zheng' };

export async function seedAnnouncements(opts: {
  deps: Deps;
  now: Date;
  people: AnnouncementsSeedPerson[];
  call: Call;
  tokenFor: (openid: string, at: Date) => string;
  log?: (line: string) => void;
}): Promise<AnnouncementsSeedSummary> {
  const { deps, now, call, tokenFor } = opts;
  const summary: AnnouncementsSeedSummary = { announcements: 0, scheduled: 0, told: 0, reads: 0, written: 0, skipped: 0 };
  if (await deps.db.get(marker)) {
    summary.skipped = 1;
    opts.log?.('announcements: already seeded');
    return summary;
  }
  let n = 0;
  async function as(openid: string, at: Date, method: string, path: string, body?: unknown): Promise<any> {
    const res = await call(at, method, path, tokenFor(openid, new Date(at.getTime() - 60_000)), body, { 'idempotency-key': `seed-ann-${(++n).toString(36).padStart(4, '0')}` });
    if (res.status >= 300) throw new Error(`seed: ${method} ${path} as ${openid} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  // residents who asked to be told, and the building they live in (a few of each community)
  const buildings = ['3号楼', '7号楼', '2号楼'];
  const residents = opts.people.filter((p) => p.communityId && (p.openid.startsWith('resident-') || p.openid.startsWith('r-')));
  await Promise.all(
    residents.map((p, i) => as(p.openid, new Date(now.getTime() - 20 * DAY), 'PUT', '/me/announcement-settings', { building: buildings[i % buildings.length], notify: i % 3 !== 2 })),
  );

  const posted: { id: string; communityId?: string }[] = [];
  async function post(openid: string, daysAgo: number, body: Record<string, unknown>) {
    const a = await as(openid, new Date(now.getTime() - daysAgo * DAY), 'POST', '/announcements', body);
    posted.push({ id: a.id, communityId: a.communityId });
    summary.announcements++;
    if (a.state === 'scheduled') summary.scheduled++;
    return a;
  }
  await post('officer-huang', 6, {
    title: '冬季消防安全提示',
    body: '冬季用火用电增多，请不要在楼道、门厅停放电动车或为其充电，不私拉电线；家中老人独居的，请留下家属联系电话，社区将上门检查燃气报警器。',
    audience: { unitId: 'sd-xx' },
  });
  for (const [communityId, worker] of Object.entries(workers)) {
    await post(worker, 10, {
      title: '社区办公时间与联系电话',
      body: '社区党群服务中心工作日 8:30–17:30 办公，周六上午有人值班。急事请拨打社区值班电话，网格员电话见各楼栋公示栏。',
      audience: { unitId: communityId },
      pinned: true,
    });
    await post(worker, 2, {
      title: '周三上午停水通知',
      body: '因供水管网检修，本周三 9:00–15:00 停水，请提前储水。恢复供水后如水质浑浊，请放水片刻再使用。',
      audience: { unitId: communityId },
    });
    await post(worker, 1, {
      title: '3号楼电梯年检',
      body: '3号楼电梯明天上午进行年度检验，9:00–11:30 暂停使用，行动不便的老人如需帮助请联系网格员。',
      audience: { unitId: communityId, building: '3号楼' },
    });
    await post(worker, 0, {
      title: '下周六社区义诊',
      body: '下周六上午社区卫生服务站医生来社区义诊：量血压、测血糖、用药咨询，请带好医保卡。',
      audience: { unitId: communityId },
      publishAt: new Date(now.getTime() + 2 * DAY + 2 * HOUR).toISOString(),
    });
  }

  // the publish job tells those who asked
  const run = await publishAnnouncements({ ...deps, clock: { now: () => now } });
  summary.told = run.told;

  // a few residents of each community have opened the older ones
  for (const p of residents.filter((_, i) => i % 2 === 0)) {
    for (const a of posted.filter((x) => !x.communityId || x.communityId === p.communityId).slice(0, 2)) {
      const r = await as(p.openid, new Date(now.getTime() - HOUR), 'POST', `/announcements/${a.id}/read`);
      if (r.firstRead) summary.reads++;
    }
  }
  await deps.db.put({ ...marker, at: now.toISOString() });
  summary.written = summary.announcements + residents.length + summary.reads + 1;
  opts.log?.(`announcements: ${summary.announcements} posted (${summary.scheduled} scheduled), ${summary.told} residents told, ${summary.reads} reads`);
  return summary;
}

import { keys } from '../../platform/keys';
import { grantItem } from '../../org/store';
import { watchTransactions } from '../../../tests/support/transactions';
import { drainReliefWork } from '../jobs';
import { dibaoBody, idNumber, ok, reliefWorld, seniorCardBody, type ReliefWorld } from '../../../tests/support/relief';

jest.setTimeout(60_000);

let w: ReliefWorld;
beforeAll(async () => {
  w = await reliefWorld();
});

describe('proxy filing by a grid worker', () => {
  it('files for a resident of the grid, records the signed consent form, and the resident sees it as theirs', async () => {
    // Prepare
    const body = seniorCardBody(w.p.grid, { forUserId: w.p.li.id, gridId: 'g-a1' });
    // Act
    const d = ok(await w.h.api.as(w.p.grid).post('/relief/applications', body), 'proxy create');
    const id = d.application.id;
    const c = ok(
      await w.h.api.as(w.p.grid).post(w.path(id, '/consent'), { method: 'signedForm', textVersion: '2026-11', photoKey: `relief-docs/${w.p.grid.id}/form.jpg`, version: d.application.version }),
      'signed form',
    );
    const s = ok(await w.h.api.as(w.p.grid).post(w.path(id, '/submit'), { version: c.application.version }), 'submit');
    // Assess
    expect(s.application).toMatchObject({ ownerId: w.p.li.id, ownerName: '李建国', proxy: true, filedByName: '张网格', gridId: 'g-a1', status: 'submitted' });
    expect(s.application.consent).toMatchObject({ method: 'signedForm', byName: '张网格', photo: { id: 'form', present: true } });
    const mine = ok(await w.h.api.as(w.p.li).get('/me/relief/applications'), 'mine');
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(ok(await w.h.api.as(w.p.li).get(w.path(id)), 'resident reads').application.proxy).toBe(true);
    expect(ok(await w.h.api.as(w.p.grid).get('/grids/g-a1/relief/applications'), 'grid list').items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('lets the resident confirm the consent in the app instead', async () => {
    const d = ok(await w.h.api.as(w.p.grid).post('/relief/applications', dibaoBody(w.p.grid, { forUserId: w.p.li.id, gridId: 'g-a1' })), 'create');
    // the worker cannot confirm in the resident's name
    const forged = await w.h.api.as(w.p.grid).post(w.path(d.application.id, '/consent'), { method: 'app', textVersion: '2026-11', version: 0 });
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('CONSENT_METHOD_NOT_ALLOWED');
    const c = await w.h.api.as(w.p.li).post(w.path(d.application.id, '/consent'), { method: 'app', textVersion: '2026-11', version: 0 });
    expect(c.status).toBe(200);
    expect(c.body.application.consent).toMatchObject({ method: 'app', byName: '李建国' });
  });

  it('refuses a worker filing in another grid, and a resident of another community', async () => {
    let res = await w.h.api.as(w.p.grid2).post('/relief/applications', seniorCardBody(w.p.grid2, { forUserId: w.p.li.id, gridId: 'g-a1' }));
    expect(res.status).toBe(403);
    res = await w.h.api.as(w.p.grid).post('/relief/applications', seniorCardBody(w.p.grid, { forUserId: w.p.zhao.id, gridId: 'g-a1' }));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('RESIDENT_NOT_IN_GRID');
  });
});

describe('who may read an application', () => {
  it('serves nothing to another household, another grid’s worker or another community’s worker', async () => {
    // Prepare: a proxy application of grid g-a1 for 王秀兰
    const d = ok(await w.h.api.as(w.p.grid).post('/relief/applications', dibaoBody(w.p.grid, { forUserId: w.p.wang.id, gridId: 'g-a1' })), 'create');
    const id = d.application.id;
    for (const who of [w.p.li, w.p.zhao, w.p.grid2, w.p.workerB]) {
      const res = await w.h.api.as(who).get(w.path(id));
      expect({ who: who.displayName, status: res.status }).toEqual({ who: who.displayName, status: 404 });
    }
    for (const who of [w.p.wang, w.p.grid, w.p.worker, w.p.officer]) expect((await w.h.api.as(who).get(w.path(id))).status).toBe(200);
    expect((await w.h.api.as(w.p.grid2).get('/grids/g-a1/relief/applications')).status).toBe(404);
    expect((await w.h.api.as(w.p.workerB).get('/units/c-a/relief/queue')).status).toBe(404);
  });
});

describe('review and the approval chain', () => {
  it('takes dibao through the community, then the sub-district, with a full history', async () => {
    // Prepare
    const s = await w.submitted(w.p.wang, dibaoBody(w.p.wang));
    const id = s.application.id;
    // Act + Assess: the officer cannot decide the community's level, nor the community the sub-district's
    expect((await w.review(w.p.officer, id, 'approve')).status).toBe(403);
    const c = ok(await w.review(w.p.worker, id, 'approve', { note: '入户核查属实' }), 'community');
    expect(c.application).toMatchObject({ status: 'communityApproved', awaiting: 'subdistrict' });
    expect((await w.review(w.p.worker, id, 'approve')).status).toBe(403);
    const queue = ok(await w.h.api.as(w.p.officer).get('/units/sd-t/relief/queue'), 'sd queue');
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(id);
    const f = ok(await w.review(w.p.officer, id, 'approve'), 'sub-district');
    // Assess
    expect(f.application).toMatchObject({ status: 'approved', amount: 2095 });
    expect(f.timeline.map((t: { action: string; level?: string }) => `${t.action}${t.level ? `@${t.level}` : ''}`)).toEqual([
      'draft',
      'consent',
      'submit',
      'approveCommunity@community',
      'approve@subdistrict',
    ]);
    expect(f.timeline[3]).toMatchObject({ byName: '刘芳', note: '入户核查属实' });
    expect(ok(await w.h.api.as(w.p.officer).get('/units/sd-t/relief/queue'), 'sd queue').items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('approves a senior card at the community alone', async () => {
    const s = await w.submitted(w.p.wang, seniorCardBody(w.p.wang, { birth: '1951-03-03' }));
    const a = ok(await w.review(w.p.worker, s.application.id, 'approve'), 'approve');
    expect(a.application.status).toBe('approved');
    expect(a.application.amount).toBeUndefined();
  });

  it('sends an application back for information and takes it again when answered', async () => {
    const s = await w.submitted(w.p.wang, dibaoBody(w.p.wang));
    const id = s.application.id;
    expect((await w.review(w.p.worker, id, 'requestInfo')).body.code).toBe('MISSING_ITEMS_REQUIRED');
    const r = ok(await w.review(w.p.worker, id, 'requestInfo', { note: '请补充近三个月的收入证明', missing: ['收入证明'] }), 'requestInfo');
    expect(r.application).toMatchObject({ status: 'infoRequested', infoRequested: { note: '请补充近三个月的收入证明', missing: ['收入证明'] } });
    // the applicant answers
    const body = dibaoBody(w.p.wang);
    const detail = ok(await w.h.api.as(w.p.wang).get(w.path(id)), 'detail');
    const e = await w.h.api.as(w.p.wang).put(w.path(id), { household: body.household, form: body.form, documents: [...body.documents, { kind: 'incomeProof', key: `relief-docs/${w.p.wang.id}/income2.jpg` }], version: detail.application.version });
    expect(e.status).toBe(200);
    const again = ok(await w.h.api.as(w.p.wang).post(w.path(id, '/submit'), { version: e.body.application.version }), 'resubmit');
    expect(again.application).toMatchObject({ status: 'submitted', awaiting: 'community' });
    expect(again.timeline.map((t: { action: string }) => t.action).slice(-3)).toEqual(['requestInfo', 'edit', 'resubmit']);
  });

  it('needs a reason to reject, and frees the person', async () => {
    const self = idNumber('1958-08-08', '818');
    const s = await w.submitted(w.p.wang, dibaoBody(w.p.wang, { self }));
    expect((await w.review(w.p.worker, s.application.id, 'reject')).body.code).toBe('REASON_REQUIRED');
    const r = ok(await w.review(w.p.worker, s.application.id, 'reject', { note: '家庭人均收入超过低保标准' }), 'reject');
    expect(r.application).toMatchObject({ status: 'rejected', decisionReason: '家庭人均收入超过低保标准' });
    expect((await w.submitted(w.p.wang, dibaoBody(w.p.wang, { self }))).application.status).toBe('submitted');
  });

  it('orders the queue by how long each has waited', async () => {
    const first = await w.submitted(w.p.wang, seniorCardBody(w.p.wang, { birth: '1952-01-01' }));
    w.h.clock.advance(3600_000);
    const second = await w.submitted(w.p.li, seniorCardBody(w.p.li, { birth: '1953-01-01' }));
    w.h.clock.advance(3600_000);
    const q = ok(await w.h.api.as(w.p.worker).get('/units/c-a/relief/queue'), 'queue');
    const ids = q.items.map((i: { id: string }) => i.id);
    expect(ids.indexOf(first.application.id)).toBeLessThan(ids.indexOf(second.application.id));
    const waited = q.items.map((i: { waitingSince: string }) => i.waitingSince);
    expect([...waited].sort()).toEqual(waited);
    expect(q.items.find((i: { id: string }) => i.id === first.application.id).waitedHours).toBe(2);
  });

  it('puts an approved dibao household on the public notice with a masked name and nothing else', async () => {
    await w.approved(w.p.wang, dibaoBody(w.p.wang));
    const res = await w.h.api.as(w.p.li).get('/communities/c-a/relief/public-notice');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toEqual({ name: '王*兰', type: 'dibao', persons: 3, approvedOn: expect.any(String), until: expect.any(String) });
    expect((await w.h.api.as(w.p.zhao).get('/communities/c-a/relief/public-notice')).status).toBe(404);
  });

  it('shows a long public notice whole over two pages, none lost or repeated, the first to come down first', async () => {
    // Prepare: 130 households of community B on notice, coming down on 130 days of the new year
    const until = (n: number) => new Date(Date.UTC(2027, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const notices = Array.from({ length: 130 }, (_, n) => ({
      ...keys.reliefNotice('c-b', until(n), `app-long-${String(n).padStart(3, '0')}`),
      entity: 'reliefNotice',
      name: `张*${n}`,
      type: 'dibao',
      persons: 1 + (n % 4),
      approvedOn: '2026-11-20',
      until: until(n),
    }));
    for (let i = 0; i < notices.length; i += 25) await Promise.all(notices.slice(i, i + 25).map((it) => w.h.deps.db.put(it)));
    // Act
    const names: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const page = ok(await w.h.api.as(w.p.zhao).get(`/communities/c-b/relief/public-notice?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 'notice');
      names.push(...page.items.map((i: { name: string }) => i.name));
      cursor = page.cursor;
      pages++;
    } while (cursor);
    // Assess
    expect(names).toEqual(notices.map((n) => n.name));
    expect(pages).toBe(2);
  });
});

describe('round trips', () => {
  it('submits and reviews in three DynamoDB round trips each, notifications included (the submit reads the registry beside the reviewers)', async () => {
    // Prepare
    const c = await w.consented(w.p.wang, dibaoBody(w.p.wang));
    const id = c.application.id;
    // Act
    const submit = await w.h.api.as(w.p.wang).post(w.path(id, '/submit'), { version: c.application.version });
    const community = await w.h.api.as(w.p.worker).post(w.path(id, '/review'), { decision: 'approve', version: submit.body.application.version });
    const final = await w.h.api.as(w.p.officer).post(w.path(id, '/review'), { decision: 'approve', version: community.body.application.version });
    // Assess: the answers carry the whole timeline all the same
    // the submit's registry read (is this household the owner's, as the registry holds it?) and its rules read (the
    // version in force on the submission day: one query of the sub-district's rules) go with the reviewers' query
    expect([submit, community, final].map((r) => Number(r.headers['x-db-calls']))).toEqual([5, 3, 3]);
    expect(final.body.timeline.map((t: { action: string }) => t.action)).toEqual(['draft', 'consent', 'submit', 'approveCommunity', 'approve']);
  });
});

describe('notifications of review work and decisions', () => {
  type Item = { template: string; title: string; body: string; link?: string };
  const inboxAbout = async (who: ReliefWorld['p'][keyof ReliefWorld['p']], id: string): Promise<Item[]> =>
    ok(await w.h.api.as(who).get('/me/inbox'), 'inbox').items.filter((i: Item) => i.link?.includes(id));

  it("tells the community's workers of a submitted application, and nobody else", async () => {
    // Act
    const s = await w.submitted(w.p.wang, dibaoBody(w.p.wang));
    const id = s.application.id;
    // Assess
    expect(await inboxAbout(w.p.worker, id)).toEqual([expect.objectContaining({ template: 'reliefReview', title: '有新的救助申请待审核', body: '王*兰的低保申请已提交，请及时审核' })]);
    for (const who of [w.p.workerB, w.p.officer, w.p.grid, w.p.grid2, w.p.li, w.p.wang]) expect({ who: who.displayName, items: await inboxAbout(who, id) }).toEqual({ who: who.displayName, items: [] });
  });

  it('tells the officers when the community approves, and the applicant at each decision, with the amount', async () => {
    // Prepare
    const s = await w.submitted(w.p.wang, dibaoBody(w.p.wang));
    const id = s.application.id;
    // Act
    ok(await w.review(w.p.worker, id, 'approve'), 'community');
    // Assess: the officer has new work, the applicant hears of the first level, the community worker who acted nothing new
    expect(await inboxAbout(w.p.officer, id)).toEqual([expect.objectContaining({ template: 'reliefReview', title: '有社区初审通过的申请待审批' })]);
    expect(await inboxAbout(w.p.wang, id)).toEqual([expect.objectContaining({ template: 'reliefDecision', title: '申请已通过社区初审' })]);
    expect((await inboxAbout(w.p.worker, id)).map((i) => i.template)).toEqual(['reliefReview']);
    expect(await inboxAbout(w.p.workerB, id)).toEqual([]);
    // Act: the final approval
    ok(await w.review(w.p.officer, id, 'approve'), 'sub-district');
    // Assess
    const wang = await inboxAbout(w.p.wang, id);
    expect(wang.map((i) => i.title).sort()).toEqual(['申请已批准', '申请已通过社区初审'].sort());
    expect(wang.find((i) => i.title === '申请已批准')!.body).toBe('您的低保申请已批准，每月2095元');
    expect(await inboxAbout(w.p.officer, id)).toHaveLength(1);
    expect(await inboxAbout(w.p.li, id)).toEqual([]);
  });

  it('tells both the resident and the filing worker of a proxy application sent back, then rejected with the reason', async () => {
    // Prepare: 张网格 files for 李建国
    const d = ok(await w.h.api.as(w.p.grid).post('/relief/applications', dibaoBody(w.p.grid, { forUserId: w.p.li.id, gridId: 'g-a1' })), 'proxy create');
    const id = d.application.id;
    const c = ok(await w.h.api.as(w.p.li).post(w.path(id, '/consent'), { method: 'app', textVersion: '2026-11', version: d.application.version }), 'consent');
    ok(await w.h.api.as(w.p.grid).post(w.path(id, '/submit'), { version: c.application.version }), 'submit');
    // Act
    ok(await w.review(w.p.worker, id, 'requestInfo', { note: '请补充残疾证复印件', missing: ['残疾证'] }), 'requestInfo');
    // Assess
    for (const who of [w.p.li, w.p.grid]) expect(await inboxAbout(who, id)).toEqual([expect.objectContaining({ template: 'reliefDecision', body: '您的低保申请需要补充：请补充残疾证复印件' })]);
    expect(await inboxAbout(w.p.grid2, id)).toEqual([]);
    // Act: answered and rejected
    const detail = ok(await w.h.api.as(w.p.grid).get(w.path(id)), 'detail');
    ok(await w.h.api.as(w.p.grid).post(w.path(id, '/submit'), { version: detail.application.version }), 'resubmit');
    ok(await w.review(w.p.worker, id, 'reject', { note: '家庭人均收入超过低保标准' }), 'reject');
    // Assess: the worker heard of the resubmission (new work again), the applicants of the rejection with its reason
    expect((await inboxAbout(w.p.worker, id)).map((i) => i.template)).toEqual(['reliefReview', 'reliefReview']);
    for (const who of [w.p.li, w.p.grid]) {
      const items = await inboxAbout(who, id);
      expect(items.map((i) => i.title).sort()).toEqual(['申请未获批准', '申请需要补充材料'].sort());
      expect(items.find((i) => i.title === '申请未获批准')!.body).toBe('您的低保申请未获批准：家庭人均收入超过低保标准');
    }
    expect(await inboxAbout(w.p.wang, id)).toEqual([]);
  });
});

describe('telling many reviewers', () => {
  it('tells each of 211 officers of a community approval once: 21 in the decision’s transaction, the rest by a work item written in it', async () => {
    // Prepare: a sub-district with 210 more officers than the usual one (past a page of the staff list of 200)
    const v = await reliefWorld();
    const sd = v.h.units.find((u) => u.id === 'sd-t')!;
    const officers = [v.p.officer.id, ...Array.from({ length: 210 }, (_, i) => `u-officer-${i}`)];
    const grants = officers.slice(1).map((u) => ({ put: grantItem(u, 'subdistrictOfficer', sd) }));
    for (let i = 0; i < grants.length; i += 25) await v.h.deps.db.transact(grants.slice(i, i + 25));
    const s = await v.submitted(v.p.wang, dibaoBody(v.p.wang));
    const id = s.application.id as string;
    const told = async (userId: string) =>
      (await v.h.deps.db.query<{ template: string; link?: string }>({ pk: keys.inboxState(userId).pk, prefix: 'INBOX#' })).items.filter((n) => n.template === 'reliefReview' && n.link?.includes(id)).length;
    const tx = watchTransactions(v.h.deps.db.client);
    // Act: the community approves; then the relief worker runs (twice: a re-run tells nobody again)
    ok(await v.review(v.p.worker, id, 'approve'), 'community');
    const byRequest = (await Promise.all(officers.map(told))).reduce((a, b) => a + b, 0);
    const work = await drainReliefWork(v.h.deps);
    const again = await drainReliefWork(v.h.deps);
    tx.stop();
    // Assess: the applicant and 21 officers in the decision's own transaction, the other 190 from its work item
    expect(byRequest).toBe(21);
    expect(work).toMatchObject({ done: 1, failed: 0, deadLettered: 0 });
    expect(again.chunks).toBe(0);
    expect(await Promise.all(officers.map(told))).toEqual(officers.map(() => 1));
    expect(tx.largest()).toBeLessThanOrEqual(100);
  });
});

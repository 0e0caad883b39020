import { signAccessToken } from '../../platform/tokens';
import type { Person } from '../../../tests/support/harness';
import { dibaoBody, idNumber, ok, reliefWorld, seniorCardBody, type ReliefWorld } from '../../../tests/support/relief';

/**
 * Issue 11 item 3 and item 5's second half: separation of duties in review, when the audited reveal may open an
 * application, access that follows the reader's grants as they are now, and the household an application may list
 * (so that the one-active check tells a resident nothing about people outside it).
 */
jest.setTimeout(120_000);

let w: ReliefWorld;
let both: Person; // community worker of c-a and officer of sd-t
let gridAndWorker: Person; // grid worker of g-a1 and community worker of c-a
let workerAtHome: Person; // community worker of c-a who lives there too
beforeAll(async () => {
  w = await reliefWorld();
  both = await w.h.person('吴双岗', [['communityWorker', 'c-a'], ['subdistrictOfficer', 'sd-t']]);
  gridAndWorker = await w.h.person('郑兼职', [['gridWorker', 'g-a1'], ['communityWorker', 'c-a']]);
  workerAtHome = await w.h.person('冯住户', [['resident', 'c-a'], ['communityWorker', 'c-a']]);
});

const confirm = async (who: Person, id: string) => {
  const d = ok(await w.h.api.as(who).get(w.path(id)), 'detail');
  return w.h.api.as(who).post(w.path(id, '/household'), { version: d.application.version });
};
/** A consented draft whose household a worker (刘芳) confirmed, submitted: its locks are taken at the submit. */
const confirmedSubmitted = async (who: Person, body: unknown) => {
  const c = await w.consented(who, body);
  ok(await confirm(w.p.worker, c.application.id), 'confirm household');
  const d = ok(await w.h.api.as(who).get(w.path(c.application.id)), 'detail');
  return w.h.api.as(who).post(w.path(c.application.id, '/submit'), { version: d.application.version });
};
const withoutRequestId = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

describe('separation of duties in review', () => {
  it('refuses the worker who filed an application any decision on it, at its community level, while another worker decides', async () => {
    // Prepare: 郑兼职 (grid worker and community worker) files for 李建国 with the signed form and submits
    const d = ok(await w.h.api.as(gridAndWorker).post('/relief/applications', seniorCardBody(gridAndWorker, { forUserId: w.p.li.id, gridId: 'g-a1', birth: '1949-04-04' })), 'proxy');
    const c = ok(
      await w.h.api.as(gridAndWorker).post(w.path(d.application.id, '/consent'), { method: 'signedForm', textVersion: '2026-11', photoKey: `relief-docs/${gridAndWorker.id}/form.jpg`, version: d.application.version }),
      'signed form',
    );
    const s = ok(await w.h.api.as(gridAndWorker).post(w.path(d.application.id, '/submit'), { version: c.application.version }), 'submit');
    // Act + Assess
    expect(s.actions).not.toContain('review');
    for (const decision of ['approve', 'reject'] as const) {
      const res = await w.review(gridAndWorker, s.application.id, decision, { note: '不符合条件' });
      expect({ decision, status: res.status, code: res.body.code }).toEqual({ decision, status: 403, code: 'REVIEWER_IS_APPLICANT' });
    }
    expect(ok(await w.review(w.p.worker, s.application.id, 'approve'), 'another worker').application.status).toBe('approved');
  });

  it('refuses a worker the application of their own household, as owner and as a member they listed in their own application', async () => {
    // Prepare: 冯住户 applies for herself (her ID number) and is refused her own; then 王秀兰 lists her as spouse
    const mine = idNumber('1950-05-05', '531');
    const own = await confirmedSubmitted(workerAtHome, { ...seniorCardBody(workerAtHome), household: [{ name: '冯住户', relation: 'self', idNumber: mine }] });
    expect(own.status).toBe(200);
    const refused = await w.review(workerAtHome, own.body.application.id, 'approve');
    expect([refused.status, refused.body.code]).toEqual([403, 'REVIEWER_IS_APPLICANT']);
    const body = dibaoBody(w.p.wang, { spouse: mine });
    const theirs = await confirmedSubmitted(w.p.wang, body);
    expect(theirs.status).toBe(200);
    // Act
    const res = await w.review(workerAtHome, theirs.body.application.id, 'reject', { note: '收入超标' });
    // Assess
    expect([res.status, res.body.code]).toEqual([403, 'REVIEWER_IS_APPLICANT']);
    expect(ok(await w.h.api.as(workerAtHome).get(w.path(theirs.body.application.id)), 'detail').actions).not.toContain('review');
    // a worker of no household of it decides
    expect((await w.review(w.p.worker, theirs.body.application.id, 'approve')).status).toBe(200);
  });

  it('refuses the second level to the person who decided the first, and lets another officer decide it', async () => {
    // Prepare
    const s = await w.submitted(w.p.wang, dibaoBody(w.p.wang));
    const id = s.application.id;
    ok(await w.review(both, id, 'approve', { note: '入户核查属实' }), 'first level by 吴双岗');
    // Act
    const res = await w.review(both, id, 'approve');
    // Assess
    expect([res.status, res.body.code]).toEqual([403, 'SAME_REVIEWER_BOTH_LEVELS']);
    expect(ok(await w.h.api.as(both).get(w.path(id)), 'detail').actions).not.toContain('review');
    expect(ok(await w.h.api.as(w.p.officer).get(w.path(id)), 'detail').actions).toContain('review');
    expect(ok(await w.review(w.p.officer, id, 'approve'), 'second level by 黄伟').application.status).toBe('approved');
  });
});

describe('the audited reveal before submission', () => {
  it('is refused to reviewers while the application is a draft, even with consent, and works once it is submitted', async () => {
    // Prepare
    const c = await w.consented(w.p.wang, dibaoBody(w.p.wang));
    const id = c.application.id;
    // Act
    const early = await w.h.api.as(w.p.worker).post(w.path(id, '/reveal'), { reason: '入户核查，核对户籍信息' });
    // Assess
    expect([early.status, early.body.code]).toEqual([409, 'NOT_YET_SUBMITTED']);
    expect(ok(await w.h.api.as(w.p.worker).get(w.path(id, '/audit')), 'audit').items).toEqual([]);
    expect(ok(await w.h.api.as(w.p.worker).get(w.path(id)), 'detail').actions).not.toContain('reveal');
    ok(await w.h.api.as(w.p.wang).post(w.path(id, '/submit'), { version: c.application.version }), 'submit');
    expect((await w.h.api.as(w.p.worker).post(w.path(id, '/reveal'), { reason: '入户核查，核对户籍信息' })).status).toBe(200);
  });

  it('shows the person who typed a draft what they typed (audited), and nobody else of the household', async () => {
    // Prepare: 张网格 types a draft for 王秀兰
    const body = dibaoBody(w.p.grid, { forUserId: w.p.wang.id, gridId: 'g-a1' });
    const d = ok(await w.h.api.as(w.p.grid).post('/relief/applications', body), 'proxy draft');
    const id = d.application.id;
    // Act
    const typist = await w.h.api.as(w.p.grid).post(w.path(id, '/reveal'), { reason: '核对我录入的信息' });
    const owner = await w.h.api.as(w.p.wang).post(w.path(id, '/reveal'), { reason: '我想看看录入的信息' });
    // Assess
    expect(typist.status).toBe(200);
    expect(typist.body.members.map((m: { idNumber: string }) => m.idNumber)).toEqual(body.household.map((m) => m.idNumber));
    expect(owner.status).toBe(403);
    const audit = ok(await w.h.api.as(w.p.worker).get(w.path(id, '/audit')), 'audit');
    expect(audit.items).toEqual([expect.objectContaining({ byId: w.p.grid.id, reason: '核对我录入的信息' })]);
    // once it is submitted, the typist is no reviewer
    const c = ok(await w.h.api.as(w.p.wang).post(w.path(id, '/consent'), { method: 'app', textVersion: '2026-11', version: d.application.version }), 'consent');
    ok(await w.h.api.as(w.p.grid).post(w.path(id, '/submit'), { version: c.application.version }), 'submit');
    expect((await w.h.api.as(w.p.grid).post(w.path(id, '/reveal'), { reason: '核对我录入的信息' })).status).toBe(403);
  });
});

describe('access follows the grants as they are now', () => {
  it('stops a grid worker who filed an application from reading or acting on it once the grid is taken from them', async () => {
    // Prepare: 陈网格 of g-a1 files for 李建国
    const gw = await w.h.person('陈网格', [['gridWorker', 'g-a1']]);
    const d = ok(await w.h.api.as(gw).post('/relief/applications', dibaoBody(gw, { forUserId: w.p.li.id, gridId: 'g-a1' })), 'proxy draft');
    const id = d.application.id;
    expect((await w.h.api.as(gw).get(w.path(id))).status).toBe(200);
    w.h.clock.advance(1000);
    // Act: the admin takes the grid back; the app refreshes the token, which carries the grants as they are now
    ok(await w.h.api.as(w.p.admin).post('/admin/grants/revoke', { userId: gw.id, role: 'gridWorker', unitId: 'g-a1' }), 'revoke');
    w.h.clock.advance(1000);
    const now: Person = { ...gw, grants: [], token: signAccessToken({ userId: gw.id, displayName: gw.displayName, grants: [] }, w.h.deps.config.tokenSecret, w.h.clock.now(), 3600) };
    // Assess
    expect((await w.h.api.as(gw).get(w.path(id))).body.code).toBe('TOKEN_REVOKED');
    expect((await w.h.api.as(now).get(w.path(id))).status).toBe(404);
    const again = dibaoBody(now);
    expect((await w.h.api.as(now).put(w.path(id), { household: again.household, form: again.form, documents: [], version: d.application.version })).status).toBe(404);
    expect((await w.h.api.as(now).post(w.path(id, '/withdraw'), { version: d.application.version })).status).toBe(404);
    expect((await w.h.api.as(now).post(w.path(id, '/reveal'), { reason: '核对我录入的信息' })).status).toBe(404);
    // the resident still has it, and the grid's worker sees it
    expect((await w.h.api.as(w.p.li).get(w.path(id))).status).toBe(200);
    expect((await w.h.api.as(w.p.grid).get(w.path(id))).status).toBe(200);
  });
});

describe('the household an application may list', () => {
  it('gives a resident the same refusal for a stranger listed whether or not the stranger has an application, before any lock is looked at', async () => {
    // Prepare: 王秀兰's household is in the registry (her approved dibao); a stranger has an active application elsewhere
    const self = idNumber('1971-01-11', '611');
    const spouse = idNumber('1969-02-12', '612');
    await w.approved(w.p.wang, dibaoBody(w.p.wang, { self, spouse }));
    const busy = idNumber('1972-03-13', '613');
    expect((await confirmedSubmitted(w.p.li, dibaoBody(w.p.li, { self: idNumber('1973-03-13', '614'), spouse: busy }))).status).toBe(200);
    const idle = idNumber('1972-04-14', '615');
    // Act: she lists each stranger as her spouse in another dibao application
    const answers = [];
    for (const stranger of [busy, idle]) {
      const c = await w.consented(w.p.wang, dibaoBody(w.p.wang, { self, spouse: stranger }));
      const res = await w.h.api.as(w.p.wang).post(w.path(c.application.id, '/submit'), { version: c.application.version });
      answers.push({ status: res.status, body: withoutRequestId(res.body) });
    }
    // Assess
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ status: 422, body: { code: 'MEMBER_NOT_IN_HOUSEHOLD' } });
  });

  it('takes a household the registry does not hold without looking at locks, and the community approval confirms it, named', async () => {
    // Prepare: a stranger with an active application, and one without
    const busy = idNumber('1974-05-15', '621');
    expect((await confirmedSubmitted(w.p.li, dibaoBody(w.p.li, { self: idNumber('1975-05-15', '622'), spouse: busy }))).status).toBe(200);
    const idle = idNumber('1974-06-16', '623');
    // Act: 赵敏's household is not in the registry; she lists each stranger
    const zhaoBody = (spouse: string) => dibaoBody(w.p.zhao, { self: idNumber('1976-07-17', String(624 + Number(spouse === busy))), spouse });
    const submitted = [];
    for (const stranger of [busy, idle]) {
      const c = await w.consented(w.p.zhao, zhaoBody(stranger));
      submitted.push(await w.h.api.as(w.p.zhao).post(w.path(c.application.id, '/submit'), { version: c.application.version }));
    }
    // Assess: the same answer to her; the confirmation is the community's, and it is there that the lock is refused
    expect(submitted.map((r) => [r.status, r.body.application.status, r.body.application.householdConfirmed])).toEqual([
      [200, 'submitted', undefined],
      [200, 'submitted', undefined],
    ]);
    const [withBusy, withIdle] = submitted.map((r) => r.body.application.id as string);
    const refused = await w.review(w.p.workerB, withBusy!, 'approve');
    expect([refused.status, refused.body.code]).toEqual([409, 'ACTIVE_APPLICATION_EXISTS']);
    const approved = ok(await w.review(w.p.workerB, withIdle!, 'approve'), 'community approval');
    expect(approved.application).toMatchObject({ status: 'communityApproved', householdConfirmed: { by: 'worker', byName: '孙丽' } });
  });

  it('lets a worker confirm a registry household with someone new in it, named, and then takes the locks at the submit', async () => {
    // Prepare: 李建国's household is in the registry; a child born since is not
    const self = idNumber('1977-08-18', '631');
    const spouse = idNumber('1978-09-19', '632');
    await w.approved(w.p.li, dibaoBody(w.p.li, { self, spouse }));
    const body = dibaoBody(w.p.li, { self, spouse }); // with a child born since
    const c = await w.consented(w.p.li, body);
    const id = c.application.id;
    const first = await w.h.api.as(w.p.li).post(w.path(id, '/submit'), { version: c.application.version });
    expect([first.status, first.body.code]).toEqual([422, 'MEMBER_NOT_IN_HOUSEHOLD']);
    // the applicant cannot confirm their own household, nor a worker of another community
    expect((await confirm(w.p.li, id)).status).toBe(403);
    expect((await w.h.api.as(w.p.workerB).post(w.path(id, '/household'), { version: c.application.version })).status).toBe(404);
    // Act
    const confirmed = ok(await confirm(w.p.worker, id), 'the community worker confirms');
    const s = ok(await w.h.api.as(w.p.li).post(w.path(id, '/submit'), { version: confirmed.application.version }), 'submit');
    // Assess
    expect(s.application).toMatchObject({ status: 'submitted', householdConfirmed: { by: 'worker', byName: '刘芳' } });
    expect(s.timeline.map((t: { action: string }) => t.action)).toEqual(['draft', 'consent', 'confirmHousehold', 'submit']);
    // the locks are held: the same household again is refused (her own household: nothing about strangers)
    const again = await w.consented(w.p.li, body);
    ok(await confirm(w.p.worker, again.application.id), 'confirmed again');
    const res = await w.h.api.as(w.p.li).post(w.path(again.application.id, '/submit'), { version: again.application.version + 1 });
    expect([res.status, res.body.code]).toEqual([409, 'ACTIVE_APPLICATION_EXISTS']);
  });

  it('confirms a household from the registry at the submit when every member is in it', async () => {
    // Prepare
    const self = idNumber('1979-10-20', '641');
    const spouse = idNumber('1980-11-21', '642');
    const first = await w.approved(w.p.wang, dibaoBody(w.p.wang, { self, spouse }));
    expect(first.application.householdConfirmed).toMatchObject({ by: 'worker', byName: '刘芳' });
    // Act: the same household, another type
    const c = await w.consented(w.p.wang, { ...dibaoBody(w.p.wang, { self, spouse }), household: dibaoBody(w.p.wang, { self, spouse }).household.slice(0, 2) });
    const s = ok(await w.h.api.as(w.p.wang).post(w.path(c.application.id, '/submit'), { version: c.application.version }), 'submit');
    // Assess
    expect(s.application.householdConfirmed).toMatchObject({ by: 'registry' });
  });
});

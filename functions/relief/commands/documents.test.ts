import { keys } from '../../platform/keys';
import { takeBreaches } from '../../platform/cloudRules';
import { dibaoBody, ok, reliefWorld, type ReliefWorld } from '../../../tests/support/relief';
import type { Person } from '../../../tests/support/harness';

jest.setTimeout(90_000);

/**
 * Relief documents are sensitive data (issue 11 item 2): the answers about an application carry no URL and no key; a
 * document is opened one at a time, with a reason, audited, by the reviewers (those who may reveal) or by its uploader
 * while the application is a draft, through a URL that works for 60 s.
 */
let w: ReliefWorld;
beforeAll(async () => {
  w = await reliefWorld();
});

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 7, 7, 7, 7, 0xff, 0xd9]);

/** A document uploaded as the mini-program does: the presigned POST of POST /relief/uploads, then the form. */
async function upload(p: Person): Promise<string> {
  const res = ok(await w.h.api.as(p).post('/relief/uploads', { contentType: 'image/jpeg', size: JPEG.length }), 'upload');
  const form = new FormData();
  for (const [k, v] of Object.entries(res.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([JPEG], { type: 'image/jpeg' }), 'id.jpg');
  const sent = await fetch(res.url, { method: 'POST', body: form });
  expect(sent.status).toBeLessThan(300);
  return res.key as string;
}

const idOf = (key: string) => key.slice(key.lastIndexOf('/') + 1).replace(/\.[a-z]+$/, '');
const view = (p: Person, appId: string, docId: string, reason = '核对身份证与户口本是否一致') => w.h.api.as(p).post(w.path(appId, `/documents/${docId}/view`), { reason });

/** A dibao application of wang's with a real upload as its ID card, submitted with consent. */
async function submittedWithUpload() {
  const key = await upload(w.p.wang);
  const body = dibaoBody(w.p.wang, { seq: String(500 + Math.floor(Math.random() * 400)) });
  body.documents = [{ kind: 'idCard', key }, ...body.documents.filter((d) => d.kind !== 'idCard')];
  const s = await w.submitted(w.p.wang, body);
  return { id: s.application.id as string, key, docId: idOf(key), detail: s };
}

/** A dibao application the grid worker filed for li (grid g-a1) with their own upload, li's consent, submitted. */
async function proxySubmitted() {
  const key = await upload(w.p.grid);
  const body = dibaoBody(w.p.grid, { forUserId: w.p.li.id, gridId: 'g-a1', seq: String(500 + Math.floor(Math.random() * 400)) });
  body.documents = [{ kind: 'idCard', key }, ...body.documents.filter((d) => d.kind !== 'idCard')];
  const d = ok(await w.h.api.as(w.p.grid).post('/relief/applications', body), 'proxy create');
  const c = ok(await w.h.api.as(w.p.li).post(w.path(d.application.id, '/consent'), { method: 'app', textVersion: '2026-11', version: d.application.version }), 'consent');
  ok(await w.h.api.as(w.p.grid).post(w.path(d.application.id, '/submit'), { version: c.application.version }), 'submit');
  return { id: d.application.id as string, key, docId: idOf(key) };
}

describe('an application as answered', () => {
  it('carries each document as its kind, an opaque id and whether it is present: no key, no URL, for every reader', async () => {
    // Prepare
    const { id, docId } = await proxySubmitted();
    // Act
    const answers = await Promise.all([w.p.li, w.p.grid, w.p.worker, w.p.officer].map((p) => w.h.api.as(p).get(w.path(id))));
    // Assess
    for (const res of answers) {
      const a = ok(res, 'detail').application;
      expect(a.documents).toContainEqual({ id: docId, kind: 'idCard', present: true });
      for (const d of a.documents) expect(Object.keys(d).sort()).toEqual(['id', 'kind', 'present']);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/relief-docs\/|X-Amz-|https?:\/\//);
    }
  });

  it('offers the reviewers the documents, and the grid worker and the household after submitting nothing', async () => {
    const { id } = await proxySubmitted();
    const actions = async (p: Person) => ok(await w.h.api.as(p).get(w.path(id)), 'detail').actions as string[];
    expect(await actions(w.p.worker)).toContain('viewDocuments');
    expect(await actions(w.p.officer)).toContain('viewDocuments');
    for (const p of [w.p.grid, w.p.li]) expect(await actions(p)).toEqual(expect.not.arrayContaining(['viewDocuments', 'viewOwnDocuments']));
  });
});

describe('opening a document', () => {
  it('gives a community worker a URL valid for 60 s that opens the file, and audits who, when, why and which', async () => {
    // Prepare
    const { id, docId } = await submittedWithUpload();
    // Act
    const res = await view(w.p.worker, id, docId);
    // Assess
    const opened = ok(res, 'view');
    expect(opened).toMatchObject({ applicationId: id, documentId: docId, kind: 'idCard', expiresAt: new Date(w.h.clock.now().getTime() + 60_000).toISOString() });
    expect(new URL(opened.url).searchParams.get('X-Amz-Expires')).toBe('60');
    const file = await fetch(opened.url);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(JPEG);
    const audit = ok(await w.h.api.as(w.p.officer).get(w.path(id, '/audit')), 'audit').items;
    expect(audit).toContainEqual(expect.objectContaining({ id: opened.auditId, byId: w.p.worker.id, byName: '刘芳', reason: '核对身份证与户口本是否一致', fields: ['document:idCard'], documentId: docId, applicationId: id }));
    // and on the community's audit index, as the reveal's
    const byCommunity = await w.h.deps.db.query<{ id: string }>({ index: 'gsi1', pk: `RAUDIT#c-a` });
    expect(byCommunity.items.map((i) => i.id)).toContain(opened.auditId);
  });

  it('gives a URL that S3 refuses once its 60 s are over', async () => {
    // Prepare: the URL signed 61 s ago (only Date is moved: the request and S3's own clock run as ever)
    const { id, docId } = await submittedWithUpload();
    jest.useFakeTimers({ now: Date.now() - 61_000, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
    let url: string;
    try {
      url = ok(await view(w.p.officer, id, docId), 'view').url;
    } finally {
      jest.useRealTimers();
    }
    // Act
    const file = await fetch(url);
    // Assess
    expect(file.status).toBe(403);
    expect(await file.text()).toMatch(/expired/i);
  });

  it('lets an officer of the sub-district open it, as the reveal', async () => {
    const { id, docId } = await submittedWithUpload();
    expect(ok(await view(w.p.officer, id, docId), 'view').documentId).toBe(docId);
  });

  it('refuses the grid worker of the grid, who may not reveal, with DOCUMENT_NOT_FOR_ROLE in both languages, and writes no audit', async () => {
    // Prepare: the grid worker filed it and uploaded the ID card themselves; it is submitted now
    const { id, docId } = await proxySubmitted();
    // Act
    const res = await view(w.p.grid, id, docId);
    // Assess
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'DOCUMENT_NOT_FOR_ROLE', message: expect.stringMatching(/[\u4e00-\u9fff]/), messageEn: expect.stringMatching(/documents/) });
    expect(JSON.stringify(res.body)).not.toMatch(/X-Amz-|relief-docs\//);
    expect(ok(await w.h.api.as(w.p.worker).get(w.path(id, '/audit')), 'audit').items).toEqual([]);
  });

  it('refuses the household itself once the application is submitted', async () => {
    const { id, docId } = await submittedWithUpload();
    const res = await view(w.p.wang, id, docId);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('DOCUMENT_NOT_FOR_ROLE');
  });

  it('answers 404 to another household and another grid’s worker, for a wrong application and for a wrong document', async () => {
    const { id, docId } = await submittedWithUpload();
    for (const p of [w.p.li, w.p.grid2, w.p.workerB]) expect((await view(p, id, docId)).status).toBe(404);
    expect((await view(w.p.worker, '01zzzzzzzzzzzzzzzzzzzzzzzz', docId)).status).toBe(404);
    const wrongDoc = await view(w.p.worker, id, 'nosuchdocument');
    expect(wrongDoc.status).toBe(404);
    expect(wrongDoc.body.code).toBe('DOCUMENT_NOT_FOUND');
  });

  it('needs a reason', async () => {
    const { id, docId } = await submittedWithUpload();
    const res = await view(w.p.worker, id, docId, '');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
  });

  it('opens the signed paper form of a proxy application to the reviewers, as a document', async () => {
    // Prepare: the grid worker files for li and records the signed form with its photo
    const key = await upload(w.p.grid);
    const d = ok(await w.h.api.as(w.p.grid).post('/relief/applications', dibaoBody(w.p.grid, { forUserId: w.p.li.id, gridId: 'g-a1', seq: '481' })), 'proxy create');
    const c = ok(await w.h.api.as(w.p.grid).post(w.path(d.application.id, '/consent'), { method: 'signedForm', textVersion: '2026-11', photoKey: key, version: d.application.version }), 'signed form');
    const s = ok(await w.h.api.as(w.p.grid).post(w.path(d.application.id, '/submit'), { version: c.application.version }), 'submit');
    expect(s.application.consent.photo).toEqual({ id: idOf(key), present: true });
    // Act
    const res = await view(w.p.worker, d.application.id, idOf(key), '核对纸质同意书签名');
    // Assess
    expect(ok(res, 'view')).toMatchObject({ kind: 'signedConsent', documentId: idOf(key) });
  });
});

describe('a draft', () => {
  it('shows its uploader their own upload, audited too, and nothing more once it is submitted', async () => {
    // Prepare
    const key = await upload(w.p.wang);
    const body = dibaoBody(w.p.wang, { seq: '471' });
    body.documents = [{ kind: 'idCard', key }, ...body.documents.filter((x) => x.kind !== 'idCard')];
    const d = await w.draft(w.p.wang, body);
    expect(d.actions).toContain('viewOwnDocuments');
    // Act
    const mine = await view(w.p.wang, d.application.id, idOf(key), '看看拍得清不清楚');
    // Assess
    expect(mine.status).toBe(200);
    expect(await (await fetch(mine.body.url)).arrayBuffer()).toEqual(JPEG.buffer.slice(JPEG.byteOffset, JPEG.byteOffset + JPEG.length));
    const rows = await w.h.deps.db.query<{ byId: string; documentId: string }>({ pk: keys.reliefApplication(d.application.id).pk, prefix: 'AUDIT#' });
    expect(rows.items).toEqual([expect.objectContaining({ byId: w.p.wang.id, documentId: idOf(key) })]);
    // a reviewer waits for the submission, as for the reveal
    const early = await view(w.p.worker, d.application.id, idOf(key));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('NOT_YET_SUBMITTED');
    // submitted: the household sees it no more
    const c = ok(await w.h.api.as(w.p.wang).post(w.path(d.application.id, '/consent'), { method: 'app', textVersion: '2026-11', version: d.application.version }), 'consent');
    ok(await w.h.api.as(w.p.wang).post(w.path(d.application.id, '/submit'), { version: c.application.version }), 'submit');
    expect((await view(w.p.wang, d.application.id, idOf(key))).status).toBe(403);
  });

  it('keeps a document already attached when an edit names it by its id, and refuses an id it does not have', async () => {
    // Prepare
    const body = dibaoBody(w.p.wang, { seq: '472' });
    const d = await w.draft(w.p.wang, body);
    const attached = d.application.documents.map((x: { id: string; kind: string }) => ({ id: x.id, kind: x.kind }));
    // Act
    const kept = await w.h.api.as(w.p.wang).put(w.path(d.application.id), { household: body.household, form: body.form, documents: attached, version: d.application.version });
    const unknown = await w.h.api.as(w.p.wang).put(w.path(d.application.id), { household: body.household, form: body.form, documents: [{ id: 'notattached', kind: 'idCard' }], version: kept.body.application.version });
    // Assess
    expect(ok(kept, 'edit').application.documents).toEqual(d.application.documents);
    const stored = await w.h.deps.db.get<{ documents: { key: string }[] }>(keys.reliefApplication(d.application.id));
    expect(stored!.documents.map((x) => x.key)).toEqual(body.documents.map((x) => x.key));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('DOCUMENT_NOT_FOUND');
  });

  it('refuses a key under the old prefix as a new document', async () => {
    const body = { ...dibaoBody(w.p.wang, { seq: '473' }), documents: [{ kind: 'idCard', key: `relief/${w.p.wang.id}/old.jpg` }] };
    expect((await w.h.api.as(w.p.wang).post('/relief/applications', body)).status).toBe(400);
  });
});

describe('a document not yet moved to the encrypted prefix', () => {
  it('is answered as not present, and its view says so rather than reading the old prefix', async () => {
    // Prepare: an application written before the move still names relief/<uploader>/…
    const { id } = await submittedWithUpload();
    await w.h.deps.db.update(keys.reliefApplication(id), { set: { documents: [{ kind: 'idCard', key: `relief/${w.p.wang.id}/legacy1.jpg` }] } });
    // Act
    const detail = ok(await w.h.api.as(w.p.worker).get(w.path(id)), 'detail');
    const res = await view(w.p.worker, id, 'legacy1');
    // Assess
    expect(detail.application.documents).toEqual([{ id: 'legacy1', kind: 'idCard', present: false }]);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DOCUMENT_UNAVAILABLE');
    expect(takeBreaches()).toEqual([]);
  });
});

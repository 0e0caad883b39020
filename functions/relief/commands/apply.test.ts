import { badIdNumber, dibaoBody, idNumber, ok, reliefWorld, seniorCardBody, type ReliefWorld } from '../../../tests/support/relief';

jest.setTimeout(60_000);

let w: ReliefWorld;
beforeAll(async () => {
  w = await reliefWorld();
});

describe('applying for my household', () => {
  it('keeps a draft with the household masked, the checks computed and the documents still missing', async () => {
    // Act
    const res = await w.h.api.as(w.p.wang).post('/relief/applications', { ...dibaoBody(w.p.wang, { seq: '301' }), documents: [] });
    // Assess
    expect(res.status).toBe(201);
    const a = res.body.application;
    expect(a).toMatchObject({ type: 'dibao', status: 'draft', ownerName: '王秀兰', proxy: false, persons: 3, chain: ['community', 'subdistrict'] });
    expect(a.household[0]).toMatchObject({ idNumber: expect.stringMatching(/^440305\*{8}\d{3}[\dX]$/), sex: 'male', monthlyIncome: '***', health: '***' });
    expect(a.form.bankAccount).toBe('***************0123');
    expect(a.eligibility).toMatchObject({ eligible: true, suggestedAmount: 2095 });
    expect(a.missingDocuments).toEqual(['idCard', 'householdRegister', 'incomeProof']);
    expect(res.body.actions).toEqual(expect.arrayContaining(['edit', 'submit', 'consent', 'withdraw']));
    expect(res.body.timeline).toEqual([expect.objectContaining({ action: 'draft', to: 'draft', byName: '王秀兰' })]);
  });

  it('refuses an ID number whose check digit is wrong', async () => {
    const body = dibaoBody(w.p.wang, { self: badIdNumber('1970-03-04') });
    const res = await w.h.api.as(w.p.wang).post('/relief/applications', body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(JSON.stringify(res.body)).not.toContain(body.household[0]!.idNumber);
  });

  it('answers the checks of a filled form without saving it', async () => {
    const res = await w.h.api.as(w.p.wang).post('/relief/eligibility', { ...seniorCardBody(w.p.wang, { birth: '1970-01-01' }) });
    expect(res.status).toBe(200);
    expect(res.body.eligible).toBe(false);
    expect(res.body.checks.find((c: { code: string }) => c.code === 'seniorCardAge').ok).toBe(false);
  });

  it('needs the separate consent, then the documents, before it can be submitted', async () => {
    // Prepare
    const d = await w.draft(w.p.wang, { ...dibaoBody(w.p.wang, { seq: '302' }), documents: [] });
    const id = d.application.id;
    // Act + Assess: no consent
    let res = await w.h.api.as(w.p.wang).post(w.path(id, '/submit'), { version: 0 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CONSENT_REQUIRED');
    // an old consent text is refused
    res = await w.h.api.as(w.p.wang).post(w.path(id, '/consent'), { method: 'app', textVersion: '2020-01', version: 0 });
    expect(res.body.code).toBe('CONSENT_VERSION_UNKNOWN');
    const c = ok(await w.h.api.as(w.p.wang).post(w.path(id, '/consent'), { method: 'app', textVersion: '2026-11', version: 0 }), 'consent');
    expect(c.application.consent).toMatchObject({ textVersion: '2026-11', method: 'app', byName: '王秀兰', at: w.h.clock.now().toISOString() });
    res = await w.h.api.as(w.p.wang).post(w.path(id, '/submit'), { version: c.application.version });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('DOCUMENTS_MISSING');
    expect(res.body.details.missing).toEqual(['idCard', 'householdRegister', 'incomeProof']);
    // Act: attach them and submit
    const body = dibaoBody(w.p.wang, { seq: '302' });
    const e = ok(await w.h.api.as(w.p.wang).put(w.path(id), { household: body.household, form: body.form, documents: body.documents, version: c.application.version }), 'edit');
    const s = ok(await w.h.api.as(w.p.wang).post(w.path(id, '/submit'), { version: e.application.version }), 'submit');
    // Assess
    expect(s.application).toMatchObject({ status: 'submitted', awaiting: 'community', missingDocuments: [] });
    expect(s.timeline.map((t: { action: string }) => t.action)).toEqual(['draft', 'consent', 'edit', 'submit']);
  });

  it('refuses a document someone else uploaded', async () => {
    const body = { ...dibaoBody(w.p.wang, { seq: '303' }), documents: [{ kind: 'idCard', key: `relief-docs/${w.p.li.id}/idCard1.jpg` }] };
    const res = await w.h.api.as(w.p.wang).post('/relief/applications', body);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('UPLOAD_NOT_YOURS');
  });

  it('refuses to submit when a computable check fails', async () => {
    const c = await w.consented(w.p.wang, seniorCardBody(w.p.wang, { birth: '1980-01-01' }));
    const res = await w.h.api.as(w.p.wang).post(w.path(c.application.id, '/submit'), { version: c.application.version });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('NOT_ELIGIBLE');
  });

  it('lists my household’s applications and lets me withdraw one', async () => {
    const s = await w.submitted(w.p.wang, dibaoBody(w.p.wang, { seq: '304' }));
    const res = await w.h.api.as(w.p.wang).post(w.path(s.application.id, '/withdraw'), { version: s.application.version });
    expect(res.status).toBe(200);
    expect(res.body.application.status).toBe('withdrawn');
    const mine = ok(await w.h.api.as(w.p.wang).get('/me/relief/applications'), 'mine');
    expect(mine.items.find((i: { id: string }) => i.id === s.application.id)).toMatchObject({ status: 'withdrawn' });
    expect(ok(await w.h.api.as(w.p.worker).get('/units/c-a/relief/queue'), 'queue').items.map((i: { id: string }) => i.id)).not.toContain(s.application.id);
  });

  it('gives the document upload a presigned POST under my own part of the encrypted prefix, its policy pinning SSE-KMS', async () => {
    const res = await w.h.api.as(w.p.wang).post('/relief/uploads', { contentType: 'application/pdf', size: 2048 });
    expect(res.status).toBe(201);
    expect(res.body.key).toMatch(new RegExp(`^relief-docs/${w.p.wang.id}/[a-z0-9]+\\.pdf$`));
    expect(res.body.fields).toMatchObject({ 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id': 'linli-local-relief-key' });
    const policy = JSON.parse(Buffer.from(res.body.fields.Policy, 'base64').toString('utf8')) as { conditions: unknown[] };
    expect(policy.conditions).toEqual(expect.arrayContaining([{ 'x-amz-server-side-encryption': 'aws:kms' }, { 'x-amz-server-side-encryption-aws-kms-key-id': 'linli-local-relief-key' }]));
  });

  it('lists the types with their chains and documents', async () => {
    const res = await w.h.api.as(w.p.wang).get('/relief/types');
    expect(res.body.items).toHaveLength(8);
    expect(res.body.items.find((t: { type: string }) => t.type === 'seniorCard')).toMatchObject({ chain: ['community'], amount: 'none' });
  });
});

describe('one active application per person and type', () => {
  it('submits one of two concurrent applications for the same person, and refuses the other', async () => {
    // Prepare: two drafts with the same applicant
    const self = idNumber('1961-02-03', '411');
    const [a, b] = await Promise.all([w.consented(w.p.wang, dibaoBody(w.p.wang, { self })), w.consented(w.p.wang, dibaoBody(w.p.wang, { self }))]);
    // a worker confirmed each household (the registry holds none of it): the submit then takes the locks
    const confirmed = await Promise.all([a, b].map(async (d) => ok(await w.h.api.as(w.p.worker).post(w.path(d.application.id, '/household'), { version: d.application.version }), 'confirm')));
    // Act
    const res = await Promise.all(confirmed.map((d) => w.h.api.as(w.p.wang).post(w.path(d.application.id, '/submit'), { version: d.application.version })));
    // Assess
    expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(res.find((r) => r.status === 409)!.body.code).toBe('ACTIVE_APPLICATION_EXISTS');
  });

  it('covers every member of a household type: the spouse cannot be in a second dibao application', async () => {
    const spouse = idNumber('1962-02-04', '512');
    // (each household confirmed by a worker: the lock is not looked at for people a resident merely lists)
    const confirm = async (d: { application: { id: string; version: number } }) => ok(await w.h.api.as(w.p.worker).post(w.path(d.application.id, '/household'), { version: d.application.version }), 'confirm');
    const first = await confirm(await w.consented(w.p.wang, dibaoBody(w.p.wang, { self: idNumber('1962-02-03', '511'), spouse })));
    ok(await w.h.api.as(w.p.wang).post(w.path(first.application.id, '/submit'), { version: first.application.version }), 'submit');
    // the same spouse (陈大明) in another household's application
    const other = dibaoBody(w.p.li, { self: idNumber('1963-02-03', '611'), spouse });
    const c = await confirm(await w.consented(w.p.li, other));
    const res = await w.h.api.as(w.p.li).post(w.path(c.application.id, '/submit'), { version: c.application.version });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ACTIVE_APPLICATION_EXISTS');
  });

  it('makes one submission of a submit sent twice at once', async () => {
    const c = await w.consented(w.p.wang, dibaoBody(w.p.wang, { self: idNumber('1964-02-03', '711') }));
    const res = await Promise.all([1, 2, 3].map(() => w.h.api.as(w.p.wang).post(w.path(c.application.id, '/submit'), { version: c.application.version })));
    expect(res.map((r) => r.status)).toEqual([200, 200, 200]);
    const d = ok(await w.h.api.as(w.p.wang).get(w.path(c.application.id)), 'detail');
    expect(d.timeline.filter((t: { action: string }) => t.action === 'submit')).toHaveLength(1);
  });

  it('creates one application when the create is retried with its Idempotency-Key', async () => {
    const body = dibaoBody(w.p.li, { self: idNumber('1965-02-03', '811') });
    const headers = { 'idempotency-key': 'relief-create-0001' };
    const res = await Promise.all([1, 2, 3].map(() => w.h.api.as(w.p.li).post('/relief/applications', body, headers)));
    expect(new Set(res.map((r) => r.body.application.id)).size).toBe(1);
    const mine = ok(await w.h.api.as(w.p.li).get('/me/relief/applications'), 'mine');
    expect(mine.items.filter((i: { id: string }) => i.id === res[0]!.body.application.id)).toHaveLength(1);
  });

  it('frees the person again when the application is withdrawn', async () => {
    const self = idNumber('1966-02-03', '911');
    const s = await w.submitted(w.p.wang, dibaoBody(w.p.wang, { self }));
    ok(await w.h.api.as(w.p.wang).post(w.path(s.application.id, '/withdraw'), { version: s.application.version }), 'withdraw');
    const again = await w.submitted(w.p.wang, dibaoBody(w.p.wang, { self }));
    expect(again.application.status).toBe('submitted');
  });
});

import { fiveListsWorld } from '../../../tests/support/fiveLists';

let w: Awaited<ReturnType<typeof fiveListsWorld>>;

beforeAll(async () => {
  w = await fiveListsWorld();
});

const cityCase = (linkedMatterId: string, communityId = 'c-a') => ({
  kind: 'cityCase',
  communityId,
  category: 'damagedRoad',
  title: '小区东门路面塌陷',
  place: { text: '小区东门' },
  linkedMatterId,
});

describe('linking a five-list matter', () => {
  it('keeps the link of a matter of the same community on the case', async () => {
    // Prepare
    const matterId = await w.collected();
    // Act
    const res = await w.h.api.as(w.p.worker).post('/cases', cityCase(matterId));
    // Assess
    expect(res.status).toBe(201);
    expect(res.body.linkedMatterId).toBe(matterId);
    expect((await w.h.api.as(w.p.worker).get(`/cases/${res.body.id}`)).body.linkedMatterId).toBe(matterId);
  });

  it('refuses a matter that does not exist or belongs to another community', async () => {
    // Prepare
    const matterId = await w.collected('东门路灯不亮');
    const officer = w.p.officer;
    // Act
    const missing = await w.h.api.as(w.p.worker).post('/cases', cityCase('nosuchmatter'));
    const elsewhere = await w.h.api.as(officer).post('/cases', cityCase(matterId, 'c-b'));
    // Assess
    expect([missing.body.code, elsewhere.body.code]).toEqual(['CASE_MATTER_NOT_FOUND', 'CASE_MATTER_NOT_FOUND']);
  });
});

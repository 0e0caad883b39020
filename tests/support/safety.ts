import { checklistOf, type SiteType } from '../../shared/safety/siteTypes';
import type { Harness, Person } from './harness';

/** The safety ledgers' test world on a harness: sites, inspections, shops, reports made through the API. */
export function safetyWorld(h: Harness) {
  let n = 0;
  const key = () => ({ 'idempotency-key': `safety-${Date.now().toString(36)}-${++n}` });
  return {
    async site(by: Person, type: SiteType = 'school', communityId = 'c-a', name = `测试场所${++n}`) {
      const res = await h.api.as(by).post(`/communities/${communityId}/sites`, { type, name, address: '和平路1号' }, key());
      if (res.status !== 201) throw new Error(`site: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    /** every item ok, except `hazards` (item id → note) */
    results(type: SiteType, hazards: Record<string, string> = {}) {
      return checklistOf(type).map((c) => (hazards[c.id] ? { itemId: c.id, ok: false, note: hazards[c.id] } : { itemId: c.id, ok: true }));
    },
    async inspect(by: Person, site: { id: string; type: SiteType }, hazards: Record<string, string> = {}) {
      const res = await h.api.as(by).post(`/sites/${site.id}/inspections`, { results: this.results(site.type, hazards) }, key());
      if (res.status !== 201) throw new Error(`inspect: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async shop(by: Person, communityId = 'c-a', name = `测试店铺${++n}`) {
      const res = await h.api.as(by).post(`/communities/${communityId}/shops`, { name, address: '和平路2号' }, key());
      if (res.status !== 201) throw new Error(`shop: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async report(by: Person, communityId = 'c-a') {
      const photos = [`uploads/${by.id}/wj${++n}.jpg`];
      const res = await h.api.as(by).post(`/communities/${communityId}/illegal-buildings`, { place: '和平路3号楼顶', description: '楼顶加盖彩钢板房', photos }, key());
      if (res.status !== 201) throw new Error(`report: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    photo: (by: Person) => `uploads/${by.id}/p${++n}.jpg`,
    key,
  };
}

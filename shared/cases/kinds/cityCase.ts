import { caseKind } from '../machine';

/**
 * 数字城管 / 政府热线 (12345): a city-management case, raised by a grid worker on patrol or by a resident's report, or a
 * hotline ticket imported from the city system's export with the city's ticket number (unique in a sub-district). The
 * community handles it by the city's deadline (处置率: handled in time / received), replies to the caller and records
 * the caller's satisfaction; an officer follows up the cases left open past 30 days (积案督办).
 * The categories are the city's 5 classes and 18 items (the seed reports' "重点防控5类18项").
 */
export const cityCaseKind = caseKind({
  kind: 'cityCase',
  zh: '数字城管/热线',
  en: 'City case / hotline',
  categoryGroups: [
    { code: 'cityAppearance', zh: '市容环境', en: 'City appearance' },
    { code: 'advertising', zh: '宣传广告', en: 'Advertising' },
    { code: 'construction', zh: '施工管理', en: 'Construction' },
    { code: 'streetOrder', zh: '街面秩序', en: 'Street order' },
    { code: 'emergency', zh: '突发事件', en: 'Emergencies' },
  ],
  categories: [
    { code: 'exposedRubbish', zh: '暴露垃圾', en: 'Exposed rubbish', group: 'cityAppearance' },
    { code: 'dirtyRoad', zh: '道路不洁', en: 'Dirty road', group: 'cityAppearance' },
    { code: 'pilesOfMaterial', zh: '乱堆物堆料', en: 'Piled goods and materials', group: 'cityAppearance' },
    { code: 'brokenStreetLight', zh: '路灯不亮', en: 'Street light out', group: 'cityAppearance' },
    { code: 'illegalFlyers', zh: '非法小广告', en: 'Illegal flyers', group: 'advertising' },
    { code: 'illegalOutdoorAds', zh: '违规户外广告', en: 'Unauthorised outdoor ads', group: 'advertising' },
    { code: 'damagedSigns', zh: '破损广告牌匾', en: 'Damaged signboards', group: 'advertising' },
    { code: 'constructionNoise', zh: '施工扰民', en: 'Construction noise', group: 'construction' },
    { code: 'roadOccupyingWorks', zh: '违规占道施工', en: 'Works blocking the road', group: 'construction' },
    { code: 'spilledSpoil', zh: '渣土撒漏', en: 'Spilled spoil', group: 'construction' },
    { code: 'streetVending', zh: '占道经营', en: 'Street vending', group: 'streetOrder' },
    { code: 'outsideShopTrade', zh: '店外经营', en: 'Trading outside the shop', group: 'streetOrder' },
    { code: 'bikeParking', zh: '非机动车乱停放', en: 'Bikes parked in the way', group: 'streetOrder' },
    { code: 'openAirBarbecue', zh: '露天烧烤', en: 'Open-air barbecue', group: 'streetOrder' },
    { code: 'damagedRoad', zh: '路面破损', en: 'Damaged road surface', group: 'emergency' },
    { code: 'missingManholeCover', zh: '井盖缺失', en: 'Missing manhole cover', group: 'emergency' },
    { code: 'fallenTree', zh: '树木倒伏或树枝过长', en: 'Fallen tree or overgrown branches', group: 'emergency' },
    { code: 'floodedRoad', zh: '道路积水', en: 'Flooded road', group: 'emergency' },
  ],
  initial: 'received',
  states: [
    { state: 'received', zh: '待处置', en: 'Received', open: true, deadline: { days: 1 } },
    { state: 'handling', zh: '处置中', en: 'Handling', open: true, deadline: { days: 5 } },
    { state: 'handled', zh: '已处置', en: 'Handled', open: false },
    { state: 'returned', zh: '已退单', en: 'Returned', open: false },
  ],
  actions: [
    { action: 'assign', zh: '派给处置人', en: 'Assign', from: ['received', 'handling'], to: 'handling', roles: ['communityWorker', 'subdistrictOfficer'], setsHandler: true },
    { action: 'handle', zh: '登记处置结果', en: 'Record the handling', from: ['received', 'handling'], to: 'handled', roles: ['handler', 'communityWorker', 'gridWorker'], needsNote: true, needsOutcome: true },
    { action: 'reply', zh: '回复来电人', en: 'Reply to the caller', from: ['handled'], roles: ['handler', 'communityWorker'], needsReply: true, once: true },
    { action: 'rate', zh: '登记满意度', en: "Record the caller's satisfaction", from: ['handled'], roles: ['handler', 'communityWorker'], needsSatisfaction: true, once: true },
    { action: 'returnTicket', zh: '退单', en: 'Return (not ours)', from: ['received', 'handling'], to: 'returned', roles: ['communityWorker', 'subdistrictOfficer'], needsNote: true },
    { action: 'followUpBacklog', zh: '积案督办', en: 'Follow up the backlog', from: ['received', 'handling'], roles: ['subdistrictOfficer'], needsNote: true },
    { action: 'addNote', zh: '添加记录', en: 'Add a note', from: ['received', 'handling', 'handled'], roles: ['handler', 'communityWorker', 'gridWorker', 'subdistrictOfficer'], needsNote: true },
  ],
  raisedBy: ['gridWorker', 'communityWorker', 'subdistrictOfficer', 'system'],
  fields: { place: 'required', ticketNo: 'optional', sources: ['patrol', 'hotline', 'resident'], deadline: 'optional', linkedMatter: 'optional' },
  defaultDeadline: { days: 5 },
  sensitive: [],
  outcomes: [
    { outcome: 'resolved', zh: '已解决', en: 'Resolved' },
    { outcome: 'explained', zh: '已解释说明', en: 'Explained to the caller' },
    { outcome: 'referred', zh: '已转职能部门', en: 'Referred to the department' },
  ],
  backlogAfterDays: 30,
  ledger: 'cityCases',
  figures(e): Record<string, number> {
    if (e.action === 'raise') {
      const source = e.source ?? 'patrol';
      return { received: 1, receivedPatrol: source === 'patrol' ? 1 : 0, receivedHotline: source === 'hotline' ? 1 : 0, receivedResident: source === 'resident' ? 1 : 0 };
    }
    if (e.action === 'handle') return { handled: 1, handledInTime: e.deadlineAt === undefined || e.at <= e.deadlineAt ? 1 : 0 };
    if (e.action === 'reply') return { replied: 1 };
    if (e.action === 'rate') return { rated: 1, satisfied: e.satisfaction === 'satisfied' ? 1 : 0 };
    if (e.action === 'followUpBacklog') return { backlogFollowedUp: 1 };
    return {};
  },
});

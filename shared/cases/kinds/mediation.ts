import { caseKind } from '../machine';

/**
 * 人民调解: a dispute between parties that a mediator (a community worker the case is assigned to) mediates in dated
 * sessions, concluded with an agreement reached or not, and checked on later (回访). The parties' names and phone
 * numbers are sensitive: sealed, shown masked, recorded only with the consent to record them.
 */
export const mediationKind = caseKind({
  kind: 'mediation',
  zh: '人民调解',
  en: 'Mediation',
  categories: [
    { code: 'neighbours', zh: '邻里纠纷', en: 'Neighbours' },
    { code: 'family', zh: '婚姻家庭纠纷', en: 'Marriage and family' },
    { code: 'property', zh: '物业纠纷', en: 'Property management' },
    { code: 'labour', zh: '劳动争议', en: 'Labour' },
    { code: 'damages', zh: '损害赔偿纠纷', en: 'Damages' },
    { code: 'housing', zh: '房屋宅基地纠纷', en: 'Housing and land' },
    { code: 'debt', zh: '合同债务纠纷', en: 'Contracts and debts' },
    { code: 'other', zh: '其他纠纷', en: 'Other' },
  ],
  initial: 'received',
  states: [
    { state: 'received', zh: '已受理', en: 'Received', open: true, deadline: { days: 3 } },
    { state: 'mediating', zh: '调解中', en: 'Mediating', open: true, deadline: { days: 30 } },
    { state: 'concluded', zh: '已结案', en: 'Concluded', open: false },
    { state: 'withdrawn', zh: '已撤回', en: 'Withdrawn', open: false },
  ],
  actions: [
    { action: 'assign', zh: '指定调解员', en: 'Assign a mediator', from: ['received', 'mediating'], roles: ['communityWorker', 'subdistrictOfficer'], setsHandler: true },
    { action: 'recordSession', zh: '记录调解', en: 'Record a session', from: ['received', 'mediating'], to: 'mediating', roles: ['handler', 'communityWorker'], needsDate: true, needsNote: true },
    { action: 'conclude', zh: '登记调解结果', en: 'Record the outcome', from: ['mediating'], to: 'concluded', roles: ['handler', 'communityWorker'], needsOutcome: true, needsNote: true, setsFollowUp: true },
    { action: 'followUp', zh: '回访', en: 'Follow up', from: ['concluded'], roles: ['handler', 'communityWorker'], needsDate: true, needsNote: true, setsFollowUp: true },
    { action: 'withdraw', zh: '当事人撤回', en: 'Withdrawn by the parties', from: ['received', 'mediating'], to: 'withdrawn', roles: ['handler', 'communityWorker'], needsNote: true },
    { action: 'addNote', zh: '添加记录', en: 'Add a note', from: ['received', 'mediating', 'concluded'], roles: ['handler', 'communityWorker', 'subdistrictOfficer'], needsNote: true },
  ],
  raisedBy: ['gridWorker', 'communityWorker', 'subdistrictOfficer'],
  fields: { parties: 'required', place: 'optional', linkedMatter: 'optional' },
  sensitive: ['partyName', 'partyPhone'],
  outcomes: [
    { outcome: 'agreement', zh: '达成调解协议', en: 'Agreement reached' },
    { outcome: 'noAgreement', zh: '未达成协议', en: 'No agreement' },
  ],
  backlogAfterDays: 30,
  ledger: 'mediation',
  figures(e): Record<string, number> {
    if (e.action === 'raise') return { cases: 1 };
    if (e.action === 'conclude') return { mediated: 1, agreements: e.outcome === 'agreement' ? 1 : 0 };
    if (e.action === 'followUp') return { followUps: 1 };
    return {};
  },
});

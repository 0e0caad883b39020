import { notificationTexts, renderText, TextParamsError, type TextKey } from './texts';

/** One valid set of params per key: a new key without an example fails the first test. */
const examples: Record<TextKey, unknown> = {
  'relief.newWork': { typeZh: '低保', typeEn: 'Minimum living allowance', applicant: '王*兰', level: 'community' },
  'relief.infoRequested': { typeZh: '低保', typeEn: 'Minimum living allowance', note: '请补充收入证明' },
  'relief.communityApproved': { typeZh: '低保', typeEn: 'Minimum living allowance' },
  'relief.approved': { typeZh: '低保', typeEn: 'Minimum living allowance', recurring: true, amount: 2095 },
  'relief.rejected': { typeZh: '低保', typeEn: 'Minimum living allowance', reason: '收入超标' },
  'relief.overdueReview': { typeZh: '低保', typeEn: 'Minimum living allowance', applicant: '王*兰', dueDay: '2026-12-10' },
  'relief.mustVisit': { head: '周*伯', kind: 'hardship', deadlineDay: '2026-12-17' },
  'signups.eventReminder': { title: '社区电影夜', time: '19:00', place: '活动中心', companions: 2 },
  'signups.promoted': { title: '社区电影夜', when: '2026-12-10 19:00', place: '活动中心' },
  'signups.hoursConfirmed': { title: '助老送餐', servedOn: '2026-12-01', hours: 1.5 },
  'signups.eventCancelled': { title: '社区电影夜', reason: '天气原因' },
  'signups.activityCancelled': { title: '助老送餐', reason: '天气原因' },
  'signups.eventChanged': { title: '社区电影夜', place: '二楼', placeWas: '一楼' },
  'signups.shiftMoved': { title: '助老送餐', startsAt: '2026-12-10 09:00', place: '二楼', placeWas: '一楼' },
  'sayItDay.sessionReminder': { community: '阳光社区', date: '2026-12-15', time: '19:30', place: '会议室' },
  'sayItDay.outcome': { matter: '路灯不亮', kind: 'solvedOnSpot' },
  'elderCare.familyRequest': { family: '李明', relation: '儿子' },
  'elderCare.bookingConfirmed': { provider: '幸福助餐', service: '助餐' },
  'elderCare.served': { service: '助餐' },
  'elderCare.emergency': { elder: '张奶奶', where: '3栋2单元', escalatedAfterMinutes: 5 },
  'elderCare.emergencyAcknowledged': {},
  'announcements.published': { title: '停水通知', excerpt: '明天9点至12点停水' },
  'fiveLists.dispatchReturned': { matter: '路灯不亮', note: '不属本单位' },
  'fiveLists.newTask': { matter: '路灯不亮', unit: '市政所' },
  'fiveLists.dispatched': { matter: '路灯不亮', unit: '市政所', followed: false },
  'fiveLists.reviewed': { matter: '路灯不亮', unit: '市政所', followed: true },
  'fiveLists.merged': { matter: '路灯不亮', followed: false },
  'fiveLists.closed': { matter: '路灯不亮', note: '重复', followed: true },
  'fiveLists.claimed': { matter: '路灯不亮', unit: '市政所', followed: false },
  'fiveLists.resolved': { matter: '路灯不亮', unit: '市政所', note: '已更换灯泡', rate: true },
  'fiveLists.extensionRequested': { matter: '路灯不亮', unit: '市政所', until: '2026-12-20', reason: '等配件' },
  'fiveLists.extensionDecided': { matter: '路灯不亮', approved: true, until: '2026-12-20' },
  'fiveLists.reopened': { matter: '路灯不亮' },
  'fiveLists.rated': { matter: '路灯不亮', level: 'partly', stars: 4 },
  'fiveLists.overdue': { matter: '路灯不亮', step: 'claimed', deadline: '2026-12-10' },
  'moderation.hidden': { kind: 'comment', reason: '含有人身攻击' },
  'moderation.restored': { kind: 'matter' },
  'moderation.photoUnverified': { kind: 'matter' },
  'moderation.staffPhotoHeld': { title: '明天停水通知', outcome: 'risky' },
};

describe('notification texts by key', () => {
  it.each(Object.keys(notificationTexts) as TextKey[])('%s renders a Chinese and an English title and body', (key) => {
    const t = renderText({ key, params: examples[key] });
    for (const w of [t.zh.title, t.zh.body, t.en.title, t.en.body]) expect(w.trim().length).toBeGreaterThan(0);
    expect(t.en.title + t.en.body).not.toMatch(/undefined|\[object/);
    // the English says nothing in Chinese of its own: only the params (names, places, notes) may be Chinese
    const own = (t.en.title + t.en.body).replace(new RegExp(Object.values(examples[key] as object).filter((v): v is string => typeof v === 'string').map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '$^', 'g'), '');
    expect(own).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(Object.keys(notificationTexts) as TextKey[])('%s refuses params that are not its own', (key) => {
    expect(() => renderText({ key, params: { ...(examples[key] as object), stray: 1 } })).toThrow(TextParamsError);
    expect(() => renderText({ key, params: 'text' })).toThrow(TextParamsError);
  });

  it('refuses a missing param, a wrong type and an unknown key', () => {
    expect(() => renderText({ key: 'relief.approved', params: { typeZh: '低保', typeEn: 'x', recurring: 'yes' } })).toThrow(TextParamsError);
    expect(() => renderText({ key: 'fiveLists.rated', params: { matter: 'm', level: 'great', stars: 4 } })).toThrow(TextParamsError);
    expect(() => renderText({ key: 'signups.promoted', params: { title: 't', place: 'p' } })).toThrow(TextParamsError);
    expect(() => renderText({ key: 'toString', params: {} })).toThrow(TextParamsError);
    expect(() => renderText({ key: 'nobody.knows', params: {} })).toThrow(TextParamsError);
  });

  it('says the same in both languages where the params decide', () => {
    expect(renderText({ key: 'elderCare.emergency', params: { elder: '张奶奶', where: '3栋' } }).zh.title).toBe('助急求助');
    expect(renderText({ key: 'elderCare.emergency', params: { elder: '张奶奶', where: '3栋', escalatedAfterMinutes: 5 } }).en.title).toContain('Escalated');
    expect(renderText({ key: 'signups.promoted', params: examples['signups.promoted'] }).zh.body).toBe('您已从候补转为正式报名：社区电影夜（2026-12-10 19:00，活动中心）。');
  });
});

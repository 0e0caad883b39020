import { z } from 'zod';

/**
 * What the backend tells people, by key: one table of every notification text. Each entry is a zod schema of its
 * params (plain values: names already masked where the text leaves the app, days, counts, titles) and a pure function
 * of them giving the Chinese and the English. An inbox item stores the key and the params, so it can be rendered
 * again in either language whenever it is read (GET /me/inbox answers both; see README.md, "Texts by key").
 * Pure: no clock, no database, no capability's module.
 */
export interface Words {
  title: string;
  body: string;
}
export interface Rendered {
  zh: Words;
  en: Words;
}

const s = z.string().max(2000);
const day = z.string().min(1).max(40);
const name = z.string().max(100);
const typeNames = { typeZh: z.string().min(1).max(40), typeEn: z.string().min(1).max(80) };

const cut = (x: string, n = 40) => ([...x].length > n ? `${[...x].slice(0, n).join('')}…` : x);
const yuan = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

function entry<S extends z.ZodTypeAny>(params: S, render: (p: z.infer<S>) => Rendered) {
  return { params, render };
}

const mustVisitKinds = {
  hardship: ['生活困难', 'hardship'],
  accidentOrDisaster: ['遭遇意外或灾害', 'an accident or disaster'],
  seriousIllness: ['有人患重病', 'a serious illness'],
  bereavement: ['家中有人去世', 'a bereavement'],
} as const;
const outcomes = { solvedOnSpot: ['当场解决', 'solved on the spot'], toFiveLists: ['转入五单', 'taken into the five lists'], notAccepted: ['不予受理', 'not accepted'] } as const;
const fiveListSteps = {
  collected: ['已收单', 'collected'],
  dispatched: ['已分单', 'dispatched'],
  reviewed: ['已审单', 'reviewed'],
  claimed: ['已领单', 'claimed'],
  resolved: ['已办结', 'resolved'],
  rated: ['已评价', 'rated'],
  returned: ['已退回', 'returned'],
  merged: ['已合并', 'merged'],
  reopened: ['已重启', 'reopened'],
  closed: ['已关闭', 'closed'],
} as const;
const ratingLevels = { satisfied: ['满意', 'satisfied'], partly: ['基本满意', 'partly satisfied'], notSatisfied: ['不满意', 'not satisfied'] } as const;
const contentKinds = { matter: ['事项', 'matter'], comment: ['评论', 'comment'] } as const;
const enumOf = <T extends Record<string, unknown>>(o: T) => z.enum(Object.keys(o) as [keyof T & string, ...(keyof T & string)[]]);

/** a five-list matter's progress, told to its submitter ("your matter") or to one who follows it */
const progress = { matter: s, followed: z.boolean() };
const yours = (followed: boolean) => (followed ? ['您关注的事项', 'A matter you follow'] : ['您的事项', 'Your matter']);

export const notificationTexts = {
  // relief (the names of applicants and heads of household are masked by shared/relief/notices.ts)
  'relief.newWork': entry(z.object({ ...typeNames, applicant: name, level: z.enum(['community', 'subdistrict']) }).strict(), (p) =>
    p.level === 'community'
      ? {
          zh: { title: '有新的救助申请待审核', body: `${p.applicant}的${p.typeZh}申请已提交，请及时审核` },
          en: { title: 'A relief application awaits review', body: `${p.applicant}'s ${p.typeEn} application was submitted` },
        }
      : {
          zh: { title: '有社区初审通过的申请待审批', body: `${p.applicant}的${p.typeZh}申请已通过社区初审，请街道审批` },
          en: { title: 'An application awaits the sub-district', body: `${p.applicant}'s ${p.typeEn} application passed the community review` },
        },
  ),
  'relief.infoRequested': entry(z.object({ ...typeNames, note: s }).strict(), (p) => ({
    zh: { title: '申请需要补充材料', body: `您的${p.typeZh}申请需要补充：${cut(p.note)}` },
    en: { title: 'More information needed', body: `Your ${p.typeEn} application needs: ${cut(p.note)}` },
  })),
  'relief.communityApproved': entry(z.object({ ...typeNames }).strict(), (p) => ({
    zh: { title: '申请已通过社区初审', body: `您的${p.typeZh}申请已通过社区初审，等待街道审批` },
    en: { title: 'Passed the community review', body: `Your ${p.typeEn} application now awaits the sub-district` },
  })),
  'relief.approved': entry(z.object({ ...typeNames, recurring: z.boolean(), amount: z.number().nonnegative().optional() }).strict(), (p) => {
    const zhAmount = p.amount === undefined ? '' : p.recurring ? `，每月${yuan(p.amount)}元` : `，金额${yuan(p.amount)}元`;
    const enAmount = p.amount === undefined ? '' : p.recurring ? `: ¥${yuan(p.amount)} a month` : `: ¥${yuan(p.amount)}`;
    return {
      zh: { title: '申请已批准', body: `您的${p.typeZh}申请已批准${zhAmount}` },
      en: { title: 'Application approved', body: `Your ${p.typeEn} application was approved${enAmount}` },
    };
  }),
  'relief.rejected': entry(z.object({ ...typeNames, reason: s }).strict(), (p) => ({
    zh: { title: '申请未获批准', body: `您的${p.typeZh}申请未获批准：${cut(p.reason)}` },
    en: { title: 'Application not approved', body: `Your ${p.typeEn} application was not approved: ${cut(p.reason)}` },
  })),
  /** to the sub-district's officers when the community's review passed its deadline (escalateOverdueReviews) */
  'relief.overdueReview': entry(z.object({ ...typeNames, applicant: name, dueDay: day }).strict(), (p) => ({
    zh: { title: '有救助申请社区审核超期', body: `${p.applicant}的${p.typeZh}申请社区审核已超过期限（${p.dueDay}），请督办` },
    en: { title: 'A community review is overdue', body: `${p.applicant}'s ${p.typeEn} application passed the community's deadline (${p.dueDay}): please follow up` },
  })),
  'relief.mustVisit': entry(z.object({ head: name, kind: enumOf(mustVisitKinds), deadlineDay: day }).strict(), (p) => ({
    zh: { title: '有一户需要走访', body: `${p.head}家${mustVisitKinds[p.kind][0]}，请在${p.deadlineDay}前走访` },
    en: { title: 'A household to visit', body: `${p.head}'s household: ${mustVisitKinds[p.kind][1]}; visit by ${p.deadlineDay}` },
  })),

  // sign-ups
  'signups.eventReminder': entry(z.object({ title: s, time: day, place: s, companions: z.number().int().min(0) }).strict(), (p) => ({
    zh: { title: `明天 ${p.time}：${p.title}`, body: `${p.title} 明天 ${p.time} 在${p.place}举行，请带好入场凭证${p.companions ? `（同行 ${p.companions} 人）` : ''}。` },
    en: {
      title: `Tomorrow ${p.time}: ${p.title}`,
      body: `${p.title} is tomorrow at ${p.time}, at ${p.place}. Bring your entry pass${p.companions ? ` (with ${p.companions} companion${p.companions > 1 ? 's' : ''})` : ''}.`,
    },
  })),
  'signups.promoted': entry(z.object({ title: s, when: day, place: s }).strict(), (p) => ({
    zh: { title: '候补成功', body: `您已从候补转为正式报名：${p.title}（${p.when}，${p.place}）。` },
    en: { title: 'Off the waitlist', body: `You are now signed up for ${p.title} (${p.when}, ${p.place}).` },
  })),
  'signups.hoursConfirmed': entry(z.object({ title: s, servedOn: day, hours: z.number().nonnegative(), adjustedBecause: s.optional() }).strict(), (p) => ({
    zh: { title: '服务时长已确认', body: `「${p.title}」${p.servedOn} 服务时长 ${p.hours} 小时已记入您的志愿服务记录。${p.adjustedBecause ? `（已调整：${p.adjustedBecause}）` : ''}` },
    en: {
      title: 'Service hours confirmed',
      body: `${p.hours} hour${p.hours === 1 ? '' : 's'} of “${p.title}” on ${p.servedOn} went into your volunteer record.${p.adjustedBecause ? ` (Adjusted: ${p.adjustedBecause})` : ''}`,
    },
  })),
  'signups.eventCancelled': entry(z.object({ title: s, reason: s }).strict(), (p) => ({
    zh: { title: `活动取消：${p.title}`, body: `您报名的「${p.title}」已取消。原因：${p.reason}` },
    en: { title: `Cancelled: ${p.title}`, body: `“${p.title}”, which you signed up for, is cancelled. Reason: ${p.reason}` },
  })),
  'signups.activityCancelled': entry(z.object({ title: s, reason: s }).strict(), (p) => ({
    zh: { title: `志愿活动取消：${p.title}`, body: `您报名的「${p.title}」已取消。原因：${p.reason}` },
    en: { title: `Volunteer activity cancelled: ${p.title}`, body: `“${p.title}”, which you signed up for, is cancelled. Reason: ${p.reason}` },
  })),
  /** an event's new time and/or place (the old ones beside them) */
  'signups.eventChanged': entry(z.object({ title: s, startsAt: day.optional(), startsAtWas: day.optional(), place: s.optional(), placeWas: s.optional() }).strict(), (p) => {
    const zh = [p.startsAt ? `时间改为 ${p.startsAt}（原 ${p.startsAtWas ?? ''}）` : '', p.place ? `地点改为 ${p.place}（原 ${p.placeWas ?? ''}）` : ''].filter(Boolean).join('，');
    const en = [p.startsAt ? `now starts ${p.startsAt} (was ${p.startsAtWas ?? ''})` : '', p.place ? `is now at ${p.place} (was ${p.placeWas ?? ''})` : ''].filter(Boolean).join(' and ');
    return {
      zh: { title: `活动变更：${p.title}`, body: `您报名的「${p.title}」${zh}。如不能参加，请在报名页取消，把名额让给候补的邻居。` },
      en: { title: `Changed: ${p.title}`, body: `“${p.title}”, which you signed up for, ${en}. If you cannot come, cancel on its page so a neighbour on the waitlist gets your place.` },
    };
  }),
  'signups.shiftMoved': entry(z.object({ title: s, startsAt: day, place: s, placeWas: s }).strict(), (p) => ({
    zh: { title: `活动变更：${p.title}`, body: `「${p.title}」${p.startsAt} 的班次地点改为：${p.place}（原：${p.placeWas}）。` },
    en: { title: `Changed: ${p.title}`, body: `The ${p.startsAt} shift of “${p.title}” is now at ${p.place} (was ${p.placeWas}).` },
  })),

  // say-it day
  'sayItDay.sessionReminder': entry(z.object({ community: s, date: day, time: day, place: s }).strict(), (p) => ({
    zh: { title: `明天 ${p.time} 是说事日`, body: `${p.community}说事会 ${p.date} ${p.time}，地点：${p.place}。有事请在截止前提交。` },
    en: { title: `Say-it day tomorrow at ${p.time}`, body: `${p.community} say-it day session, ${p.date} ${p.time}, at ${p.place}. Submit your matters before the deadline.` },
  })),
  'sayItDay.outcome': entry(z.object({ matter: s, kind: enumOf(outcomes), note: s.optional() }).strict(), (p) => ({
    zh: { title: `您的说事有了结果：${outcomes[p.kind][0]}`, body: `「${p.matter}」${outcomes[p.kind][0]}${p.note ? `：${p.note}` : ''}` },
    en: { title: `Your matter: ${outcomes[p.kind][1]}`, body: `“${p.matter}”: ${outcomes[p.kind][1]}${p.note ? `: ${p.note}` : ''}` },
  })),

  // elder care
  'elderCare.familyRequest': entry(z.object({ family: name, relation: name }).strict(), (p) => ({
    zh: { title: '家属绑定申请', body: `${p.family}（${p.relation}）申请绑定为您的家属，可代您预约服务、接收助急提醒。请在“为老服务”中确认。` },
    en: {
      title: 'A family link request',
      body: `${p.family} (${p.relation}) asks to be linked as your family, to book services for you and hear of your emergency calls. Confirm it in Elder care.`,
    },
  })),
  'elderCare.bookingConfirmed': entry(z.object({ provider: name, service: s }).strict(), (p) => ({
    zh: { title: '服务已确认', body: `${p.provider}已确认您的${p.service}预约。` },
    en: { title: 'Booking confirmed', body: `${p.provider} confirmed your booking of ${p.service}.` },
  })),
  'elderCare.served': entry(z.object({ service: s }).strict(), (p) => ({
    zh: { title: '服务已完成', body: `${p.service}已完成，欢迎评价。` },
    en: { title: 'Service done', body: `${p.service} is done. You are welcome to rate it.` },
  })),
  /** to family and staff; escalatedAfterMinutes when nobody answered in time */
  'elderCare.emergency': entry(z.object({ elder: name, where: s, escalatedAfterMinutes: z.number().int().positive().optional() }).strict(), (p) => ({
    zh: {
      title: p.escalatedAfterMinutes ? '【升级】助急求助无人响应' : '助急求助',
      body: `${p.elder}发出助急求助（${p.where}）。${p.escalatedAfterMinutes ? `已${p.escalatedAfterMinutes}分钟无人响应，` : ''}请尽快联系并点击“我来处理”。`,
    },
    en: {
      title: p.escalatedAfterMinutes ? '[Escalated] An emergency call nobody answered' : 'Emergency call',
      body: `${p.elder} called for help (${p.where}). ${p.escalatedAfterMinutes ? `Nobody answered for ${p.escalatedAfterMinutes} minutes. ` : ''}Please get in touch at once and tap “I'll handle it”.`,
    },
  })),
  'elderCare.emergencyAcknowledged': entry(z.object({ by: name.optional() }).strict(), (p) => ({
    zh: { title: '已有人响应您的求助', body: `${p.by || '工作人员'}正在处理您的助急求助。` },
    en: { title: 'Someone answered your call', body: `${p.by || 'A staff member'} is handling your emergency call.` },
  })),

  // announcements: their title and excerpt are the author's words, in the language they were written in
  'announcements.published': entry(z.object({ title: s, excerpt: s }).strict(), (p) => ({
    zh: { title: `公告：${p.title}`, body: p.excerpt },
    en: { title: `Announcement: ${p.title}`, body: p.excerpt },
  })),

  // five lists
  'fiveLists.dispatchReturned': entry(z.object({ matter: s, note: s }).strict(), (p) => ({
    zh: { title: '分单被退回', body: `「${p.matter}」被退回：${p.note}` },
    en: { title: 'A dispatch was sent back', body: `“${p.matter}” was sent back: ${p.note}` },
  })),
  'fiveLists.newTask': entry(z.object({ matter: s, unit: s }).strict(), (p) => ({
    zh: { title: '有新的事项待认领', body: `「${p.matter}」已派给${p.unit}，请在期限内认领` },
    en: { title: 'A new matter to claim', body: `“${p.matter}” was assigned to ${p.unit}: please claim it before its deadline` },
  })),
  'fiveLists.dispatched': entry(z.object({ ...progress, unit: s }).strict(), (p) => ({
    zh: { title: `${yours(p.followed)[0]}已分派`, body: `「${p.matter}」已分派给${p.unit}，待审核后办理` },
    en: { title: `${yours(p.followed)[1]} was dispatched`, body: `“${p.matter}” was dispatched to ${p.unit}, to be handled once reviewed` },
  })),
  'fiveLists.reviewed': entry(z.object({ ...progress, unit: s }).strict(), (p) => ({
    zh: { title: `${yours(p.followed)[0]}已审核`, body: `「${p.matter}」已确认由${p.unit}办理` },
    en: { title: `${yours(p.followed)[1]} was reviewed`, body: `“${p.matter}” is confirmed for ${p.unit} to handle` },
  })),
  'fiveLists.merged': entry(z.object({ ...progress }).strict(), (p) => ({
    zh: {
      title: `${yours(p.followed)[0]}已合并`,
      body: p.followed ? `「${p.matter}」与相同事项合并办理，请在合并后的事项中继续关注` : `「${p.matter}」与相同事项合并办理，您可在合并后的事项中跟进并评价`,
    },
    en: {
      title: `${yours(p.followed)[1]} was merged`,
      body: p.followed ? `“${p.matter}” was merged with the same matter: follow it there` : `“${p.matter}” was merged with the same matter: follow and rate it there`,
    },
  })),
  'fiveLists.closed': entry(z.object({ ...progress, note: s }).strict(), (p) => ({
    zh: { title: `${yours(p.followed)[0]}已关闭`, body: `「${p.matter}」已关闭：${p.note}` },
    en: { title: `${yours(p.followed)[1]} was closed`, body: `“${p.matter}” was closed: ${p.note}` },
  })),
  'fiveLists.claimed': entry(z.object({ ...progress, unit: s }).strict(), (p) => ({
    zh: { title: `${yours(p.followed)[0]}已有单位认领`, body: `「${p.matter}」已由${p.unit}认领办理` },
    en: { title: `${yours(p.followed)[1]} was claimed`, body: `“${p.matter}” was claimed by ${p.unit}` },
  })),
  /** rate: to the submitter and backers, who are asked to rate; else to a watcher */
  'fiveLists.resolved': entry(z.object({ matter: s, unit: s, note: s, rate: z.boolean() }).strict(), (p) => ({
    zh: { title: p.rate ? '事项已办结，请您评价' : '您关注的事项已办结', body: `「${p.matter}」${p.unit}已办结：${p.note}` },
    en: { title: p.rate ? 'Matter resolved: please rate it' : 'A matter you follow was resolved', body: `“${p.matter}” was resolved by ${p.unit}: ${p.note}` },
  })),
  'fiveLists.extensionRequested': entry(z.object({ matter: s, unit: s, until: day, reason: s }).strict(), (p) => ({
    zh: { title: '延期申请待审批', body: `${p.unit}申请将「${p.matter}」延期至${p.until}：${p.reason}` },
    en: { title: 'An extension awaits approval', body: `${p.unit} asks to extend “${p.matter}” to ${p.until}: ${p.reason}` },
  })),
  'fiveLists.extensionDecided': entry(z.object({ matter: s, approved: z.boolean(), until: day }).strict(), (p) => ({
    zh: { title: p.approved ? '延期申请已同意' : '延期申请未同意', body: `「${p.matter}」${p.approved ? `办理期限延至${p.until}` : '请按原期限办结'}` },
    en: {
      title: p.approved ? 'Extension granted' : 'Extension refused',
      body: p.approved ? `“${p.matter}” is now due ${p.until}` : `“${p.matter}”: please resolve it by its original deadline`,
    },
  })),
  'fiveLists.reopened': entry(z.object({ matter: s }).strict(), (p) => ({
    zh: { title: '事项被重新打开', body: `提出人对「${p.matter}」的办理不满意，事项已退回贵单位重新办理` },
    en: { title: 'A matter was reopened', body: `The submitter was not satisfied with how “${p.matter}” was handled: it is back with your unit` },
  })),
  'fiveLists.rated': entry(z.object({ matter: s, level: enumOf(ratingLevels), stars: z.number().int().min(1).max(5) }).strict(), (p) => ({
    zh: { title: `收到评价：${ratingLevels[p.level][0]}`, body: `「${p.matter}」获评${ratingLevels[p.level][0]}，${p.stars}星` },
    en: { title: `Rated: ${ratingLevels[p.level][1]}`, body: `“${p.matter}” was rated ${ratingLevels[p.level][1]}, ${p.stars} star${p.stars > 1 ? 's' : ''}` },
  })),
  'fiveLists.overdue': entry(z.object({ matter: s, unit: s.optional(), step: enumOf(fiveListSteps), deadline: day }).strict(), (p) => ({
    zh: { title: `五单事项逾期：${fiveListSteps[p.step][0]}`, body: `「${p.matter}」${p.unit ? `（${p.unit}）` : ''}已超过${fiveListSteps[p.step][0]}环节期限 ${p.deadline}` },
    en: { title: `Five lists: overdue (${fiveListSteps[p.step][1]})`, body: `“${p.matter}”${p.unit ? ` (${p.unit})` : ''} passed the deadline of its ${fiveListSteps[p.step][1]} step, ${p.deadline}` },
  })),

  // moderation: what the author of a matter or comment hears of a worker's decision
  'moderation.hidden': entry(z.object({ kind: enumOf(contentKinds), reason: s }).strict(), (p) => ({
    zh: { title: `您发布的${contentKinds[p.kind][0]}已被隐藏`, body: `原因：${p.reason}。如有疑问请联系社区工作人员。` },
    en: { title: `Your ${contentKinds[p.kind][1]} was hidden`, body: `Reason: ${p.reason}. Ask the community's workers if you have questions.` },
  })),
  'moderation.restored': entry(z.object({ kind: enumOf(contentKinds) }).strict(), (p) => ({
    zh: { title: `您发布的${contentKinds[p.kind][0]}已恢复显示`, body: '社区工作人员已审核，邻居们现在可以看到了。' },
    en: { title: `Your ${contentKinds[p.kind][1]} is shown again`, body: "The community's workers reviewed it: neighbours can see it now." },
  })),
  // WeChat never gave its verdict on a photo after recheckMediaChecks asked again (functions/moderation/jobs.ts)
  'moderation.photoUnverified': entry(z.object({ kind: enumOf(contentKinds) }).strict(), (p) => ({
    zh: { title: `您发布的${contentKinds[p.kind][0]}中有照片未能完成审核`, body: '照片暂不对邻居显示，社区工作人员会人工查看后决定。' },
    en: { title: `A photo in your ${contentKinds[p.kind][1]} could not be checked`, body: "It is not shown to neighbours until a community worker has looked at it." },
  })),
  // a staff photo residents would see (an announcement's attachment) that WeChat found risky, or never gave its verdict
  // on (platform/contentSecurity.ts, moderation/jobs.ts): the text stays published, the photo is held from residents
  'moderation.staffPhotoHeld': entry(z.object({ title: s, outcome: z.enum(['risky', 'unverified']) }).strict(), (p) => ({
    zh: {
      title: `您发布的「${cut(p.title)}」中有照片未对居民显示`,
      body: p.outcome === 'risky' ? '微信内容安全检测认为该照片不适宜公开，居民看不到它；文字照常显示。如需配图请换一张。' : '微信多次未能给出照片的审核结果，居民暂时看不到它；文字照常显示。如需配图请换一张。',
    },
    en: {
      title: `A photo in "${cut(p.title)}" is not shown to residents`,
      body: p.outcome === 'risky' ? "WeChat's content check found the photo unfit to show: residents do not see it; the text is shown as usual. Use another photo if one is needed." : "WeChat gave no verdict on the photo after several asks: residents do not see it for now; the text is shown as usual. Use another photo if one is needed.",
    },
  })),
};

type Table = typeof notificationTexts;
export type TextKey = keyof Table;
export const TextKey = z.enum(Object.keys(notificationTexts) as [TextKey, ...TextKey[]]);
export type TextParams<K extends TextKey> = z.input<Table[K]['params']>;

/** A notification's text: a key of the table and its params (what an inbox item stores). */
export type NotificationText = { [K in TextKey]: { key: K; params: TextParams<K> } }[TextKey];

/** A text by key, its params checked by the type (and by zod when rendered). */
export function text<K extends TextKey>(key: K, params: TextParams<K>): NotificationText {
  return { key, params } as NotificationText;
}

/** Thrown for an unknown key or params its schema refuses: a producer's bug, or a stored item from another table. */
export class TextParamsError extends Error {}

/** Both languages of a text; throws TextParamsError when the key is unknown or the params are not valid for it. */
export function renderText(t: { key: string; params: unknown }): Rendered {
  const e = (notificationTexts as Record<string, { params: z.ZodTypeAny; render: (p: unknown) => Rendered }>)[t.key];
  if (!e || !Object.prototype.hasOwnProperty.call(notificationTexts, t.key)) throw new TextParamsError(`unknown notification text ${t.key}`);
  const parsed = e.params.safeParse(t.params);
  if (!parsed.success) throw new TextParamsError(`bad params for ${t.key}: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return e.render(parsed.data);
}

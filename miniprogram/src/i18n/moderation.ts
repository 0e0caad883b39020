import type { Message } from './messages'

/**
 * 内容审核 (moderation): the 举报 action on matters and comments, the 已隐藏 / 待审核 marks their author sees, and the
 * workers' queue and its 已隐藏 tab. Registered by the pages that show them (registerMessages). zhPlain / enPlain: elder mode's words.
 */
export const moderationMessages = {
  'mod.report': { zh: '举报', en: 'Report', zhPlain: '举报', enPlain: 'Report' },
  'mod.reportTitle': { zh: '举报原因', en: 'Why are you reporting this?', zhPlain: '为什么举报', enPlain: 'Why report it' },
  'mod.reported': { zh: '已举报，社区工作人员会尽快处理', en: 'Reported: the community workers will look at it', zhPlain: '已经举报了', enPlain: 'Reported' },
  'mod.reason.abuse': { zh: '辱骂攻击', en: 'Abuse', zhPlain: '骂人', enPlain: 'Abuse' },
  'mod.reason.vulgar': { zh: '色情低俗', en: 'Vulgar', zhPlain: '低俗', enPlain: 'Vulgar' },
  'mod.reason.ads': { zh: '广告骚扰', en: 'Advertising', zhPlain: '广告', enPlain: 'Ads' },
  'mod.reason.fraud': { zh: '诈骗', en: 'Fraud', zhPlain: '骗人', enPlain: 'Fraud' },
  'mod.reason.privacy': { zh: '泄露隐私', en: 'Reveals private information', zhPlain: '泄露别人信息', enPlain: 'Private information' },
  'mod.reason.illegal': { zh: '违法违规', en: 'Illegal', zhPlain: '违法', enPlain: 'Illegal' },
  'mod.reason.other': { zh: '其他', en: 'Other', zhPlain: '其他', enPlain: 'Other' },
  'mod.state.review': { zh: '审核中，仅自己可见', en: 'Under review: only you can see it', zhPlain: '正在审核，邻居还看不到', enPlain: 'Being checked' },
  'mod.state.hidden': { zh: '已隐藏', en: 'Hidden', zhPlain: '已隐藏', enPlain: 'Hidden' },
  'mod.hiddenReason': { zh: '隐藏原因：{reason}', en: 'Reason: {reason}', zhPlain: '原因：{reason}', enPlain: 'Reason: {reason}' },
  'mod.photosHeld': { zh: '{n} 张照片审核中或未通过，邻居看不到', en: '{n} photos are being checked or were refused: neighbours do not see them', zhPlain: '有 {n} 张照片邻居看不到', enPlain: '{n} photos not shown' },
  'mod.queueTitle': { zh: '举报与审核', en: 'Reports and review', zhPlain: '要看的举报', enPlain: 'Reports' },
  'mod.queueEmpty': { zh: '没有待处理的内容', en: 'Nothing waits for a decision', zhPlain: '没有要看的', enPlain: 'Nothing to look at' },
  'mod.kind.matter': { zh: '说事', en: 'Matter', zhPlain: '说事', enPlain: 'Matter' },
  'mod.kind.comment': { zh: '评论', en: 'Comment', zhPlain: '评论', enPlain: 'Comment' },
  'mod.cause.review': { zh: '内容安全待复核', en: 'Flagged for review', zhPlain: '要人工看', enPlain: 'To check' },
  'mod.cause.unchecked': { zh: '未能自动检测', en: 'Not checked automatically', zhPlain: '没能自动查', enPlain: 'Not checked' },
  'mod.cause.reported': { zh: '被举报 {n} 次', en: 'Reported {n} times', zhPlain: '被举报 {n} 次', enPlain: 'Reported {n} times' },
  'mod.cause.photo': { zh: '照片待复核', en: 'Photo to check', zhPlain: '照片要看', enPlain: 'Photo to check' },
  'mod.by': { zh: '发布人：{name}', en: 'By {name}', zhPlain: '谁发的：{name}', enPlain: 'By {name}' },
  'mod.open': { zh: '查看原文', en: 'Open it', zhPlain: '看原文', enPlain: 'Open' },
  'mod.hide': { zh: '隐藏', en: 'Hide', zhPlain: '隐藏', enPlain: 'Hide' },
  'mod.restore': { zh: '通过 / 恢复显示', en: 'Pass / show again', zhPlain: '没问题', enPlain: 'It is fine' },
  'mod.hideReason': { zh: '隐藏原因（作者会看到）', en: 'Reason for hiding (the author sees it)', zhPlain: '为什么隐藏（发的人能看到）', enPlain: 'Why hide it' },
  'mod.hidden': { zh: '已隐藏并通知作者', en: 'Hidden; the author is told', zhPlain: '已隐藏', enPlain: 'Hidden' },
  'mod.restored': { zh: '已恢复显示', en: 'Shown again', zhPlain: '已恢复', enPlain: 'Shown again' },
  'mod.more': { zh: '加载更多', en: 'Load more', zhPlain: '再看一些', enPlain: 'More' },
  'mod.tab.queue': { zh: '待处理', en: 'To decide', zhPlain: '要看的', enPlain: 'To look at' },
  'mod.tab.hidden': { zh: '已隐藏', en: 'Hidden', zhPlain: '藏起来的', enPlain: 'Hidden' },
  'mod.hiddenEmpty': { zh: '没有已隐藏的内容', en: 'Nothing is hidden', zhPlain: '没有藏起来的', enPlain: 'Nothing hidden' },
  'mod.hiddenBy': { zh: '{name} 于 {at} 隐藏', en: 'Hidden by {name}, {at}', zhPlain: '{name} 藏的（{at}）', enPlain: '{name} hid it ({at})' },
  'mod.showAgain': { zh: '恢复显示', en: 'Show again', zhPlain: '重新显示', enPlain: 'Show again' },
  'mod.showAgainReason': { zh: '恢复原因（记入审核记录）', en: 'Why show it again (kept in the record)', zhPlain: '为什么重新显示', enPlain: 'Why show it again' },
} satisfies Record<string, Message>

/** The reasons the report sheet offers (WeChat's action sheet holds at most six). */
export const sheetReasons = ['abuse', 'vulgar', 'ads', 'fraud', 'privacy', 'other'] as const

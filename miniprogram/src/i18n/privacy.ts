import { messages, registerMessages, type Message, type MessageKey } from './messages'
import { translate } from './translate'

/**
 * 个人信息与隐私: the texts of packages/privacy and of its link on 我的. Registered when this module loads (the me page
 * imports it for its link, the subpackage's pages import it first). Its keys are not in messages.ts's MessageKey union
 * (that file belongs to the whole app); `pk` names them as message keys in this one place, typed by this table.
 */
export const privacyMessages = {
  'pv.link': { zh: '个人信息与隐私', en: 'Your data and privacy', zhPlain: '我的信息', enPlain: 'My data' },
  'pv.title': { zh: '个人信息与隐私', en: 'Your data and privacy', zhPlain: '我的信息', enPlain: 'My data' },
  'pv.intro': {
    zh: '依照《个人信息保护法》第四十四条至第四十七条，您可以查阅、下载您的个人信息，撤回同意，或注销账号。',
    en: 'Under articles 44–47 of the Personal Information Protection Law you may see and download your data, withdraw a consent, or close your account.',
    zhPlain: '您可以下载自己的信息、撤回同意、注销账号。',
    enPlain: 'You can download your data, take back a consent, or close your account.',
  },
  'pv.policy': { zh: '隐私政策', en: 'Privacy policy' },
  'pv.policyVersion': { zh: '版本 {version}', en: 'Version {version}' },
  'pv.policyAccepted': { zh: '您已于 {at} 同意此版本', en: 'You accepted this version on {at}' },
  'pv.policyNew': { zh: '隐私政策已更新，请阅读后同意', en: 'The privacy policy has changed: read it and accept to go on' },
  'pv.policyAccept': { zh: '我已阅读并同意', en: 'I have read it and agree' },
  'pv.newTitle': { zh: '隐私政策已更新', en: 'The privacy policy has changed' },
  'pv.newIntro': {
    zh: '您曾同意 {old} 版本。新版本 {version} 已生效，请阅读变更内容后同意。',
    en: 'You accepted version {old}. Version {version} is now in force: read what changed and agree to it.',
  },
  'pv.changes': { zh: '本次变更：{changes}', en: 'What changed: {changes}' },
  'pv.later': { zh: '暂不同意', en: 'Not now' },
  'pv.acceptFailed': { zh: '未能记录您的同意，请稍后再试', en: 'Your agreement could not be recorded; try again later' },
  'pv.export': { zh: '下载我的数据', en: 'Download my data', zhPlain: '下载我的信息', enPlain: 'Download my data' },
  'pv.exportHint': {
    zh: '我们会汇总您在邻里的资料、反映的事项、救助申请（身份证号已遮挡）、志愿服务、预约和时间银行记录、对民生决策咨询的留言，生成 JSON 文件和 Excel 表格，保留 7 天。',
    en: 'We gather your profile, the matters you raised, your relief applications (ID numbers masked), volunteering, bookings, time bank and your comments on consultations into a JSON file and an Excel sheet, kept for 7 days.',
  },
  'pv.exportStart': { zh: '生成下载文件', en: 'Prepare my download' },
  'pv.exportPreparing': { zh: '正在整理，请稍后刷新查看', en: 'Being prepared: check again in a minute' },
  'pv.exportRefresh': { zh: '刷新', en: 'Check again' },
  'pv.exportReady': { zh: '已生成，{at} 前可下载', en: 'Ready: download before {at}' },
  'pv.exportCounts': { zh: '共 {n} 条记录', en: '{n} records' },
  'pv.openXlsx': { zh: '打开 Excel 表格', en: 'Open the Excel sheet' },
  'pv.copyJson': { zh: '复制 JSON 文件链接（15 分钟内有效）', en: 'Copy the JSON link (valid 15 minutes)' },
  'pv.openJson': { zh: '打开 JSON 文件', en: 'Open the JSON file' },
  'pv.copied': { zh: '链接已复制', en: 'Link copied' },
  'pv.consents': { zh: '我的授权同意', en: 'My consents' },
  'pv.noConsents': { zh: '暂无授权同意记录', en: 'No consents recorded' },
  'pv.givenAt': { zh: '同意于 {at}', en: 'Given on {at}' },
  'pv.withdrawnAt': { zh: '已于 {at} 撤回', en: 'Withdrawn on {at}' },
  'pv.withdraw': { zh: '撤回同意', en: 'Withdraw' },
  'pv.withdrawConfirm': { zh: '确认撤回', en: 'Withdraw it' },
  'pv.cancel': { zh: '取消', en: 'Cancel' },
  'pv.notWithdrawable': { zh: '不能在此撤回', en: 'Cannot be withdrawn here' },
  'pv.close': { zh: '注销账号', en: 'Close my account' },
  'pv.closeWarn': {
    zh: '注销后：您在所有设备上的登录立即失效；个人资料、社区绑定和角色被删除；依法须保存的记录（救助档案、已提交的事项）保留，其中您的姓名改为“已注销用户”；其余记录删除。此操作不能撤销。',
    en: 'Closing ends your sign-in on every phone at once; your profile, community binding and roles are deleted; records the law requires us to keep (relief files, matters you submitted) are kept with your name replaced by “closed account”; the rest is deleted. This cannot be undone.',
  },
  'pv.closeType': { zh: '请输入“注销”两个字以确认', en: 'Type CLOSE (or 注销) to confirm' },
  'pv.closeConfirm': { zh: '确认注销账号', en: 'Close my account now' },
  'pv.closed': { zh: '账号已注销', en: 'Your account is closed' },
} satisfies Record<string, Message>

export type PrivacyKey = keyof typeof privacyMessages

/** A privacy text's key as the message table's (see above). */
export const pk = (key: PrivacyKey): MessageKey => key as unknown as MessageKey

if (!(('pv.link' as string) in messages)) registerMessages(privacyMessages as unknown as Partial<Record<MessageKey, Message>>)

/** The link's title on 我的, in the chosen language. */
export const privacyLinkTitle = (lang: 'zh' | 'en', elder = false): string => translate(pk('pv.link'), lang, elder)

/**
 * Every text of the app, in Chinese and English. `zhPlain`/`enPlain` are the plain words elder mode (长辈版)
 * uses where the usual phrase is jargon. `{name}` placeholders are filled by `t(key, { name })`.
 */
// type only: each subpackage registers its own table when it loads (packages/*/lib/messages.ts), so the main package
// does not carry texts only a subpackage shows
import type { fiveListsMessages } from './fiveLists'
import type { reliefRegistryMessages } from './reliefRegistry'
import type { announcementsMessages } from './announcements'
import type { casesMessages } from './cases'
import type { elderCareMessages } from './elderCare'
import type { reliefMessages } from './relief'
import type { signupsMessages } from './signups'
import type { safetyMessages } from './safety'
import type { moderationMessages } from './moderation'
// the workbench's texts are shown by main-package pages (首页, 办事, 志愿): part of the main table
import { workbenchMessages } from './workbench'
import type { workSummaryMessages } from './workSummary'
import type { employmentMessages } from './employment'
import type { microProjectsMessages } from './microProjects'

export interface Message {
  zh: string
  en: string
  zhPlain?: string
  enPlain?: string
}

const mainMessages = {
  ...workbenchMessages,
  'app.name': { zh: '邻里', en: 'Linli' },
  'tab.home': { zh: '首页', en: 'Home' },
  'tab.matters': { zh: '说事', en: 'Matters' },
  'tab.me': { zh: '我的', en: 'Me' },

  'common.loading': { zh: '加载中…', en: 'Loading…' },
  'common.retry': { zh: '重试', en: 'Try again' },
  'common.empty': { zh: '暂无内容', en: 'Nothing here yet' },
  'common.loadMore': { zh: '加载更多', en: 'Load more' },
  'common.noMore': { zh: '没有更多了', en: 'No more' },
  'common.save': { zh: '保存', en: 'Save' },
  'common.saved': { zh: '已保存', en: 'Saved' },
  'common.cancel': { zh: '取消', en: 'Cancel' },
  'common.confirm': { zh: '确定', en: 'OK' },
  'common.back': { zh: '返回', en: 'Back' },
  'common.error': { zh: '出错了', en: 'Something went wrong' },
  'common.submitting': { zh: '提交中…', en: 'Sending…' },
  'common.required': { zh: '必填', en: 'required' },
  'common.on': { zh: '已开启', en: 'On' },
  'common.off': { zh: '已关闭', en: 'Off' },

  'privacy.title': { zh: '隐私保护提示', en: 'Your privacy' },
  'privacy.body': {
    zh: '使用邻里前，请阅读《邻里隐私保护指引》。我们只为办理社区事务收集必要的信息，照片和位置仅在您主动提交时使用。',
    en: 'Before you use Linli, please read the Linli privacy guide. We collect only what community work needs; photos and location are used only when you submit them.',
    zhPlain: '用邻里之前，请先看一下隐私说明。您的照片和位置，只有您自己提交时才会用到。',
  },
  'privacy.read': { zh: '查看《邻里隐私保护指引》', en: 'Read the privacy guide' },
  'privacy.agree': { zh: '同意并继续', en: 'Agree and continue' },
  'privacy.disagree': { zh: '不同意', en: 'Disagree' },

  'login.title': { zh: '登录邻里', en: 'Log in to Linli' },
  'login.wechat': { zh: '微信一键登录', en: 'Log in with WeChat' },
  'login.devHint': {
    zh: '本地环境：输入 openid 或选择演示账号登录',
    en: 'Local stack: type an openid or pick a demo account',
  },
  'login.openid': { zh: 'openid', en: 'openid' },
  'login.openidPlaceholder': { zh: '例如 resident-wang', en: 'e.g. resident-wang' },
  'login.submit': { zh: '登录', en: 'Log in' },
  'login.demo': { zh: '演示账号', en: 'Demo accounts' },
  'login.failed': { zh: '登录失败', en: 'Login failed' },

  'home.title': { zh: '邻里首页', en: 'Linli home' },
  'home.hello': { zh: '{name}，您好', en: 'Hello, {name}' },
  'home.nextSession': { zh: '下一次说事会', en: 'Next say-it day', zhPlain: '下一次居民说事会', enPlain: 'Next residents’ meeting' },
  'home.noSession': { zh: '近期暂无说事会安排', en: 'No say-it day is scheduled yet' },
  'home.date': { zh: '日期', en: 'Date' },
  'home.time': { zh: '时间', en: 'Time' },
  'home.place': { zh: '地点', en: 'Place' },
  'home.cutoff': { zh: '提交截止', en: 'Matters taken until', zhPlain: '最晚提交时间' },
  'home.raise': { zh: '我要说事', en: 'Raise a matter', zhPlain: '我有事要说' },
  'home.agenda': { zh: '查看议程', en: 'See the agenda', zhPlain: '看看大家说了什么' },
  'home.remind': { zh: '说事会前一天提醒我', en: 'Remind me the day before' },
  'home.remindOn': { zh: '已设置提醒', en: 'Reminder set' },
  'home.remindOff': { zh: '已取消提醒', en: 'Reminder off' },
  'home.notBound': { zh: '您还没有绑定所在社区，绑定后即可参加说事会', en: 'Bind to your community to take part in say-it days' },
  'home.pending': { zh: '社区绑定申请已提交，等待社区工作人员确认', en: 'Your binding request awaits a community worker' },
  'home.bind': { zh: '去绑定社区', en: 'Bind my community' },
  'home.community': { zh: '我的社区', en: 'My community' },
  'home.hostSession': { zh: '主持说事会', en: 'Host the session' },
  'home.announcements': { zh: '社区公告', en: 'Announcements', zhPlain: '社区通知', enPlain: 'Notices' },
  'home.annUnread': { zh: '{n} 条未读', en: '{n} unread', zhPlain: '有 {n} 条没看', enPlain: '{n} not read yet' },
  'home.annNone': { zh: '暂无新公告', en: 'No new announcements', zhPlain: '没有新通知', enPlain: 'No new notices' },
  'home.annPinned': { zh: '置顶', en: 'Pinned', zhPlain: '重要', enPlain: 'Important' },
  'home.annAll': { zh: '查看全部公告', en: 'All announcements', zhPlain: '看全部通知', enPlain: 'All notices' },

  'matters.title': { zh: '说事', en: 'Matters' },
  'matters.board': { zh: '社区说事', en: 'Community board' },
  'matters.mine': { zh: '我的说事', en: 'My matters' },
  'matters.seconds': { zh: '{n} 人附议', en: '{n} seconded', zhPlain: '{n} 人支持', enPlain: '{n} neighbours agree' },
  'matters.anonymous': { zh: '匿名居民', en: 'Anonymous resident' },
  'matters.emptyBoard': { zh: '社区里还没有人说事', en: 'No matters raised in your community yet' },
  'matters.emptyMine': { zh: '您还没有说过事', en: 'You have not raised a matter yet' },
  'matters.needBinding': { zh: '绑定社区后可查看社区说事', en: 'Bind to a community to see its board' },
  'matters.noBoard': { zh: '社区说事看板属于社区居民；您的五单工作在上方', en: "A community's board is for its residents; your five lists work is above" },

  'category.personalDifficulty': { zh: '个人困难', en: 'Personal difficulty' },
  'category.environment': { zh: '环境卫生', en: 'Environment' },
  'category.communityBuilding': { zh: '社区建设', en: 'Community building' },
  'category.safety': { zh: '安全隐患', en: 'Safety' },
  'category.other': { zh: '其他', en: 'Other' },

  'status.submitted': { zh: '已提交', en: 'Submitted' },
  'status.withdrawn': { zh: '已撤回', en: 'Withdrawn' },
  'status.solvedOnSpot': { zh: '当场解决', en: 'Solved on the spot' },
  'status.toFiveLists': { zh: '转入五单办理', en: 'Into the five lists', zhPlain: '交给有关单位办理', enPlain: 'Handed to a unit to do' },
  'status.notAccepted': { zh: '不予受理', en: 'Not accepted' },

  'session.state.scheduled': { zh: '未开始', en: 'Scheduled' },
  'session.state.inProgress': { zh: '进行中', en: 'In progress' },
  'session.state.closed': { zh: '已结束', en: 'Closed' },
  'session.title': { zh: '说事会议程', en: 'Session agenda' },
  'session.agenda': { zh: '议程（按附议人数排序）', en: 'Agenda (most seconded first)', zhPlain: '要说的事（支持多的排前面）' },
  'session.noMatters': { zh: '本次说事会还没有事项', en: 'No matters for this session yet' },
  'session.matterCount': { zh: '{n} 件事项', en: '{n} matters' },
  'session.host': { zh: '主持人', en: 'Host' },
  'session.attendance': { zh: '参会人数', en: 'Attendance' },
  'session.minutes': { zh: '会议记录', en: 'Minutes' },
  'session.summary': { zh: '当场解决 {a}，转五单 {b}，不予受理 {c}，撤回 {d}', en: 'Solved {a}, to five lists {b}, not accepted {c}, withdrawn {d}' },

  'submit.title': { zh: '我要说事', en: 'Raise a matter' },
  'submit.session': { zh: '提交到 {date} 的说事会', en: 'For the say-it day on {date}' },
  'submit.category': { zh: '事项类别', en: 'Category' },
  'submit.text': { zh: '说说是什么事', en: 'What is the matter?' },
  'submit.textPlaceholder': { zh: '请描述问题或建议（至少 5 个字）', en: 'Describe the problem or suggestion (5 characters or more)' },
  'submit.textTooShort': { zh: '请至少写 5 个字', en: 'Write at least 5 characters' },
  'submit.photos': { zh: '照片（最多 9 张）', en: 'Photos (up to 9)' },
  'submit.addPhoto': { zh: '添加照片', en: 'Add photos' },
  'submit.removePhoto': { zh: '删除第 {n} 张照片', en: 'Remove photo {n}' },
  'submit.photoAlt': { zh: '第 {n} 张照片', en: 'Photo {n}' },
  'submit.uploading': { zh: '上传中', en: 'Uploading' },
  'submit.uploadFailed': { zh: '上传失败，点重试', en: 'Upload failed: tap to retry' },
  'submit.photosBusy': { zh: '照片还在上传，请稍候', en: 'Photos are still uploading' },
  'submit.location': { zh: '位置（选填）', en: 'Location (optional)' },
  'submit.chooseLocation': { zh: '选择位置', en: 'Choose a location' },
  'submit.useMyLocation': { zh: '使用当前位置', en: 'Use my location' },
  'submit.address': { zh: '地址', en: 'Address' },
  'submit.addressPlaceholder': { zh: '例如 3 号楼东侧', en: 'e.g. east of building 3' },
  'submit.clearLocation': { zh: '清除位置', en: 'Clear location' },
  'submit.anonymous': { zh: '对其他居民匿名', en: 'Anonymous to other residents', zhPlain: '不让邻居看到我的名字' },
  'submit.anonymousHint': { zh: '社区工作人员仍可看到提交人', en: 'Community workers still see who raised it' },
  'submit.submit': { zh: '提交', en: 'Submit' },
  'submit.draftRestored': { zh: '已恢复上次未提交的草稿', en: 'Your unsent draft is back' },
  'submit.success': { zh: '提交成功', en: 'Sent' },
  'submit.noSession': { zh: '暂无可提交的说事会', en: 'No session is taking matters now' },
  'submit.offline': { zh: '网络中断，草稿已保存，可稍后重试', en: 'Network dropped: your draft is kept, try again later' },

  'matter.title': { zh: '说事详情', en: 'Matter' },
  'matter.by': { zh: '提出人', en: 'Raised by' },
  'matter.category': { zh: '类别', en: 'Category' },
  'matter.status': { zh: '状态', en: 'Status' },
  'matter.createdAt': { zh: '提交时间', en: 'Raised on' },
  'matter.location': { zh: '位置', en: 'Location' },
  'matter.second': { zh: '附议', en: 'Second', zhPlain: '我也支持', enPlain: 'I agree too' },
  'matter.seconded': { zh: '已附议', en: 'Seconded', zhPlain: '已支持', enPlain: 'You agreed' },
  'matter.secondDone': { zh: '附议成功', en: 'Seconded' },
  'matter.outcome': { zh: '处理结果', en: 'Outcome' },
  'matter.reason': { zh: '理由', en: 'Reason' },
  'matter.note': { zh: '说明', en: 'Note' },
  'matter.edit': { zh: '修改', en: 'Edit' },
  'matter.withdraw': { zh: '撤回', en: 'Withdraw' },
  'matter.withdrawConfirm': { zh: '确定撤回这件事吗？撤回后不能恢复。', en: 'Withdraw this matter? This cannot be undone.' },
  'matter.withdrawn': { zh: '已撤回', en: 'Withdrawn' },
  'matter.session': { zh: '所属说事会', en: 'Session' },
  'matter.mine': { zh: '我提出的', en: 'Mine' },
  'matter.share': { zh: '邻里说事：{text}', en: 'A neighbourhood matter: {text}' },

  'me.title': { zh: '我的', en: 'Me' },
  'me.community': { zh: '我的社区', en: 'My community' },
  'me.notBound': { zh: '未绑定', en: 'Not bound' },
  'me.pending': { zh: '待确认', en: 'Awaiting confirmation' },
  'me.bind': { zh: '绑定社区', en: 'Bind community' },
  'me.inbox': { zh: '消息', en: 'Inbox' },
  'me.unread': { zh: '{n} 条未读', en: '{n} unread' },
  'me.settings': { zh: '设置', en: 'Settings' },
  'me.work': { zh: '工作台', en: 'Work' },
  'me.sessions': { zh: '说事会管理', en: 'Sessions' },
  'me.rule': { zh: '说事日规则', en: 'Say-it day rule' },
  'me.bindings': { zh: '社区绑定审核', en: 'Binding requests' },
  'me.admin': { zh: '组织与授权', en: 'Units and roles' },
  'me.logout': { zh: '退出登录', en: 'Log out' },
  'me.roles': { zh: '我的角色', en: 'My roles' },

  'role.resident': { zh: '居民', en: 'Resident' },
  'role.gridWorker': { zh: '网格员', en: 'Grid worker' },
  'role.communityWorker': { zh: '社区工作者', en: 'Community worker' },
  'role.subdistrictOfficer': { zh: '街道工作人员', en: 'Sub-district officer' },
  'role.unitContact': { zh: '单位联络人', en: 'Unit contact' },
  'role.organizer': { zh: '活动组织者', en: 'Organizer' },
  'role.admin': { zh: '系统管理员', en: 'Administrator' },
  'role.jointCommittee': { zh: '大工委成员', en: 'Joint committee member', zhPlain: '大工委（审核派单）', enPlain: 'Joint committee (checks who does what)' },

  'inbox.title': { zh: '消息', en: 'Inbox' },
  'inbox.readAll': { zh: '全部标为已读', en: 'Mark all read' },
  'inbox.unread': { zh: '未读', en: 'Unread' },
  'inbox.read': { zh: '已读', en: 'Read' },
  'inbox.empty': { zh: '暂无消息', en: 'No messages' },
  'inbox.open': { zh: '查看', en: 'Open' },

  'bind.title': { zh: '绑定社区', en: 'Bind community' },
  'bind.byCode': { zh: '用邀请码绑定', en: 'Bind with an invite code' },
  'bind.code': { zh: '邀请码（10 位）', en: 'Invite code (10 characters)' },
  'bind.codeSubmit': { zh: '绑定', en: 'Bind' },
  'bind.byRequest': { zh: '没有邀请码？申请加入社区', en: 'No code? Ask to join a community' },
  'bind.community': { zh: '选择社区', en: 'Choose a community' },
  'bind.grid': { zh: '所在网格（选填）', en: 'Grid (optional)' },
  'bind.noGrid': { zh: '不确定', en: 'Not sure' },
  'bind.note': { zh: '备注（如楼栋门牌）', en: 'Note (e.g. building and flat)' },
  'bind.request': { zh: '提交申请', en: 'Send request' },
  'bind.bound': { zh: '绑定成功', en: 'Bound' },
  'bind.pending': { zh: '申请已提交，等待社区确认', en: 'Request sent: awaiting confirmation' },
  'bind.already': { zh: '您已绑定：{name}', en: 'You are bound to {name}' },

  'settings.title': { zh: '设置', en: 'Settings' },
  'settings.elder': { zh: '长辈版（大字、大按钮）', en: 'Elder mode (large text and buttons)' },
  'settings.language': { zh: '语言', en: 'Language' },
  'settings.zh': { zh: '中文', en: '中文' },
  'settings.en': { zh: 'English', en: 'English' },
  'settings.name': { zh: '我的称呼', en: 'My display name' },
  'settings.privacy': { zh: '隐私保护指引', en: 'Privacy guide' },

  'worker.sessions': { zh: '说事会管理', en: 'Sessions' },
  'worker.community': { zh: '社区', en: 'Community' },
  'worker.noCommunity': { zh: '您没有可管理的社区', en: 'You manage no community' },
  'worker.run': { zh: '主持', en: 'Run' },
  'worker.runTitle': { zh: '主持说事会', en: 'Run the session' },
  'worker.start': { zh: '开始说事会', en: 'Start the session' },
  'worker.started': { zh: '说事会已开始', en: 'The session has started' },
  'worker.saveMinutes': { zh: '保存记录', en: 'Save minutes' },
  'worker.outcomeFor': { zh: '记录结果', en: 'Record the outcome' },
  'worker.reasonRequired': { zh: '不予受理须填写理由', en: 'A matter not accepted needs a reason' },
  'worker.reasonLabel': { zh: '理由 / 说明', en: 'Reason / note' },
  'worker.saveOutcome': { zh: '保存结果', en: 'Save outcome' },
  'worker.close': { zh: '结束说事会', en: 'Close the session' },
  'worker.closeConfirm': { zh: '结束后不能再修改，确定结束吗？', en: 'After closing nothing can change. Close it?' },
  'worker.closed': { zh: '说事会已结束', en: 'The session is closed' },
  'worker.notStarted': { zh: '说事会开始后才能记录', en: 'Start the session to take minutes' },
  'worker.rule': { zh: '说事日规则', en: 'Say-it day rule' },
  'worker.days': { zh: '每月几号', en: 'Days of the month' },
  'worker.day': { zh: '{n} 号', en: 'Day {n}' },
  'worker.startTime': { zh: '开始时间（HH:mm）', en: 'Start time (HH:mm)' },
  'worker.duration': { zh: '时长（分钟）', en: 'Length (minutes)' },
  'worker.place': { zh: '地点', en: 'Place' },
  'worker.cutoffHours': { zh: '提前几小时截止提交', en: 'Hours before the start matters close' },
  'worker.invalid': { zh: '请检查：{fields}', en: 'Please check: {fields}' },
  'worker.bindings': { zh: '社区绑定审核', en: 'Binding requests' },
  'worker.inviteCode': { zh: '社区邀请码：{code}', en: 'Invite code: {code}' },
  'worker.rotateInviteCode': { zh: '换一个邀请码', en: 'New invite code' },
  'worker.rotateConfirm': { zh: '换新邀请码后，旧邀请码立即失效。确定更换吗？', en: 'The old invite code stops working at once. Make a new one?' },
  'worker.rotated': { zh: '已更换，旧邀请码已失效', en: 'Changed: the old code no longer works' },
  'worker.confirm': { zh: '通过', en: 'Confirm' },
  'worker.reject': { zh: '拒绝', en: 'Reject' },
  'worker.noRequests': { zh: '暂无待审核的申请', en: 'No requests waiting' },
  'worker.requestedAt': { zh: '申请时间', en: 'Requested' },

  'admin.title': { zh: '组织与授权', en: 'Units and roles' },
  'admin.units': { zh: '组织架构', en: 'Organisation' },
  'admin.grants': { zh: '{name} 的角色', en: 'Roles on {name}' },
  'admin.noGrants': { zh: '该单位暂无授权', en: 'No roles on this unit' },
  'admin.grant': { zh: '授予角色', en: 'Grant a role' },
  'admin.userId': { zh: '用户 ID', en: 'User id' },
  'admin.role': { zh: '角色', en: 'Role' },
  'admin.revoke': { zh: '收回', en: 'Revoke' },
  'admin.granted': { zh: '已授权', en: 'Granted' },
  'admin.pickUnit': { zh: '请选择一个单位', en: 'Pick a unit' },
  'admin.kind.subdistrict': { zh: '街道', en: 'Sub-district' },
  'admin.kind.community': { zh: '社区', en: 'Community' },
  'admin.kind.grid': { zh: '网格', en: 'Grid' },
  'admin.kind.partnerUnit': { zh: '共建单位', en: 'Partner unit' },

  'subscribe.accepted': { zh: '已订阅微信提醒', en: 'WeChat reminders on' },
  'subscribe.h5': { zh: '微信提醒仅在小程序中可用，站内消息照常发送', en: 'WeChat reminders work in the mini-program; the inbox always works' },

  // the five lists: the entries of components/FiveListsWork.tsx (the rest is in fiveLists.ts, registered by packages/fiveLists)
  'fl.entry.section': { zh: '五单办理', en: 'The five lists', zhPlain: '大家反映的事怎么办的', enPlain: 'How matters get done' },
  'fl.entry.board': { zh: '五单公示：社区事项办理进度', en: 'Five lists board: how matters are handled', zhPlain: '看看反映的事办得怎么样', enPlain: 'See how raised matters are going' },
  'fl.entry.unit': { zh: '单位领单', en: 'My unit’s matters', zhPlain: '交给我们单位办的事', enPlain: 'Matters for my unit' },
  'fl.entry.score': { zh: '本单位评分', en: 'My unit’s score' },
  'fl.entry.officer': { zh: '街道分单 · 审单', en: 'Dispatch and review', zhPlain: '分派和审核事项', enPlain: 'Hand out and check matters' },
  'fl.entry.ranking': { zh: '共建单位排名', en: 'Partner unit ranking' },
  'fl.entry.raise': { zh: '网格收单：登记巡查或热线事项', en: 'Take in a matter from a walk round or a call', zhPlain: '登记走访看到的事或电话反映的事', enPlain: 'Write down a matter you saw or were called about' },
  'fl.entry.review': { zh: '大工委审单', en: 'Review dispatches (joint committee)', zhPlain: '审核派给单位的事', enPlain: 'Check who does what' },
  'fl.entry.publish': { zh: '发布决策咨询', en: 'Publish a consultation', zhPlain: '发起征求意见', enPlain: 'Ask residents' },

  // sign-ups: the 志愿 tab, home and 我的 (the rest is in signups.ts, registered by packages/signups)
  'tab.volunteer': { zh: '志愿', en: 'Volunteer' },
  'me.organize': { zh: '活动组织', en: 'Activities and events' },
  'me.organizeSection': { zh: '活动组织者', en: 'Organizer' },
  'su.tab.title': { zh: '志愿服务', en: 'Volunteering', zhPlain: '做志愿', enPlain: 'Helping out' },
  'su.needBinding': { zh: '绑定社区后可查看本社区的志愿活动', en: 'Bind to your community to see its activities' },
  'su.vol.me': { zh: '我的志愿者登记', en: 'My volunteer registration', zhPlain: '我是不是志愿者' },
  'su.vol.why': { zh: '登记成为志愿者后即可报名志愿活动、记录服务时长', en: 'Register as a volunteer to sign up for activities and record your hours', zhPlain: '先登记当志愿者，才能报名参加活动、记下服务时间', enPlain: 'Sign up as a helper first; then you can join activities and your hours are kept' },
  'su.vol.register': { zh: '登记成为志愿者', en: 'Register as a volunteer', zhPlain: '我要当志愿者', enPlain: 'I want to help' },
  'su.vol.registeredAs': { zh: '已登记：{name}（{phone}）', en: 'Registered: {name} ({phone})' },
  'su.vol.update': { zh: '修改登记信息', en: 'Change my registration' },
  'su.vol.activities': { zh: '可报名的志愿活动', en: 'Activities to join', zhPlain: '可以报名的活动', enPlain: 'Things you can help with' },
  'su.vol.noActivities': { zh: '近期没有志愿活动', en: 'No activities coming up' },
  'su.vol.mine': { zh: '我的报名', en: 'My sign-ups', zhPlain: '我报了名的', enPlain: 'What I signed up for' },
  'su.vol.noSignups': { zh: '还没有报名', en: 'No sign-ups yet' },
  'su.vol.hoursAndBank': { zh: '时长与时间银行', en: 'Hours and time bank' },
  'su.activity.tag': { zh: '志愿活动', en: 'Activity' },
  'su.activity.shift': { zh: '班次', en: 'Shift', zhPlain: '时间段', enPlain: 'Time slot' },
  'su.activity.shiftCount': { zh: '{n} 个班次', en: '{n} shift(s)', zhPlain: '{n} 个时间段', enPlain: '{n} time slot(s)' },
  'su.activity.draft': { zh: '草稿', en: 'Draft' },
  'su.activity.elderToElder': { zh: '以老助老（计入时间银行）', en: 'Elders helping elders (time bank)', zhPlain: '老人帮老人（时间存进时间银行）' },
  'su.status.confirmed': { zh: '已报名', en: 'Signed up' },
  'su.status.waitlisted': { zh: '候补中', en: 'On the waitlist' },
  'su.status.waitlistedAt': { zh: '候补第 {n} 位', en: 'Waitlist no. {n}', zhPlain: '排队第 {n} 个', enPlain: 'Number {n} in the queue' },
  'su.status.cancelled': { zh: '已取消', en: 'Cancelled' },
  'su.status.checkedIn': { zh: '已签到', en: 'Checked in', zhPlain: '已到场', enPlain: 'Arrived' },
  'su.status.checkedOut': { zh: '已签退', en: 'Checked out', zhPlain: '已离场', enPlain: 'Left' },
  'su.hours.title': { zh: '我的服务时长', en: 'My service hours', zhPlain: '我做了多少小时' },
  'su.hours.total': { zh: '{h} 小时', en: '{h} h', enPlain: '{h} hours' },
  'su.bank.title': { zh: '时间银行', en: 'Time bank', zhPlain: '时间银行（帮人存时间）', enPlain: 'Time bank (help now, be helped later)' },
  'su.teams.title': { zh: '志愿服务队', en: 'Volunteer teams' },
  'su.home.events': { zh: '社区活动', en: 'Community events', zhPlain: '社区里的活动' },
  'su.home.noEvents': { zh: '近期没有社区活动', en: 'No events coming up' },
  'su.event.tag': { zh: '文化活动', en: 'Event' },
  'su.event.cancelled': { zh: '已取消', en: 'Cancelled' },
  'su.verify.title': { zh: '证明核验', en: 'Check a certificate' },

  // relief: the 办事 tab (the rest is in relief.ts and reliefRegistry.ts, registered by packages/relief)
  'tab.services': { zh: '办事', en: 'Services' },
  'rl.tab.title': { zh: '办事', en: 'Services', zhPlain: '办事情', enPlain: 'Get help' },
  'rl.tab.apply': { zh: '可以申请的救助帮扶', en: 'Relief you can apply for', zhPlain: '可以申请的补助', enPlain: 'Help you can ask for' },
  'rl.tab.mine': { zh: '我家的申请', en: 'My household’s applications', zhPlain: '我家申请的', enPlain: 'What my family asked for' },
  'rl.tab.noApps': { zh: '还没有申请', en: 'No applications yet' },
  'rl.tab.needBinding': { zh: '绑定社区后可以申请救助帮扶', en: 'Bind to your community to apply for relief' },
  'rl.tab.work': { zh: '救助帮扶工作', en: 'Relief work', zhPlain: '帮扶工作', enPlain: 'Helping work' },
  'rl.entry.proxy': { zh: '代居民申请', en: 'File for a resident', zhPlain: '帮居民申请', enPlain: 'Apply for a resident' },
  'rl.entry.queueCommunity': { zh: '社区审核', en: 'Community review queue', zhPlain: '要审核的申请', enPlain: 'Applications to check' },
  'rl.entry.queueSubdistrict': { zh: '街道审批（二级）', en: 'Sub-district approvals (second level)', zhPlain: '街道要审批的申请', enPlain: 'Applications for the sub-district' },
  'rl.entry.disbursements': { zh: '资金发放', en: 'Disbursements', zhPlain: '发钱', enPlain: 'Payments' },
  'rl.entry.figures': { zh: '救助统计', en: 'Relief figures', zhPlain: '救助数字', enPlain: 'Numbers' },
  'rl.entry.registry': { zh: '困难群众台账', en: 'Registry of households in difficulty', zhPlain: '困难家庭名单', enPlain: 'Families in need' },
  'rl.entry.visits': { zh: '走访（四必访）', en: 'Must-visits', zhPlain: '上门看望', enPlain: 'Home visits' },
  'rl.type.dibao': { zh: '低保', en: 'Minimum living allowance' },
  'rl.type.temporaryRelief': { zh: '临时救助', en: 'Temporary relief' },
  'rl.type.severeDisabilitySubsidy': { zh: '重度残疾人生活补助', en: 'Severe disability living subsidy' },
  'rl.type.veteranCare': { zh: '优抚金', en: 'Veterans’ special care' },
  'rl.type.housingSubsidy': { zh: '住房补贴', en: 'Housing subsidy' },
  'rl.type.seniorAllowance': { zh: '高龄津贴', en: 'Senior allowance' },
  'rl.type.seniorCard': { zh: '敬老优待证', en: 'Senior citizen card' },
  'rl.type.disabilityCard': { zh: '残疾人证', en: 'Disability card' },
  'rl.status.draft': { zh: '草稿', en: 'Draft', zhPlain: '还没交', enPlain: 'Not sent yet' },
  'rl.status.submitted': { zh: '待社区审核', en: 'Awaiting the community', zhPlain: '社区在看', enPlain: 'The community is checking' },
  'rl.status.infoRequested': { zh: '需补充材料', en: 'More information needed', zhPlain: '要补材料', enPlain: 'Something is missing' },
  'rl.status.communityApproved': { zh: '社区已审核，待街道审批', en: 'Community approved; awaiting the sub-district', zhPlain: '社区同意了，街道在看', enPlain: 'Community said yes; sub-district checking' },
  'rl.status.approved': { zh: '已批准', en: 'Approved', zhPlain: '批下来了', enPlain: 'Approved' },
  'rl.status.rejected': { zh: '未批准', en: 'Not approved' },
  'rl.status.withdrawn': { zh: '已撤回', en: 'Withdrawn' },
  'rl.entry.notice': { zh: '低保公示', en: 'Public notice of dibao', zhPlain: '低保名单公示', enPlain: 'Who gets basic living aid' },
  'rr.myPairings': { zh: '我结对的家庭', en: 'My paired households', zhPlain: '我帮扶的人家', enPlain: 'Households I help' },
  'svc.elderCare': { zh: '为老服务（助餐 助浴 助洁 助行 助医 助急）', en: 'Elder care (meals, bathing, cleaning, mobility, medical, emergency)', zhPlain: '老人服务：订饭、洗澡、打扫、求助', enPlain: 'Help for elders: meals, bathing, cleaning, help now' },
  // 办事's links to employment and micro-projects (their subpackages hold the rest of their texts)
  'svc.community': { zh: '社区事务', en: 'Community affairs', zhPlain: '社区的事', enPlain: 'Community' },
  'svc.accounts': { zh: '社区家务账（惠民项目收支公开）', en: 'Public accounts (micro-projects)', zhPlain: '社区的钱花在哪', enPlain: 'Where the money went' },
  'svc.employment': { zh: '就业援助', en: 'Employment assistance', zhPlain: '帮找工作', enPlain: 'Help into work' },
  'svc.microProjects': { zh: '惠民项目', en: 'Micro-projects', zhPlain: '为民办的实事', enPlain: 'Projects for residents' },
  'svc.safety': { zh: '安全检查 · 门前三包 · 违建', en: 'Safety, street fronts, illegal buildings', zhPlain: '安全检查和门前三包', enPlain: 'Safety checks and shops' },
} satisfies Record<string, Message>

/** Every key of the app: the main table's and every subpackage's, so a mistyped key fails tsc wherever it is used. */
export type MessageKey =
  | keyof typeof mainMessages
  | keyof typeof fiveListsMessages
  | keyof typeof signupsMessages
  | keyof typeof reliefMessages
  | keyof typeof reliefRegistryMessages
  | keyof typeof announcementsMessages
  | keyof typeof casesMessages
  | keyof typeof elderCareMessages
  | keyof typeof workSummaryMessages
  | keyof typeof employmentMessages
  | keyof typeof microProjectsMessages
  | keyof typeof safetyMessages
  | keyof typeof moderationMessages

/**
 * The texts known so far: the main table, and each subpackage's once it has loaded. A key of a subpackage that has
 * not registered its table is missing here, and translate throws on it rather than show the key.
 */
export const messages: Partial<Record<MessageKey, Message>> = { ...mainMessages }

/** Adds a subpackage's table; called when the subpackage loads, before any of its pages renders. */
export function registerMessages(table: Partial<Record<MessageKey, Message>>): void {
  Object.assign(messages, table)
}

import type { Message } from './messages'

/**
 * The texts of the relief registry (动态救助信息库), the four must-visits (四必访) and pairing (结对帮扶): the pages
 * packages/relief/registry, household and visits. Registered by
 * packages/relief/lib/messages.ts when that subpackage loads.
 * zhPlain / enPlain: the plain words of elder mode (长辈版) where the usual phrase is jargon.
 */
export const reliefRegistryMessages = {
  // titles
  'rr.registryTitle': { zh: '救助信息库', en: 'Relief registry', zhPlain: '困难家庭名单', enPlain: 'Households needing help' },
  'rr.householdTitle': { zh: '困难家庭', en: 'Household', zhPlain: '这户人家', enPlain: 'This household' },
  'rr.visitsTitle': { zh: '四必访', en: 'Must-visits', zhPlain: '要上门看望的', enPlain: 'Visits to make' },

  // who and where
  'rr.community': { zh: '社区', en: 'Community' },
  'rr.notWorker': { zh: '只有网格员、社区工作者和街道工作人员可以查看救助信息库', en: 'Only grid workers, community workers and sub-district officers see the relief registry' },

  // tags, benefits, flags
  'rr.tag.elderlyAlone': { zh: '独居老人', en: 'Elderly, living alone' },
  'rr.tag.disability': { zh: '残疾', en: 'Disability' },
  'rr.tag.seriousIllness': { zh: '大病', en: 'Serious illness' },
  'rr.tag.dibao': { zh: '低保', en: 'Minimum allowance', zhPlain: '低保户', enPlain: 'On minimum allowance' },
  'rr.tag.lowIncome': { zh: '低收入', en: 'Low income' },
  'rr.tag.leftBehindChild': { zh: '留守儿童', en: 'Left-behind child' },
  'rr.tag.veteran': { zh: '退役军人', en: 'Veteran' },
  'rr.tag.other': { zh: '其他困难', en: 'Other hardship' },
  'rr.benefit.dibao': { zh: '低保', en: 'Minimum living allowance' },
  'rr.benefit.temporaryRelief': { zh: '临时救助', en: 'Temporary relief' },
  'rr.benefit.severeDisabilitySubsidy': { zh: '重度残疾人生活补助', en: 'Severe disability subsidy' },
  'rr.benefit.veteranCare': { zh: '优抚金', en: 'Veterans’ special care' },
  'rr.benefit.housingSubsidy': { zh: '住房补贴', en: 'Housing subsidy' },
  'rr.benefit.seniorAllowance': { zh: '高龄津贴', en: 'Senior allowance' },
  'rr.benefit.seniorCard': { zh: '敬老优待证', en: 'Senior citizen card' },
  'rr.benefit.disabilityCard': { zh: '残疾人证', en: 'Disability card' },
  'rr.flag.annualReview': { zh: '待年度复核', en: 'Re-check due', zhPlain: '该复查了', enPlain: 'Needs a re-check' },
  'rr.flag.visitDue': { zh: '待走访', en: 'Visit due', zhPlain: '该去看看了', enPlain: 'Needs a visit' },
  'rr.flag.ageThreshold': { zh: '达到高龄津贴年龄', en: 'Senior allowance age reached', zhPlain: '可以领高龄津贴了', enPlain: 'Old enough for the senior allowance' },
  'rr.flag.benefitExpiring': { zh: '待遇即将到期', en: 'Benefit expiring', zhPlain: '补助快到期了', enPlain: 'Help ends soon' },
  'rr.tags': { zh: '标签', en: 'Tags' },
  'rr.benefits': { zh: '享受待遇', en: 'Benefits', zhPlain: '在领的补助', enPlain: 'Help received' },
  'rr.noBenefits': { zh: '暂无待遇', en: 'No benefits' },
  'rr.benefitSince': { zh: '{type}：{since} 起', en: '{type}: from {since}' },
  'rr.benefitUntil': { zh: '{type}：{since} 至 {until}', en: '{type}: {since} to {until}' },
  'rr.flags': { zh: '筛选提示', en: 'Screening flags', zhPlain: '需要注意', enPlain: 'To look at' },
  'rr.noFlags': { zh: '本月无提示', en: 'No flags this month' },
  'rr.lastVisit': { zh: '最近走访', en: 'Last visit', zhPlain: '上次上门', enPlain: 'Last visited' },
  'rr.neverVisited': { zh: '还没有走访记录', en: 'Not visited yet', zhPlain: '还没去过', enPlain: 'Not visited yet' },
  'rr.source.application': { zh: '审批后入库', en: 'From an approved application' },
  'rr.source.worker': { zh: '工作人员登记', en: 'Added by a worker' },

  // the list and its filters
  'rr.filter': { zh: '筛选', en: 'Filter' },
  'rr.filter.all': { zh: '全部', en: 'All' },
  'rr.filter.flagged': { zh: '有提示的', en: 'Flagged' },
  'rr.empty': { zh: '没有符合条件的家庭', en: 'No household matches' },
  'rr.registryEmpty': { zh: '信息库里还没有家庭', en: 'No household in the registry yet' },

  // adding a household
  'rr.addOpen': { zh: '登记困难家庭', en: 'Add a household', zhPlain: '登记一户困难家庭', enPlain: 'Add a family' },
  'rr.add.grid': { zh: '所在网格', en: 'Grid' },
  'rr.add.headName': { zh: '户主姓名', en: 'Head of household' },
  'rr.add.idNumber': { zh: '户主身份证号（加密保存，只显示部分号码）', en: 'Head’s ID number (kept encrypted; shown masked)' },
  'rr.add.note': { zh: '情况说明（选填）', en: 'Note (optional)' },
  'rr.add.submit': { zh: '登记入库', en: 'Add to the registry' },
  'rr.add.done': { zh: '已登记', en: 'Added' },
  'rr.add.needName': { zh: '请填写户主姓名（最多 30 字）', en: 'Give the head’s name (up to 30 characters)' },
  'rr.add.badId': { zh: '身份证号不正确（18 位，末位校验码）', en: 'The ID number is not valid (18 characters with its check digit)' },
  'rr.add.needTag': { zh: '请至少选一个标签', en: 'Choose at least one tag' },
  'rr.add.badNote': { zh: '说明最多 200 字', en: 'The note is at most 200 characters' },
  'rr.add.needGrid': { zh: '请选择网格', en: 'Choose a grid' },

  // tags editing
  'rr.editTags': { zh: '修改标签', en: 'Edit tags' },
  'rr.saveTags': { zh: '保存标签', en: 'Save tags' },
  'rr.tagsSaved': { zh: '标签已保存', en: 'Tags saved' },

  // must-visits
  'rr.kind.hardship': { zh: '生活困难', en: 'Hardship', zhPlain: '日子过不下去', enPlain: 'Hard times' },
  'rr.kind.accidentOrDisaster': { zh: '意外或受灾', en: 'Accident or disaster', zhPlain: '出了意外、遭了灾', enPlain: 'An accident or disaster' },
  'rr.kind.seriousIllness': { zh: '大病住院', en: 'Serious illness in hospital', zhPlain: '生大病住院', enPlain: 'In hospital, very ill' },
  'rr.kind.bereavement': { zh: '亲人去世', en: 'Bereavement', zhPlain: '家里有人去世', enPlain: 'Someone in the family died' },
  'rr.visitsOfHousehold': { zh: '四必访记录', en: 'Must-visits', zhPlain: '上门看望记录', enPlain: 'Visits' },
  'rr.noVisits': { zh: '还没有四必访事件', en: 'No must-visit events yet' },
  'rr.mine': { zh: '我要走访的', en: 'My visits', zhPlain: '我要去看的', enPlain: 'Visits for me' },
  'rr.mineEmpty': { zh: '目前没有要走访的家庭', en: 'No visit due for you now' },
  'rr.allOpen': { zh: '社区待走访', en: 'Open in the community' },
  'rr.done': { zh: '已走访', en: 'Visited', zhPlain: '已经去过', enPlain: 'Done' },
  'rr.doneEmpty': { zh: '还没有完成的走访', en: 'No visit done yet' },
  'rr.byWorker': { zh: '各人待走访', en: 'Open visits by worker' },
  'rr.byWorkerRow': { zh: '{name}：待走访 {open}，已超期 {overdue}', en: '{name}: {open} open, {overdue} overdue' },
  'rr.byWorkerEmpty': { zh: '没有待走访的事件', en: 'No open visits' },
  'rr.due': { zh: '走访期限', en: 'Visit by', zhPlain: '最晚哪天去', enPlain: 'Visit by' },
  'rr.overdue': { zh: '已超期', en: 'Overdue', zhPlain: '晚了', enPlain: 'Late' },
  'rr.dueSoon': { zh: '待走访', en: 'Due', zhPlain: '要去看', enPlain: 'To visit' },
  'rr.occurredOn': { zh: '发生日期', en: 'Happened on' },
  'rr.assignee': { zh: '走访人', en: 'Visitor' },
  'rr.status.open': { zh: '待走访', en: 'Open' },
  'rr.status.done': { zh: '已走访', en: 'Visited' },

  // recording an event
  'rr.event.open': { zh: '登记四必访事件', en: 'Record a must-visit event', zhPlain: '登记要上门看望的事', enPlain: 'Record something that needs a visit' },
  'rr.event.household': { zh: '哪一户', en: 'Which household' },
  'rr.event.kind': { zh: '事件类别', en: 'What happened' },
  'rr.event.note': { zh: '情况说明', en: 'What happened, briefly' },
  'rr.event.occurredOn': { zh: '发生日期（YYYY-MM-DD）', en: 'Date (YYYY-MM-DD)' },
  'rr.event.assignToMe': { zh: '由我走访', en: 'I will visit' },
  'rr.event.assignee': { zh: '指派给（用户编号，选填；不填由我走访）', en: 'Assign to (user id, optional; me when empty)' },
  'rr.event.submit': { zh: '登记并开始走访', en: 'Record and start the visit' },
  'rr.event.done': { zh: '已登记，请在期限前走访', en: 'Recorded: visit before the deadline' },
  'rr.event.needHousehold': { zh: '请选择一户', en: 'Choose a household' },
  'rr.event.needKind': { zh: '请选择事件类别', en: 'Choose what happened' },
  'rr.event.needNote': { zh: '请填写情况说明（最多 300 字）', en: 'Describe it (up to 300 characters)' },
  'rr.event.badDate': { zh: '请按 YYYY-MM-DD 填写日期', en: 'Write the date as YYYY-MM-DD' },
  'rr.event.badAssignee': { zh: '用户编号格式不对', en: 'That user id is not valid' },
  'rr.event.days': { zh: '须在 {n} 天内走访', en: 'Visit within {n} days' },

  // logging a visit
  'rr.log.open': { zh: '记录走访', en: 'Log the visit', zhPlain: '写下看望情况', enPlain: 'Write down the visit' },
  'rr.log.found': { zh: '走访情况（看到了什么、做了什么）', en: 'What you found and did' },
  'rr.log.photos': { zh: '现场照片（选填，最多 9 张）', en: 'Photos (optional, up to 9)' },
  'rr.log.submit': { zh: '提交走访记录', en: 'Save the visit' },
  'rr.log.done': { zh: '走访已记录', en: 'Visit logged' },
  'rr.log.needFound': { zh: '请写下走访情况（最多 500 字）', en: 'Write what you found (up to 500 characters)' },
  'rr.log.by': { zh: '{name} · {at}', en: '{name} · {at}' },

  // pairing
  'rr.pairing': { zh: '结对帮扶', en: 'Pairing', zhPlain: '结对帮扶的人', enPlain: 'Paired helpers' },
  'rr.pairingEmpty': { zh: '还没有结对', en: 'Not paired yet' },
  'rr.pair.role.partyMember': { zh: '党员', en: 'Party member' },
  'rr.pair.role.volunteer': { zh: '志愿者', en: 'Volunteer' },
  'rr.pair.open': { zh: '结对一名党员或志愿者', en: 'Pair a party member or volunteer' },
  'rr.pair.userId': { zh: '对方的用户编号（在“办事”页可以看到）', en: 'Their user id (shown on their Services tab)' },
  'rr.pair.role': { zh: '身份', en: 'As' },
  'rr.pair.submit': { zh: '结对', en: 'Pair' },
  'rr.pair.done': { zh: '已结对', en: 'Paired' },
  'rr.pair.badUser': { zh: '请填写正确的用户编号', en: 'Give a valid user id' },
  'rr.pair.visits': { zh: '{n} 次走访', en: '{n} visits' },
  'rr.pair.logOpen': { zh: '记录我的帮扶走访', en: 'Log my visit' },
  'rr.notFound': { zh: '信息库中没有这一户', en: 'This household is not in the registry' },
} satisfies Record<string, Message>

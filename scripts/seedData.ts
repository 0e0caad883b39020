/**
 * What the seed writes, as data: the organisation tree, the demo people, and the texts residents raise on say-it days
 * (with what a session might decide about each). scripts/seed.ts turns this into items and API calls.
 */
import type { MatterCategory } from '../shared/sayItDay/schemas';
import type { Role, Unit } from '../shared/org/schemas';

export const SUBDISTRICT = 'sd-xx';

export const units: Array<Unit & { inviteCode?: string }> = [
  { id: 'sd-xx', kind: 'subdistrict', name: 'XX街道', path: ['sd-xx'] },
  { id: 'c-heping', kind: 'community', name: '和平社区', parentId: 'sd-xx', path: ['sd-xx', 'c-heping'], inviteCode: 'HEPING2026' },
  { id: 'c-jinlvzhou', kind: 'community', name: '金绿洲社区', parentId: 'sd-xx', path: ['sd-xx', 'c-jinlvzhou'], inviteCode: 'JINLVZ2026' },
  { id: 'c-yuanxin', kind: 'community', name: '元信社区', parentId: 'sd-xx', path: ['sd-xx', 'c-yuanxin'], inviteCode: 'YUANXN2026' },
  { id: 'g-heping-1', kind: 'grid', name: '和平社区第一网格', parentId: 'c-heping', path: ['sd-xx', 'c-heping', 'g-heping-1'] },
  { id: 'g-heping-2', kind: 'grid', name: '和平社区第二网格', parentId: 'c-heping', path: ['sd-xx', 'c-heping', 'g-heping-2'] },
  { id: 'g-jinlvzhou-1', kind: 'grid', name: '金绿洲社区第一网格', parentId: 'c-jinlvzhou', path: ['sd-xx', 'c-jinlvzhou', 'g-jinlvzhou-1'] },
  { id: 'g-jinlvzhou-2', kind: 'grid', name: '金绿洲社区第二网格', parentId: 'c-jinlvzhou', path: ['sd-xx', 'c-jinlvzhou', 'g-jinlvzhou-2'] },
  { id: 'g-yuanxin-1', kind: 'grid', name: '元信社区第一网格', parentId: 'c-yuanxin', path: ['sd-xx', 'c-yuanxin', 'g-yuanxin-1'] },
  { id: 'g-yuanxin-2', kind: 'grid', name: '元信社区第二网格', parentId: 'c-yuanxin', path: ['sd-xx', 'c-yuanxin', 'g-yuanxin-2'] },
  { id: 'p-water', kind: 'partnerUnit', name: '市自来水公司', parentId: 'sd-xx', path: ['sd-xx', 'p-water'] },
  { id: 'p-power', kind: 'partnerUnit', name: '供电局城中供电所', parentId: 'sd-xx', path: ['sd-xx', 'p-power'] },
];

export const communities = units.filter((u) => u.kind === 'community');

/** where each community holds its say-it days (the schedule itself is the default: 5th, 15th, 25th at 09:00) */
export const places: Record<string, string> = {
  'c-heping': '和平社区党群服务中心二楼议事厅',
  'c-jinlvzhou': '金绿洲社区邻里中心多功能厅',
  'c-yuanxin': '元信社区居委会会议室',
};

/** the estates and roads of each community, for texts and addresses */
export const estates: Record<string, string[]> = {
  'c-heping': ['和平里小区', '和平路北院', '铁路宿舍'],
  'c-jinlvzhou': ['金绿洲花园', '金绿洲二期', '滨河苑'],
  'c-yuanxin': ['元信小区', '元信家园', '纺织厂宿舍'],
};

export const centres: Record<string, { latitude: number; longitude: number }> = {
  'c-heping': { latitude: 30.2741, longitude: 120.1551 },
  'c-jinlvzhou': { latitude: 30.2802, longitude: 120.163 },
  'c-yuanxin': { latitude: 30.2688, longitude: 120.1479 },
};

export interface SeedPerson {
  /** the openid: `dev:<openid>` logs in as this person on the local stack */
  openid: string;
  displayName: string;
  roles: [Role, string][];
  /** residents: their grid */
  gridId?: string;
}

/** The demo people the login page and the README name. Their openids are fixed. */
export const demoPeople: SeedPerson[] = [
  { openid: 'resident-wang', displayName: '王秀兰', roles: [['resident', 'c-heping']], gridId: 'g-heping-1' },
  { openid: 'resident-li', displayName: '李建国', roles: [['resident', 'c-heping']], gridId: 'g-heping-1' },
  { openid: 'resident-zhao', displayName: '赵敏', roles: [['resident', 'c-jinlvzhou']], gridId: 'g-jinlvzhou-1' },
  { openid: 'grid-chen', displayName: '陈志强', roles: [['gridWorker', 'g-heping-1']] },
  { openid: 'worker-liu', displayName: '刘芳', roles: [['communityWorker', 'c-heping']] },
  { openid: 'officer-huang', displayName: '黄伟', roles: [['subdistrictOfficer', 'sd-xx']] },
  { openid: 'committee-tang', displayName: '唐建华', roles: [['jointCommittee', 'sd-xx']] },
  { openid: 'unit-sun', displayName: '孙明', roles: [['unitContact', 'p-water']] },
  { openid: 'organizer-zhou', displayName: '周婷', roles: [['organizer', 'sd-xx']] },
  // two staff roles: her workbench switches between them (issue 13)
  { openid: 'staff-ma', displayName: '马丽', roles: [['communityWorker', 'c-heping'], ['organizer', 'c-heping']] },
  { openid: 'admin', displayName: '系统管理员', roles: [['admin', 'sd-xx']] },
  { openid: 'newcomer', displayName: '新居民', roles: [] },
];

/** The other staff a believable sub-district has: a worker per community, a grid worker per grid, a second unit contact. */
export const otherStaff: SeedPerson[] = [
  { openid: 'worker-wu', displayName: '吴静', roles: [['communityWorker', 'c-jinlvzhou']] },
  { openid: 'worker-zheng', displayName: '郑磊', roles: [['communityWorker', 'c-yuanxin']] },
  { openid: 'grid-he', displayName: '何丽', roles: [['gridWorker', 'g-heping-2']] },
  { openid: 'grid-lin', displayName: '林涛', roles: [['gridWorker', 'g-jinlvzhou-1']] },
  { openid: 'grid-guo', displayName: '郭晓燕', roles: [['gridWorker', 'g-jinlvzhou-2']] },
  { openid: 'grid-ma', displayName: '马俊', roles: [['gridWorker', 'g-yuanxin-1']] },
  { openid: 'grid-luo', displayName: '罗红', roles: [['gridWorker', 'g-yuanxin-2']] },
  { openid: 'unit-qian', displayName: '钱国栋', roles: [['unitContact', 'p-power']] },
];

/** who hosts each community's say-it days */
export const hosts: Record<string, string> = { 'c-heping': 'worker-liu', 'c-jinlvzhou': 'worker-wu', 'c-yuanxin': 'worker-zheng' };

/** People who asked to join a community and wait for a worker to confirm. */
export const pendingPeople: Array<{ openid: string; displayName: string; communityId: string; gridId?: string; note: string }> = [
  { openid: 'pending-qian', displayName: '钱小红', communityId: 'c-heping', gridId: 'g-heping-2', note: '刚搬到和平里小区7号楼2单元，租住' },
  { openid: 'pending-jiang', displayName: '蒋卫国', communityId: 'c-heping', note: '铁路宿舍3号楼老住户，儿子帮忙注册' },
  { openid: 'pending-tang', displayName: '唐悦', communityId: 'c-yuanxin', gridId: 'g-yuanxin-1', note: '元信家园新业主' },
];

export const surnames = [
  '张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
  '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '苏',
];
export const givenNames = [
  '桂英', '玉兰', '秀英', '淑珍', '建华', '国强', '志刚', '丽娟', '海燕', '红梅', '德明', '春生', '晓东', '文静', '思远',
  '子涵', '雨桐', '永福', '金凤', '学军', '素芬', '宝山', '卫东', '建平', '美玲', '浩然', '俊杰', '慧敏', '立新', '春花',
  '长林', '凤英', '秋菊', '明辉', '雪梅', '振华', '家豪', '欣怡', '国庆', '红霞', '少华', '文斌', '桂兰', '佳琪', '志远',
  '淑华', '铁军', '晓梅', '永强', '丽萍',
];

/**
 * What residents raise. `{estate}`, `{b}` (building) and `{u}` (unit entrance) are filled in. Each says what a session
 * might decide: solved on the spot (with a note), into the five lists (with a note), or not accepted (with a reason).
 */
export interface MatterTemplate {
  key: string;
  category: MatterCategory;
  text: string;
  spot?: string;
  five?: string;
  no?: string;
}

export const matterTemplates: MatterTemplate[] = [
  // environment
  { key: 'streetlight', category: 'environment', text: '{estate}{b}号楼前的路灯坏了快两个星期了，晚上老人出门看不清路，容易摔倒。', spot: '物业当场派电工查看，承诺三天内更换灯具。', five: '涉及路灯线路老化，转供电局城中供电所排查线路。' },
  { key: 'garbage', category: 'environment', text: '{estate}东门的垃圾桶经常满出来，夏天味道很大，希望增加清运次数。', spot: '环卫所负责人在会上答应每天增加一次清运。', five: '转街道城管科协调环卫公司调整清运频次和时间。' },
  { key: 'drain', category: 'environment', text: '{b}号楼{u}单元下水道堵了，一楼住户家里反水，找过物业两次都没解决。', spot: '物业经理当场安排明天上午疏通。', five: '需要开挖疏通主管道，转市自来水公司排水所处理。' },
  { key: 'vegetables', category: 'environment', text: '小区里有人在绿化带种菜、堆杂物，影响环境，请社区出面劝导。', spot: '网格员会后上门劝导，限期一周清理，物业配合复绿。' },
  { key: 'potholes', category: 'environment', text: '{estate}内部道路坑坑洼洼，一下雨就积水，老人和孩子走路很不方便。', five: '纳入老旧小区改造项目，转街道城建科测算费用。' },
  { key: 'watertank', category: 'environment', text: '楼顶水箱好多年没清洗了，自来水有时候发黄，担心水质有问题。', five: '转市自来水公司检测水质并安排清洗二次供水设施。' },
  { key: 'squaredance', category: 'environment', text: '晚上广场舞音响开得太大，一直跳到十点多，楼上住户没法休息。', spot: '与广场舞队负责人当场商定：音量调低，晚上八点半前结束。' },
  { key: 'stairlight', category: 'environment', text: '{b}号楼{u}单元的楼道声控灯不亮了，上下楼只能摸黑。', spot: '物业当场答应本周内更换声控灯。' },
  { key: 'construction', category: 'environment', text: '旁边工地夜里施工，晚上十一点还在打桩，严重影响休息。', five: '转街道综合执法队核查夜间施工许可并督促整改。' },
  { key: 'cats', category: 'environment', text: '小区里流浪猫越来越多，有人在楼道口投喂，楼道里有异味。', spot: '与投喂的居民沟通，设固定投喂点并每天清理。' },
  { key: 'sorting', category: 'environment', text: '垃圾分类投放点离{b}号楼太远，老人提着垃圾走不动，能不能增设一个点位。', spot: '社区与物业当场商定在{b}号楼北侧增设临时投放点。', five: '转街道城管科评估增设分类投放点。' },
  { key: 'bbq', category: 'environment', text: '小区附近新开的烧烤店油烟很大，直冲我家窗户，晚上还很吵。', five: '转街道综合执法队核查油烟净化设施和经营时间。' },
  // safety
  { key: 'ebike', category: 'safety', text: '{b}号楼{u}单元有住户在楼道里给电动车充电，还从窗户拉飞线，太危险了。', spot: '网格员当场登记，会后上门劝导拆除飞线。', five: '转供电局城中供电所评估在东门增设集中充电桩。' },
  { key: 'gate', category: 'safety', text: '小区大门的门禁坏了一个多月，外来人员随便进出，希望尽快修好。', spot: '物业当场承诺一周内修复门禁。', five: '门禁系统需整体更换，转街道协调维修资金。' },
  { key: 'crossing', category: 'safety', text: '{estate}北侧路口没有斑马线和减速带，学生上下学过马路很危险。', five: '转交警大队评估施划斑马线、设置减速带。' },
  { key: 'cctv', category: 'safety', text: '小区监控有好几个是坏的，最近接连有电动车电瓶被偷。', spot: '物业当场安排维修监控，派出所社区民警加强夜间巡逻。', five: '转街道综治中心纳入雪亮工程补点。' },
  { key: 'tiles', category: 'safety', text: '{b}号楼外墙瓷砖有脱落，下面就是人行道，怕砸到人。', five: '先行设置警示围挡，转房屋安全鉴定后由维修资金列支修复。' },
  { key: 'gaspipe', category: 'safety', text: '{b}号楼外墙上的燃气管道锈得很厉害，担心会漏气。', five: '转燃气公司上门检测并更换锈蚀管段。' },
  { key: 'extinguisher', category: 'safety', text: '楼道里的灭火器都过期了，有的压力表指针已经在红区。', spot: '物业当场答应本周内全部更换。' },
  { key: 'corridor', category: 'safety', text: '{estate}{b}号楼楼道里堆满了纸箱和旧家具，消防通道都堵了。', spot: '网格员会后组织楼栋长和志愿者集中清理。' },
  // community building
  { key: 'elevator', category: 'communityBuilding', text: '{b}号楼是六层的老楼，住了很多老人，希望能加装电梯，大家愿意出一部分钱。', five: '转街道城建科指导加装电梯意见征询和项目申报。', no: '该楼一楼住户尚未达成一致意见，暂不具备申报条件，社区继续协调。' },
  { key: 'parking', category: 'communityBuilding', text: '小区停车位太少，晚上车停得到处都是，消防车根本进不来。', five: '转街道协调周边单位错时共享停车位，并规划施划停车位。' },
  { key: 'benches', category: 'communityBuilding', text: '希望在{estate}里增设几张休息座椅，老人散步走累了没地方坐。', spot: '社区当场答应从社区服务经费中购置六张座椅。' },
  { key: 'lockers', category: 'communityBuilding', text: '小区没有快递柜，快递都堆在门卫室，经常丢件。', five: '转街道联系快递企业在小区设置智能快递柜。' },
  { key: 'afterschool', category: 'communityBuilding', text: '希望社区办一个四点半课堂，双职工家庭的孩子放学没人管。', five: '转街道联系辖区学校和志愿服务队共建四点半课堂。' },
  { key: 'canteen', category: 'communityBuilding', text: '老年食堂的饭菜太咸，品种也少，能不能改进一下。', spot: '当场联系助餐点负责人，下周起推出低盐低油菜品。' },
  { key: 'renovation', category: 'communityBuilding', text: '{estate}是九十年代的老小区，屋顶漏水、管线老化，希望纳入老旧小区改造。', five: '已报送区住建局申请纳入明年老旧小区改造计划。' },
  { key: 'health', category: 'communityBuilding', text: '建议社区组织一些健康讲座，比如高血压、糖尿病的预防和用药。', spot: '社区卫生服务站答应每月第二个周四举办健康讲座。' },
  { key: 'fitness', category: 'communityBuilding', text: '小区里的健身器材有几件坏了，螺丝松动，孩子玩很危险。', spot: '物业当场贴上停用标识，三天内维修。', five: '器材已过质保期，转街道文体站申请更换。' },
  { key: 'bikes', category: 'communityBuilding', text: '希望在小区门口划一个非机动车停放区，现在自行车、电动车乱停。', spot: '社区与物业商定在门口西侧施划停放区。' },
  { key: 'phones', category: 'communityBuilding', text: '能不能办个老年人智能手机培训班，教大家用微信视频、手机挂号。', spot: '社区志愿服务队每周三下午在活动室开课。' },
  { key: 'ownerscommittee', category: 'communityBuilding', text: '建议小区成立业主委员会，物业费怎么用的大家都不清楚。', five: '转街道指导召开业主大会筹备会。', no: '成立业委会需按物业管理条例由街道指导筹备，已向居民说明程序，本次不作处理。' },
  // personal difficulty
  { key: 'dibao', category: 'personalDifficulty', text: '老伴中风后一直卧床，我一个人照顾很吃力，想咨询低保和护理补贴怎么申请。', spot: '社区工作人员当场讲解低保申请条件和材料，会后上门帮助准备材料。', five: '转救助帮扶流程，由网格员代办低保申请。' },
  { key: 'senior', category: 'personalDifficulty', text: '我今年刚满八十岁，听说有高龄津贴，不知道去哪里办。', spot: '当场说明：高龄津贴满九十周岁可申请，八十周岁可办理敬老优待证，由网格员代办。' },
  { key: 'disability', category: 'personalDifficulty', text: '儿子是重度残疾，想申请重度残疾人生活补助，需要准备哪些材料？', spot: '当场说明所需材料，网格员会后上门帮助办理。' },
  { key: 'temporary', category: 'personalDifficulty', text: '家里两口子都失业了，孩子上学开销大，能不能申请临时救助。', five: '转救助帮扶流程，社区入户核实后申请临时救助。' },
  { key: 'pipe', category: 'personalDifficulty', text: '我是独居老人，家里水管漏水自己修不了，希望社区帮忙找人看看。', spot: '志愿服务队当天下午上门维修。' },
  { key: 'housing', category: 'personalDifficulty', text: '我是外地来的新市民，想问问公租房和住房补贴怎么申请。', spot: '当场讲解申请条件和流程，并发放办事指南。' },
  { key: 'meals', category: 'personalDifficulty', text: '母亲九十二岁了，腿脚不方便，想申请助餐送餐服务。', spot: '当场登记，助餐点下周一起每天送餐上门。', five: '转为老服务流程评估后安排送餐。' },
  { key: 'veteran', category: 'personalDifficulty', text: '我是退役军人，想咨询一下今年优抚金的调整政策。', spot: '退役军人服务站工作人员当场解答。' },
  { key: 'annual', category: 'personalDifficulty', text: '低保年审需要的材料太多，我腿脚不好跑不了几趟，希望能上门办理。', spot: '网格员会后上门收取材料，代办年审。' },
  // other
  { key: 'groupchat', category: 'other', text: '希望社区把居务公开栏的内容也发到居民群里，很多人平时不看公告栏。', spot: '社区答应今后同步发布到各楼栋微信群。' },
  { key: 'sharedbikes', category: 'other', text: '小区门口的共享单车乱停乱放，能不能联系公司来清理。', five: '转街道城管科约谈共享单车运营企业。' },
  { key: 'bus', category: 'other', text: '希望开通一条去区医院的公交线路，现在要换两趟车，老人看病很不方便。', no: '公交线路调整属市交通运输部门职权，已记录并向街道反映，本次不予受理。', five: '转街道向市交通运输局提交线路优化建议。' },
  { key: 'propertyfee', category: 'other', text: '物业费年年涨，服务却没跟上，希望社区监督一下物业公司。', five: '转街道住建办约谈物业公司，开展服务质量评议。', no: '物业收费属于业主与物业公司的合同事项，建议通过业主大会协商，社区可协助组织。' },
  { key: 'renovationnoise', category: 'other', text: '楼上住户装修，周末一大早就开电钻，能不能规定一下装修时间。', spot: '物业当场答应张贴装修管理规定，周末上午十点前禁止高噪声作业。' },
  { key: 'stalls', category: 'other', text: '楼下商铺占道经营，把人行道都占满了，推婴儿车都过不去。', five: '转街道综合执法队整治占道经营。' },
  { key: 'leak', category: 'other', text: '楼上卫生间漏水漏到我家好几次了，找楼上协商不理，希望社区帮忙调解。', spot: '人民调解员当场约双方下周面谈调解。', no: '属于邻里民事纠纷，已转人民调解委员会，不作为说事会事项。' },
];

/** why a matter is not accepted when its template names no reason of its own */
export const genericReasons = [
  '该事项已在上期说事会受理并转入五单办理，本次合并处理，不重复受理。',
  '经网格员现场核实，所反映情况已整改到位。',
  '属于个人民事纠纷，建议通过人民调解或诉讼途径解决。',
];

/** the matters the upcoming session of each community gets through the API */
export interface UpcomingPlan {
  author: string;
  template: string;
  anonymous?: boolean;
  withLocation?: boolean;
  seconders: number;
  withdraw?: boolean;
}

export const upcomingPlans: Record<string, UpcomingPlan[]> = {
  'c-heping': [
    { author: 'resident-wang', template: 'streetlight', withLocation: true, seconders: 6 },
    { author: 'resident-li', template: 'elevator', seconders: 9 },
    { author: '#3', template: 'ebike', seconders: 4 },
    { author: '#4', template: 'squaredance', anonymous: true, seconders: 3 },
    { author: '#5', template: 'dibao', seconders: 0 },
    { author: '#6', template: 'garbage', seconders: 1, withdraw: true },
    { author: '#7', template: 'parking', seconders: 5 },
  ],
  'c-jinlvzhou': [
    { author: 'resident-zhao', template: 'lockers', seconders: 5 },
    { author: '#2', template: 'crossing', withLocation: true, seconders: 7 },
    { author: '#3', template: 'cats', anonymous: true, seconders: 2 },
    { author: '#4', template: 'senior', seconders: 0 },
    { author: '#5', template: 'gate', seconders: 1, withdraw: true },
  ],
  'c-yuanxin': [
    { author: '#1', template: 'renovation', seconders: 8 },
    { author: '#2', template: 'gaspipe', withLocation: true, seconders: 4 },
    { author: '#3', template: 'propertyfee', anonymous: true, seconders: 3 },
    { author: '#4', template: 'meals', seconders: 0 },
    { author: '#5', template: 'benches', seconders: 2, withdraw: true },
  ],
};

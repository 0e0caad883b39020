/**
 * 安全生产 / 消防: the kinds of registered site (重点部位和人员密集场所) and the checklist an inspection walks at each,
 * as data. A checklist item's id is stable (inspections store it); its deadline is the rectification time a hazard
 * found there gets by default. Pure: both sides use it.
 */
export interface ChecklistItem {
  id: string;
  zh: string;
  en: string;
  /** days to rectify a hazard found at this item */
  deadlineDays: number;
}

export interface SiteTypeDef {
  type: SiteType;
  zh: string;
  en: string;
  checklist: readonly ChecklistItem[];
}

export const siteTypes = ['petrolStation', 'school', 'market', 'enterprise', 'supermarket', 'entertainment', 'residentialCompound'] as const;
export type SiteType = (typeof siteTypes)[number];

const item = (id: string, zh: string, en: string, deadlineDays = 15): ChecklistItem => ({ id, zh, en, deadlineDays });

/** what every site is checked for (消防) */
const fire: readonly ChecklistItem[] = [
  item('exitsClear', '消防通道、安全出口畅通', 'Fire lanes and exits clear', 3),
  item('extinguishersValid', '灭火器配备齐全且在有效期内', 'Extinguishers present and in date', 7),
  item('emergencyLights', '应急照明、疏散指示标志完好', 'Emergency lights and exit signs working', 15),
  item('wiringSafe', '电气线路无私拉乱接', 'No makeshift wiring', 7),
];

export const siteTypeDefs: Readonly<Record<SiteType, SiteTypeDef>> = {
  petrolStation: {
    type: 'petrolStation',
    zh: '加油站',
    en: 'Petrol station',
    checklist: [
      ...fire,
      item('noFlame', '站内无明火、禁烟标识醒目', 'No open flame; no-smoking signs visible', 3),
      item('staticGrounding', '防静电接地装置完好', 'Anti-static grounding intact', 15),
      item('tankLeak', '油罐、管线无渗漏', 'No leaks at tanks and pipes', 7),
    ],
  },
  school: {
    type: 'school',
    zh: '学校',
    en: 'School',
    checklist: [
      ...fire,
      item('gateGuard', '校门安保人员在岗、一键报警可用', 'Gate guard on duty; alarm button works', 7),
      item('canteenHygiene', '食堂持证经营、留样规范', 'Canteen licensed; food samples kept', 15),
      item('drillRecords', '定期开展疏散演练并有记录', 'Evacuation drills held and recorded', 30),
    ],
  },
  market: {
    type: 'market',
    zh: '集贸市场',
    en: 'Market',
    checklist: [...fire, item('gasCylinders', '液化气瓶存放规范', 'Gas cylinders stored safely', 3), item('aislesClear', '摊位不占用疏散通道', 'Stalls do not block the aisles', 7)],
  },
  enterprise: {
    type: 'enterprise',
    zh: '工矿商贸企业',
    en: 'Enterprise',
    checklist: [
      ...fire,
      item('hazmatStorage', '危险化学品储存规范', 'Hazardous chemicals stored properly', 7),
      item('machineGuards', '机械设备防护装置完好', 'Machine guards in place', 15),
      item('safetyTraining', '员工安全培训有记录', 'Staff safety training recorded', 30),
    ],
  },
  supermarket: {
    type: 'supermarket',
    zh: '超市',
    en: 'Supermarket',
    checklist: [...fire, item('aislesClear', '货架不占用疏散通道', 'Shelves do not block the aisles', 7), item('coldChain', '冷链设备运行正常', 'Cold-chain equipment working', 15)],
  },
  entertainment: {
    type: 'entertainment',
    zh: '娱乐场所',
    en: 'Entertainment venue',
    checklist: [
      ...fire,
      item('occupancyLimit', '不超核定人数经营', 'Within the licensed occupancy', 3),
      item('decorMaterials', '装修材料符合防火要求', 'Fit-out materials fire-rated', 30),
      item('nightDuty', '夜间值班人员在岗', 'Night duty staff on post', 7),
    ],
  },
  residentialCompound: {
    type: 'residentialCompound',
    zh: '居民小区',
    en: 'Residential compound',
    checklist: [
      ...fire,
      item('hydrants', '室内外消火栓有水、完好', 'Hydrants working and supplied', 15),
      item('ebikeCharging', '电动自行车不在楼道停放充电', 'No e-bikes parked or charged in stairwells', 7),
      item('corridorsClear', '楼道无杂物堆放', 'Corridors free of clutter', 7),
    ],
  },
};

export function checklistOf(type: SiteType): readonly ChecklistItem[] {
  return siteTypeDefs[type].checklist;
}

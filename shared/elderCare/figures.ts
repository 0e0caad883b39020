import { ledger, percent, yuanText, type FigureValues } from '../platform/figures';
import type { ServiceKind } from './schemas';

/** The figure counted for a service served, by its kind: 助餐 meals, 助浴 baths, ... */
export const servedFigureOf: Record<ServiceKind, string> = {
  meal: 'mealsServed',
  bath: 'bathsServed',
  cleaning: 'cleaningServed',
  mobility: 'mobilityServed',
  medical: 'medicalServed',
  emergency: 'emergencyServed',
  local: 'localServed',
};

/**
 * 为老服务's ledger: services counted when served (not when booked), 人次 (each served booking is one), the subsidy
 * given, 助急 requests and those acknowledged before they escalated.
 */
export const elderCareLedger = ledger({
  ledger: 'elderCare',
  zh: '为老服务',
  en: 'Elder care',
  figures: [
    { key: 'servicesServed', zh: '为老服务', en: 'Elder-care services served', measureZh: '人次', unit: 'count' },
    { key: 'mealsServed', zh: '助餐', en: 'Meals served', measureZh: '人次', unit: 'count' },
    { key: 'bathsServed', zh: '助浴', en: 'Baths', measureZh: '人次', unit: 'count' },
    { key: 'cleaningServed', zh: '助洁', en: 'Cleaning', measureZh: '人次', unit: 'count' },
    { key: 'mobilityServed', zh: '助行', en: 'Mobility help', measureZh: '人次', unit: 'count' },
    { key: 'medicalServed', zh: '助医', en: 'Medical help', measureZh: '人次', unit: 'count' },
    { key: 'emergencyServed', zh: '助急上门', en: 'Emergency visits booked', measureZh: '人次', unit: 'count' },
    { key: 'localServed', zh: '特色服务', en: 'Local (X) services', measureZh: '人次', unit: 'count' },
    { key: 'subsidyFen', zh: '服务补贴', en: 'Subsidy given', unit: 'fen' },
    { key: 'emergencyRequests', zh: '助急求助', en: 'Emergency help requests', measureZh: '次', unit: 'count' },
    { key: 'emergencyAckInTime', zh: '及时响应', en: 'Acknowledged before escalation', measureZh: '次', unit: 'count' },
  ],
  rates: [{ key: 'emergencyAckRate', zh: '助急及时响应率', en: 'Emergency help acknowledged in time', numerator: 'emergencyAckInTime', denominator: 'emergencyRequests' }],
  sentences(v: FigureValues, period) {
    const n = (k: string) => v[k] ?? 0;
    const rate = n('emergencyRequests') > 0 ? n('emergencyAckInTime') / n('emergencyRequests') : undefined;
    const zh =
      `${period.zh}提供居家养老“6+X”为老服务${n('servicesServed')}人次，其中助餐${n('mealsServed')}人次、助浴${n('bathsServed')}人次、助洁${n('cleaningServed')}人次、` +
      `助行${n('mobilityServed')}人次、助医${n('medicalServed')}人次，发放服务补贴${yuanText(n('subsidyFen'))}；` +
      `受理助急求助${n('emergencyRequests')}次，及时响应率${percent(rate)}。`;
    const en =
      `In ${period.en}, ${n('servicesServed')} elder-care services were delivered (${n('mealsServed')} meals, ${n('bathsServed')} baths, ` +
      `${n('cleaningServed')} cleaning, ${n('mobilityServed')} mobility, ${n('medicalServed')} medical), with subsidies of ${(n('subsidyFen') / 100).toFixed(2)} yuan; ` +
      `${n('emergencyRequests')} emergency help requests, ${percent(rate)} acknowledged in time.`;
    return { zh, en };
  },
  recordsPage: '/packages/elderCare/records/index',
});

/** The figures of served bookings and help requests, recounted from the records (the recount test calls it). */
export function recountElderCare(records: {
  served: readonly { serviceKind: ServiceKind; subsidyFen: number }[];
  emergencies: readonly { ackInTime: boolean }[];
}): Record<string, number> {
  const out: Record<string, number> = { servicesServed: 0, subsidyFen: 0, emergencyRequests: 0, emergencyAckInTime: 0 };
  for (const b of records.served) {
    out.servicesServed! += 1;
    out[servedFigureOf[b.serviceKind]] = (out[servedFigureOf[b.serviceKind]] ?? 0) + 1;
    out.subsidyFen! += b.subsidyFen;
  }
  for (const e of records.emergencies) {
    out.emergencyRequests! += 1;
    if (e.ackInTime) out.emergencyAckInTime! += 1;
  }
  return Object.fromEntries(Object.entries(out).filter(([, n]) => n !== 0));
}

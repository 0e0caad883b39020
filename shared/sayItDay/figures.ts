import { ledger, percent, ratesOf } from '../platform/figures';

/**
 * 吾事五说's figures for a work summary, counted when a session is closed (functions/sayItDay/commands/runSession.ts
 * closeSession), in the month of the session's date: the sessions held, the residents who came (人次, the minutes'
 * attendance), and the session's matters by outcome. A session's outcomes are fixed once it is closed (an outcome is
 * recorded only while it runs; a matter is withdrawn only before), so counting at the close counts each matter once,
 * and a burst of residents submitting matters writes no counter.
 */
export const sayItDayLedger = /* @__PURE__ */ ledger({
  ledger: 'sayItDay',
  zh: '吾事五说',
  en: 'Say-it days',
  figures: [
    { key: 'sessionsHeld', zh: '召开说事会', en: 'sessions held', measureZh: '场', unit: 'count' },
    { key: 'attendance', zh: '参与群众', en: 'residents attending', measureZh: '人次', unit: 'count' },
    { key: 'mattersRaised', zh: '收集群众诉求', en: 'matters raised', measureZh: '件', unit: 'count' },
    { key: 'solvedOnSpot', zh: '当场解决', en: 'solved on the spot', measureZh: '件', unit: 'count' },
    { key: 'toFiveLists', zh: '转入五单办理', en: 'sent on to the five lists', measureZh: '件', unit: 'count' },
    { key: 'notAccepted', zh: '不予受理', en: 'not accepted', measureZh: '件', unit: 'count' },
  ],
  rates: [{ key: 'solvedOnSpotRate', zh: '当场解决率', en: 'solved on the spot', numerator: 'solvedOnSpot', denominator: 'mattersRaised' }],
  sentences(v, period) {
    const n = (k: string) => v[k] ?? 0;
    const rate = percent(ratesOf(sayItDayLedger, v).solvedOnSpotRate);
    return {
      zh:
        `${period.zh}共召开吾事五说说事会${n('sessionsHeld')}场，参与群众${n('attendance')}人次，收集群众诉求${n('mattersRaised')}件，` +
        `当场解决${n('solvedOnSpot')}件（当场解决率${rate}），转入五单办理${n('toFiveLists')}件，不予受理${n('notAccepted')}件`,
      en:
        `In ${period.en}, ${n('sessionsHeld')} say-it day sessions were held with ${n('attendance')} resident attendances; ` +
        `${n('mattersRaised')} matters were raised, ${n('solvedOnSpot')} solved on the spot (${rate}), ${n('toFiveLists')} sent on to the five lists ` +
        `and ${n('notAccepted')} not accepted.`,
    };
  },
  recordsPage: '/pages/matters/index',
});

/** A closed session's figures: what its close adds to the ledger (and what a recount adds up, session by session). */
export function sessionFigures(s: { attendance?: number }, statuses: readonly string[]): Record<string, number> {
  const count = (k: string) => statuses.filter((x) => x === k).length;
  const solvedOnSpot = count('solvedOnSpot');
  const toFiveLists = count('toFiveLists');
  const notAccepted = count('notAccepted');
  return { sessionsHeld: 1, attendance: s.attendance ?? 0, mattersRaised: solvedOnSpot + toFiveLists + notAccepted, solvedOnSpot, toFiveLists, notAccepted };
}

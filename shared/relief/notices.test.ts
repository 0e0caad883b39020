import { renderText } from '../notifications/texts';
import { mustVisitKindWords, reliefNotices } from './notices';

const r = (t: Parameters<typeof renderText>[0]) => renderText(t);

describe('what relief tells people', () => {
  it('masks the applicant’s name in new work for reviewers, in both languages', () => {
    const t = r(reliefNotices.newWork('dibao', '王秀兰', 'community'));
    expect(t.zh).toEqual({ title: '有新的救助申请待审核', body: '王*兰的低保申请已提交，请及时审核' });
    expect(t.en.body).toBe("王*兰's Minimum living allowance application was submitted");
    expect(r(reliefNotices.newWork('dibao', '王秀兰', 'subdistrict')).zh.title).toBe('有社区初审通过的申请待审批');
  });

  it('says a monthly amount per month, a one-off amount once, and no amount for a card', () => {
    expect(r(reliefNotices.approved('dibao', 2095)).zh.body).toBe('您的低保申请已批准，每月2095元');
    expect(r(reliefNotices.approved('temporaryRelief', 3500.5)).zh.body).toBe('您的临时救助申请已批准，金额3500.50元');
    expect(r(reliefNotices.approved('seniorCard', undefined)).en.body).toBe('Your Senior citizen card application was approved');
    expect(r(reliefNotices.approved('seniorCard', undefined)).zh.body).toBe('您的敬老优待证申请已批准');
  });

  it('cuts a long reason and keeps a short one whole', () => {
    const long = '经'.repeat(60);
    expect([...r(reliefNotices.rejected('dibao', long)).zh.body].length).toBeLessThan(60);
    expect(r(reliefNotices.rejected('dibao', '收入超标')).zh.body).toBe('您的低保申请未获批准：收入超标');
    expect(r(reliefNotices.infoRequested('dibao', '请补充收入证明')).en.body).toBe('Your Minimum living allowance application needs: 请补充收入证明');
  });

  it('names every kind of must-visit', () => {
    expect(Object.keys(mustVisitKindWords).sort()).toEqual(['accidentOrDisaster', 'bereavement', 'hardship', 'seriousIllness']);
    expect(r(reliefNotices.mustVisit('周老伯', 'bereavement', '2026-12-17')).zh.body).toBe('周*伯家家中有人去世，请在2026-12-17前走访');
  });
});

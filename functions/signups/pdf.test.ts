import { readPdf } from '../../tests/support/signups';
import type { Certificate } from '../../shared/signups/schemas';
import { certificatePdf } from './certificatePdf';
import { PdfPage, renderPdf, utf16Hex, wrap } from './pdf';

const cert = (activities: number): Certificate => ({
  serial: 'LL20261201ABCDEFGHJK',
  name: '王秀兰',
  maskedId: '1101**********1234',
  organisation: '和平街道',
  activities: Array.from({ length: activities }, (_, i) => ({ title: `社区大扫除第${i + 1}次（和平社区 3 号楼）`, servedOn: '2026-03-0' + ((i % 9) + 1), minutes: 90 })),
  totalMinutes: activities * 90,
  hours: activities * 1.5,
  from: '2026-01-01',
  to: '2026-12-31',
  issuedAt: '2026-12-01T02:00:00.000Z',
});

describe('the PDF writer', () => {
  it('writes a file whose cross-reference table points at every object, with a trailer', () => {
    // Act
    const pdf = readPdf(renderPdf([new PdfPage().text(72, 700, 12, '邻里 Linli'), new PdfPage().centred(300, 400, 20, '第二页')], { title: '测试', created: new Date(0) }));
    // Assess
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.pages[0]!.lines).toEqual(['邻里 Linli']);
    expect(pdf.pages[1]!.lines).toEqual(['第二页']);
    expect(pdf.trailer).toMatch(/\/Root 1 0 R/);
  });

  it('sets the text in STSong-Light, a Type0 font over a CIDFontType0, not embedded, encoded UniGB-UCS2-H', () => {
    const pdf = readPdf(renderPdf([new PdfPage().text(72, 700, 12, '中')], { title: 't', created: new Date(0) }));
    const font = pdf.pages[0]!.font;
    expect(font).toMatch(/\/Subtype \/Type0/);
    expect(font).toMatch(/\/BaseFont \/STSong-Light/);
    expect(font).toMatch(/\/Encoding \/UniGB-UCS2-H/);
    const descendant = pdf.objects.get(Number(/\/DescendantFonts \[(\d+) 0 R\]/.exec(font)![1]))!;
    expect(descendant).toMatch(/\/Subtype \/CIDFontType0/);
    expect(descendant).toMatch(/\/Registry \(Adobe\) \/Ordering \(GB1\)/);
    expect([...pdf.objects.values()].some((o) => /FontFile/.test(o))).toBe(false);
  });

  it('writes text as UTF-16BE, and a character beyond the BMP as □', () => {
    expect(utf16Hex('邻A')).toBe('90BB0041');
    expect(utf16Hex('𠀾')).toBe('25A1');
  });

  it('wraps Chinese anywhere and keeps a run of Latin letters whole', () => {
    const lines = wrap('兹证明志愿者在社区服务 LL20261201ABCDEFGHJK 小时', 10, 120);
    expect(lines.every((l) => l.length > 0)).toBe(true);
    expect(lines.some((l) => l.includes('LL20261201ABCDEFGHJK'))).toBe(true);
    expect(lines.join('').replace(/\s/g, '')).toBe('兹证明志愿者在社区服务LL20261201ABCDEFGHJK小时');
  });
});

describe('the certificate as a PDF', () => {
  it('says who, which ID, who issues it, each service with date and hours, the total, the period, the date and the serial', () => {
    // Act
    const { pages } = readPdf(certificatePdf(cert(2)));
    const text = pages[0]!.lines.join('');
    // Assess
    expect(text).toContain('志愿服务记录证明');
    expect(text).toContain('王秀兰');
    expect(text).toContain('1101**********1234');
    expect(text).toContain('出具单位：和平街道');
    expect(text).toContain('2026-03-01');
    expect(text).toContain('社区大扫除第2次（和平社区 3 号楼）');
    expect(text).toContain('合计：3小时');
    expect(text).toContain('2026年1月1日至2026年12月31日');
    expect(text).toContain('出具日期：2026年12月1日');
    expect(text).toContain('LL20261201ABCDEFGHJK');
    expect(text).toContain('民政部令第67号');
    expect(pages[0]!.lines.some((l) => /^[，。）]/.test(l))).toBe(false);
  });

  it('runs onto more pages when the services do not fit on one, every one of them listed', () => {
    const { pages, text } = readPdf(certificatePdf(cert(60)));
    expect(pages.length).toBeGreaterThan(1);
    for (let i = 1; i <= 60; i++) expect(text).toContain(`社区大扫除第${i}次`);
    expect(text).toContain(`第 ${pages.length} 页 / 共 ${pages.length} 页`);
  });

  it('says 未登记 where the ID number is not collected', () => {
    const { text } = readPdf(certificatePdf({ ...cert(1), maskedId: undefined }));
    expect(text).toContain('身份证号：未登记');
  });
});

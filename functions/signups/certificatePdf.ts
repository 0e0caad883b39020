import { chinaDay } from '../../shared/platform/chinaTime';
import { hoursOf } from '../../shared/signups/hours';
import type { Certificate } from '../../shared/signups/schemas';
import { A4, PdfPage, renderPdf, textWidth, wrap } from './pdf';

/**
 * The certificate of service hours as a PDF, laid out after 民政部令第67号 (志愿服务记录与证明出具办法): the
 * volunteer's name and ID number (masked), the organisation issuing it, each service with its date and hours, the
 * total, the period, the date of issue, and the serial by which anyone can check it.
 */
const MARGIN = 64;
const BODY = 12;
const LINE = 20;
const BOTTOM = 96;

const cn = (isoDate: string) => {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

export function certificateLines(c: Certificate) {
  return {
    title: '志愿服务记录证明',
    serial: `证明编号：${c.serial}`,
    body:
      `兹证明 ${c.name}（身份证号：${c.maskedId || '未登记'}）于${cn(c.from)}至${cn(c.to)}期间，` +
      `参加由${c.organisation}组织或记录的志愿服务活动，累计志愿服务时长${hoursOf(c.totalMinutes)}小时，详见下表。`,
    total: `合计：${hoursOf(c.totalMinutes)}小时`,
    issuer: `出具单位：${c.organisation}`,
    issuedOn: `出具日期：${cn(chinaDay(c.issuedAt))}`,
    verify: `核验：在“邻里”小程序“证明核验”中输入证明编号 ${c.serial} 可查验本证明真伪。`,
    basis: '本证明依据《志愿服务记录与证明出具办法（试行）》（民政部令第67号）出具，志愿服务信息来源于志愿服务记录。',
  };
}

export function certificatePdf(c: Certificate): Buffer {
  const L = certificateLines(c);
  const width = A4.width - 2 * MARGIN;
  const right = A4.width - MARGIN;
  const cols = { date: MARGIN + 6, title: MARGIN + 120, hours: right - 6 };
  const pages: PdfPage[] = [];
  let page = new PdfPage();
  let y = A4.height - MARGIN;

  const header = (p: PdfPage, first: boolean) => {
    p.rect(MARGIN - 16, 48, width + 32, A4.height - 96, 1.2);
    p.right(right, A4.height - MARGIN + 4, 9, L.serial);
    if (first) {
      p.centred(A4.width / 2, A4.height - MARGIN - 40, 24, L.title);
      return A4.height - MARGIN - 84;
    }
    p.centred(A4.width / 2, A4.height - MARGIN - 24, 14, `${L.title}（续）`);
    return A4.height - MARGIN - 56;
  };
  const tableHead = (p: PdfPage, at: number) => {
    p.text(cols.date, at, BODY, '服务日期').text(cols.title, at, BODY, '志愿服务活动').right(cols.hours, at, BODY, '时长（小时）');
    p.line(MARGIN, at - 6, right, at - 6);
    return at - LINE - 4;
  };
  const newPage = () => {
    pages.push(page);
    page = new PdfPage();
    y = tableHead(page, header(page, false));
  };

  y = header(page, true);
  for (const line of wrap(L.body, BODY + 1, width)) {
    page.text(MARGIN, y, BODY + 1, line);
    y -= LINE + 2;
  }
  y -= 10;
  page.line(MARGIN, y + 14, right, y + 14);
  y = tableHead(page, y);
  for (const a of c.activities) {
    const titleLines = wrap(a.title, BODY, cols.hours - textWidth('000.00', BODY) - 16 - cols.title);
    if (y - (titleLines.length - 1) * LINE < BOTTOM + LINE) newPage();
    page.text(cols.date, y, BODY, a.servedOn).right(cols.hours, y, BODY, String(hoursOf(a.minutes)));
    for (const t of titleLines) {
      page.text(cols.title, y, BODY, t);
      y -= LINE;
    }
  }
  page.line(MARGIN, y + 12, right, y + 12);
  // what follows the table stays together
  if (y - 6 * LINE < BOTTOM) newPage();
  page.right(cols.hours, y - 4, BODY + 1, L.total);
  y -= 2 * LINE + 8;
  page.text(MARGIN + 240, y, BODY + 1, L.issuer);
  y -= LINE + 4;
  page.text(MARGIN + 240, y, BODY + 1, L.issuedOn);
  y -= 2 * LINE;
  for (const line of [...wrap(L.verify, 9, width), ...wrap(L.basis, 9, width)]) {
    page.text(MARGIN, y, 9, line);
    y -= 14;
  }
  pages.push(page);
  pages.forEach((p, i) => p.centred(A4.width / 2, 60, 9, `第 ${i + 1} 页 / 共 ${pages.length} 页`));
  return renderPdf(pages, { title: `${L.title} ${c.serial}`, author: c.organisation, created: new Date(c.issuedAt) });
}

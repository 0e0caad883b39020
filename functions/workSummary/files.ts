import { percent } from '../../shared/platform/figures';
import type { SummaryFigure, WorkSummary } from '../../shared/workSummary/schemas';
import { writeXlsx, writeZip, type Cell } from '../platform/xlsx';

/**
 * The summary as files: an xlsx of every figure (one sheet) and a Word document in the shape of the seed reports (a
 * title, a section per ledger with its generated sentences). Both are ZIPs written by platform/xlsx's writeZip: no
 * docx or zip library in the bundle. Only what the summary holds goes in, so no figure is typed by hand here either.
 */

/** A figure as the sheet holds it: fen as yuan, minutes as hours, counts as they are. */
function sheetValue(f: Pick<SummaryFigure, 'unit'>, n: number): number {
  if (f.unit === 'fen') return n / 100;
  if (f.unit === 'minutes') return Math.round((n / 60) * 100) / 100;
  return n;
}
const unitZh = (f: SummaryFigure) => (f.unit === 'fen' ? '元' : f.unit === 'minutes' ? '小时' : (f.measureZh ?? ''));

export function summaryXlsx(s: WorkSummary): Buffer {
  const rows: Cell[][] = [
    [s.title.zh],
    [`本期 ${s.period.from} 至 ${s.period.to}；上期 ${s.previous.from} 至 ${s.previous.to}`],
    ['板块', '指标', '单位', '本期', '上期', '变化'],
  ];
  for (const l of s.ledgers) {
    for (const f of l.figures) {
      const now = sheetValue(f, f.value);
      const before = sheetValue(f, f.previous);
      rows.push([l.zh, f.zh, unitZh(f), now, before, Math.round((now - before) * 100) / 100]);
    }
    for (const r of l.rates) {
      const change = r.value !== undefined && r.previous !== undefined ? `${Math.round((r.value - r.previous) * 1000) / 10}个百分点` : '—';
      rows.push([l.zh, r.zh, '%', percent(r.value), percent(r.previous), change]);
    }
  }
  return writeXlsx(rows, '工作总结');
}

const xml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (section numbers as the reports write them). */
export function chineseNumber(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n]!;
  if (n < 20) return `十${d[n - 10]}`;
  return `${d[Math.floor(n / 10)]}十${d[n % 10]}`;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function paragraph(text: string, style?: string): string {
  const pPr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;
}

// Title and Heading1 are the names Word, WPS and python-docx know; 宋体/黑体 as a government report sets them
const styles =
  `${HEAD}<w:styles xmlns:w="${W}">` +
  `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体"/><w:sz w:val="28"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
  `<w:pPrDefault><w:pPr><w:spacing w:line="480" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="560"/></w:pPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:ind w:firstLine="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="44"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:ind w:firstLine="0"/></w:pPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/></w:rPr></w:style>` +
  `</w:styles>`;

/** The report: its title, the period, then 一、二、… a section per ledger with its generated sentences. */
export function summaryDocx(s: WorkSummary): Buffer {
  const body = [
    paragraph(s.title.zh, 'Title'),
    paragraph(`（${s.period.from} 至 ${s.period.to}）`, 'Subtitle'),
    ...s.ledgers.flatMap((l, i) => [paragraph(`${chineseNumber(i + 1)}、${l.zh}`, 'Heading1'), paragraph(l.text.zh)]),
  ].join('');
  const document =
    `${HEAD}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}` +
    `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
    ],
    ['_rels/.rels', `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`],
    ['word/_rels/document.xml.rels', `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/></Relationships>`],
    ['word/document.xml', document],
    ['word/styles.xml', styles],
  ];
  return writeZip(files.map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })));
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

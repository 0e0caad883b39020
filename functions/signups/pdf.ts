/**
 * A small PDF 1.4 writer: text and lines on A4 pages, nothing else — enough for a certificate, without a PDF library
 * in the bundle.
 *
 * Chinese is set in `STSong-Light`, one of the standard CJK fonts of the Adobe-GB1 collection, referenced and not
 * embedded (a Type0 font with a CIDFontType0 descendant): PDF viewers ship it (Acrobat, pdf.js, WeChat's document
 * viewer), so the file stays a few kilobytes. The encoding is `UniGB-UCS2-H`: a character's code is its UTF-16 code
 * unit, so a string is written as UTF-16BE hex and reads back as the same string. UCS-2 has no surrogate pairs: a
 * character outside the Basic Multilingual Plane (a rare name character such as 𠀾) is drawn as □.
 *
 * Streams are not compressed: a certificate is small, and a plain file is easy to check.
 */

export const A4 = { width: 595.28, height: 841.89 };

/** Width of a character in thousandths of the font size: the collection's ASCII is proportional (set to 500 here), the rest full width. */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  return c >= 0x20 && c <= 0x7e ? 500 : 1000;
}

export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return (w * size) / 1000;
}

/** UTF-16BE hex of a string, as the UCS-2 encoding reads it; characters beyond the BMP become □. */
export function utf16Hex(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const unit = c > 0xffff ? 0x25a1 : c;
    out += unit.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** Breaks text into lines no wider than `width` at `size`: Chinese breaks anywhere, a run of ASCII stays whole where it can. */
export function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const tokens = text.match(/[\x21-\x7e]+|\s|./gsu) ?? [];
  for (const tok of tokens) {
    // closing punctuation never starts a line (避头): it hangs into the margin instead
    if (textWidth(line + tok, size) <= width || (line && /^[，。、；：！？）》”’,.;:!?)]$/u.test(tok))) {
      line += tok;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = tok.trim() ? tok : '';
    // a token wider than the whole line (a long serial, a URL) is cut
    while (textWidth(line, size) > width) {
      let cut = '';
      for (const ch of line) {
        if (textWidth(cut + ch, size) > width) break;
        cut += ch;
      }
      lines.push(cut);
      line = line.slice(cut.length);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

const num = (n: number) => (Math.round(n * 100) / 100).toString();

/** One page's drawing operations, in points from the bottom left. */
export class PdfPage {
  readonly ops: string[] = [];

  text(x: number, y: number, size: number, text: string): this {
    this.ops.push(`BT /F1 ${num(size)} Tf ${num(x)} ${num(y)} Td <${utf16Hex(text)}> Tj ET`);
    return this;
  }

  /** Text centred on x. */
  centred(x: number, y: number, size: number, text: string): this {
    return this.text(x - textWidth(text, size) / 2, y, size, text);
  }

  /** Text ending at x. */
  right(x: number, y: number, size: number, text: string): this {
    return this.text(x - textWidth(text, size), y, size, text);
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.6): this {
    this.ops.push(`${num(width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
    return this;
  }

  rect(x: number, y: number, w: number, h: number, width = 0.6): this {
    this.ops.push(`${num(width)} w ${num(x)} ${num(y)} ${num(w)} ${num(h)} re S`);
    return this;
  }
}

/** A PDF string in the text-string form of the document information (UTF-16BE with its byte-order mark). */
const infoString = (s: string) => `<FEFF${utf16Hex(s)}>`;

/**
 * The file: catalog, page tree, pages with their content streams, the font (Type0 → CIDFontType0 → descriptor),
 * the information dictionary, a cross-reference table with the byte offset of every object, and the trailer.
 */
export function renderPdf(pages: PdfPage[], info: { title: string; author?: string; created: Date }): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  // fixed numbering: 1 catalog, 2 pages, 3 Type0 font, 4 CIDFont, 5 descriptor, 6 info, then page/content pairs
  const firstPage = 7;
  const pageRefs = pages.map((_, i) => `${firstPage + i * 2} 0 R`);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pageRefs.join(' ')}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
  add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> ' +
      '/FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>',
  );
  add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const d = info.created.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  add(`<< /Title ${infoString(info.title)}${info.author ? ` /Author ${infoString(info.author)}` : ''} /Producer (Linli) /CreationDate (D:${d}Z) >>`);
  pages.forEach((p, i) => {
    const contentRef = firstPage + i * 2 + 1;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(A4.width)} ${num(A4.height)}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentRef} 0 R >>`);
    const stream = p.ops.join('\n');
    add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  });

  // everything is ASCII (text is hex), so string length is byte length; the binary comment line marks the file as binary
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1'), Buffer.from([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])];
  let offset = chunks.reduce((n, c) => n + c.length, 0);
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const b = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    chunks.push(b);
    offset += b.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

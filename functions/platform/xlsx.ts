import { inflateRawSync } from 'node:zlib';

/**
 * A small xlsx reader and writer: one sheet of strings and numbers, which is all an import or an export of figures
 * needs. exceljs and SheetJS are each larger than the whole relief bundle's budget.
 *
 * - The container is a ZIP. Writing stores the entries (no compression: the files are small). Reading takes stored and
 *   deflated entries (node:zlib inflateRawSync), found through the central directory, each checked against its CRC-32
 *   (computed here: Node 20 has no zlib.crc32). ZIP64, encryption and other methods are refused.
 * - The sheet is SpreadsheetML as Excel, WPS and LibreOffice write it: shared strings (with rich-text runs, phonetic
 *   runs skipped), inline strings, formula results, numbers and booleans; rows and cells addressed by reference with
 *   gaps (missing cells are empty strings), or not addressed at all (in order); namespace prefixes tolerated.
 *
 * Anything malformed throws XlsxError with a reason, never a generic error: the caller answers 422, not 500.
 */

export type XlsxProblem = 'notZip' | 'corrupt' | 'unsupported' | 'noSheet' | 'tooLarge';
export class XlsxError extends Error {
  constructor(
    readonly reason: XlsxProblem,
    message: string,
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

// ---------- CRC-32 (IEEE 802.3, the ZIP one) ----------
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ---------- ZIP ----------
/** Limits against a crafted file: what one import may unpack. */
const MAX_ENTRY_BYTES = 20 * 1024 * 1024;
const MAX_ENTRIES = 2000;

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** A ZIP of stored entries (method 0), with CRC-32s and UTF-8 names. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // 1980-01-01 00:00, the earliest DOS time: the file's bytes do not depend on the clock
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The entries of a ZIP, by name, unpacked lazily: only what is asked for is inflated. */
export function readZip(bytes: Uint8Array): Map<string, () => Uint8Array> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw new XlsxError('notZip', 'not a ZIP file');
  if (buf.length < 22) throw new XlsxError('corrupt', 'truncated');
  // the end of central directory record: the last 22 bytes, or before a comment of up to 65535 bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxError('corrupt', 'no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new XlsxError('unsupported', 'ZIP64 is not supported');
  if (count > MAX_ENTRIES) throw new XlsxError('tooLarge', 'too many entries');
  if (cdOffset + cdSize > eocd) throw new XlsxError('corrupt', 'central directory out of bounds');
  const out = new Map<string, () => Uint8Array>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw new XlsxError('corrupt', 'bad central directory entry');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen).replace(/\\/g, '/');
    p += 46 + nameLen + extraLen + commentLen;
    out.set(name, () => {
      if (flags & 0x1) throw new XlsxError('unsupported', 'encrypted entries are not supported');
      if (size > MAX_ENTRY_BYTES) throw new XlsxError('tooLarge', `${name} is too large`);
      if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== 0x04034b50) throw new XlsxError('corrupt', `bad local header of ${name}`);
      const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
      if (start + compressed > buf.length) throw new XlsxError('corrupt', `${name} is truncated`);
      const raw = buf.subarray(start, start + compressed);
      let data: Uint8Array;
      if (method === 0) data = raw;
      else if (method === 8) {
        try {
          data = inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) });
        } catch {
          // the bytes are the uploader's: any zlib error (bad data, over the stated size) is a corrupt file
          throw new XlsxError('corrupt', `${name} does not inflate`);
        }
      } else throw new XlsxError('unsupported', `compression method ${method}`);
      if (data.length !== size || crc32(data) !== crc) throw new XlsxError('corrupt', `${name} fails its CRC`);
      return data;
    });
  }
  return out;
}

// ---------- SpreadsheetML ----------
const xmlEscape = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // characters XML 1.0 cannot carry at all
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

function xmlUnescape(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      }
      return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e]!;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Column letters to a 0-based index: A → 0, Z → 25, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export type Cell = string | number;

/** An xlsx of one sheet: strings as inline strings, numbers as numbers; a first row may be a title. */
export function writeXlsx(rows: readonly (readonly Cell[])[], sheetName = 'Sheet1'): Buffer {
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${columnLetters(c)}${r + 1}`;
          if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"><v>${v}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(String(v))}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/></Types>`,
    ],
    ['_rels/.rels', `${head}<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `${head}<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="${xmlEscape(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      `${head}<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      'xl/styles.xml',
      `${head}<styleSheet xmlns="${ns}"><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
    ],
    ['xl/worksheets/sheet1.xml', `${head}<worksheet xmlns="${ns}"><sheetData>${body}</sheetData></worksheet>`],
  ];
  return writeZip(files.map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })));
}

const P = '(?:[A-Za-z_][\\w.-]*:)?'; // an optional namespace prefix
const tag = (name: string, flags = 'g') => new RegExp(`<${P}${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}${name}>)`, flags);
const attr = (attrs: string, name: string) => new RegExp(`(?:^|\\s)${P}${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs)?.slice(2, 4).find((v) => v !== undefined);

/** The text of a string item (<si> or <is>): plain <t>, or the <t> of each rich-text run; phonetic runs (<rPh>) skipped. */
function textOf(inner: string): string {
  const withoutPhonetic = inner.replace(tag('rPh'), '');
  let s = '';
  for (const m of withoutPhonetic.matchAll(tag('t'))) s += xmlUnescape(m[2] ?? '');
  return s;
}

function text(entries: Map<string, () => Uint8Array>, name: string): string | undefined {
  const get = entries.get(name);
  if (!get) return undefined;
  const bytes = get();
  let s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  return s;
}

/** Formats a stored number as a person would read it: 2095, 533.8 (not 533.80000000000007). */
function numberText(v: string): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return v.trim();
  return String(Number(n.toPrecision(15)));
}

/** How far into a sheet a reader goes: an import's rows and columns, checked before a gap is padded. */
export interface SheetLimits {
  /** rows including the header; a cell addressed below them is 'tooLarge' */
  maxRows: number;
  /** columns (A = 1); a cell addressed to the right of them is 'tooLarge' */
  maxColumns: number;
}
/** Generous for any import here (5,000 rows of a dozen columns), small enough that padding stays cheap. */
export const defaultSheetLimits: SheetLimits = { maxRows: 20_001, maxColumns: 64 };

/**
 * The first sheet of an xlsx as rows of strings (numbers as their decimal text, booleans as TRUE/FALSE). Rows keep their
 * position: a gap of empty rows comes back as empty rows, missing cells as ''. A cell addressed past `limits` is
 * refused ('tooLarge') before anything is padded: a few-KB file with one cell at XFD1048576 would otherwise make the
 * reader build a million rows or 16,384 cells a row.
 */
export function readXlsx(bytes: Uint8Array, limits: SheetLimits = defaultSheetLimits): string[][] {
  const zip = readZip(bytes);
  const workbook = text(zip, 'xl/workbook.xml');
  if (workbook === undefined) throw new XlsxError('noSheet', 'no workbook: not an xlsx file');
  // the first sheet, through the workbook's relationships; sheet1.xml where they are missing
  let sheetPath = 'xl/worksheets/sheet1.xml';
  const first = tag('sheet', '').exec(tag('sheets', '').exec(workbook)?.[2] ?? '');
  const rid = first ? attr(first[1] ?? '', 'id') : undefined;
  const rels = text(zip, 'xl/_rels/workbook.xml.rels');
  if (rid && rels) {
    for (const m of rels.matchAll(tag('Relationship'))) {
      if (attr(m[1] ?? '', 'Id') !== rid) continue;
      const target = attr(m[1] ?? '', 'Target') ?? '';
      sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
    }
  }
  const sheet = text(zip, sheetPath);
  if (sheet === undefined) throw new XlsxError('noSheet', `no sheet at ${sheetPath}`);
  const sharedXml = text(zip, 'xl/sharedStrings.xml');
  const shared = sharedXml ? [...sharedXml.matchAll(tag('si'))].map((m) => textOf(m[2] ?? '')) : [];

  const rows: string[][] = [];
  const data = tag('sheetData', '').exec(sheet)?.[2] ?? '';
  let nextRow = 0;
  for (const rm of data.matchAll(tag('row'))) {
    const rAttr = attr(rm[1] ?? '', 'r');
    const r = rAttr ? Number(rAttr) - 1 : nextRow;
    if (!Number.isInteger(r) || r < 0 || r > 1_048_575) throw new XlsxError('corrupt', 'bad row reference');
    if (r >= limits.maxRows) throw new XlsxError('tooLarge', `row ${r + 1} is past the ${limits.maxRows} rows an import reads`);
    nextRow = r + 1;
    const cells: string[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? '').matchAll(tag('c'))) {
      const attrs = cm[1] ?? '';
      const inner = cm[2] ?? '';
      const ref = attr(attrs, 'r');
      const col = ref ? /^([A-Za-z]{1,3})\d*$/.exec(ref) : null;
      if (ref && !col) throw new XlsxError('corrupt', `bad cell reference ${ref}`);
      const c = col ? columnIndex(col[1]!) : nextCol;
      if (c > 16_383) throw new XlsxError('corrupt', 'bad cell reference');
      if (c >= limits.maxColumns) throw new XlsxError('tooLarge', `column ${columnLetters(c)} is past the ${limits.maxColumns} columns an import reads`);
      nextCol = c + 1;
      const t = attr(attrs, 't') ?? 'n';
      const v = tag('v', '').exec(inner)?.[2];
      let value = '';
      if (t === 'inlineStr') value = textOf(tag('is', '').exec(inner)?.[2] ?? '');
      else if (v === undefined) value = '';
      else if (t === 's') {
        const i = Number(v);
        if (!Number.isInteger(i) || i < 0 || i >= shared.length) throw new XlsxError('corrupt', 'shared string out of range');
        value = shared[i]!;
      } else if (t === 'str' || t === 'e' || t === 'd') value = xmlUnescape(v);
      else if (t === 'b') value = v.trim() === '1' ? 'TRUE' : 'FALSE';
      else value = numberText(xmlUnescape(v));
      while (cells.length < c) cells.push('');
      cells[c] = value;
    }
    while (rows.length < r) rows.push([]);
    rows[r] = cells;
  }
  return rows;
}

/**
 * A cell Excel or WPS stored as a date (a serial number of days since 1899-12-30, shown with a date format) as
 * YYYY-MM-DD; undefined for anything else. Typing 2026-06 in a cell stores 46174 (2026-06-01).
 */
export function excelDate(text: string): string | undefined {
  if (!/^\d{5}(\.\d+)?$/.test(text.trim())) return undefined;
  const serial = Math.floor(Number(text));
  // 1982-01-01 .. 2099-12-31: a period of relief, not some other number
  if (serial < 29952 || serial > 73050) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/** Whether bytes look like an xlsx (a ZIP): a hint for a caller that was sent the wrong format. */
export const looksLikeZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

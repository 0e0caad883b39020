import { deflateRawSync } from 'node:zlib';
import { columnIndex, columnLetters, crc32, excelDate, readXlsx, readZip, writeXlsx, writeZip, XlsxError } from './xlsx';

/**
 * A ZIP built differently from writeZip: deflated entries, a data descriptor after each (sizes zero in the local
 * header, as streaming writers do), an extra field, and a comment at the end. Written here, not with the code under test.
 */
function streamedZip(files: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const n = Buffer.from(name);
    const extra = Buffer.from([0x55, 0x54, 0x05, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00]); // an extended-timestamp field
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0008, 6); // sizes in a data descriptor
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(n.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const desc = Buffer.alloc(16);
    desc.writeUInt32LE(0x08074b50, 0);
    desc.writeUInt32LE(crc32(data), 4);
    desc.writeUInt32LE(packed.length, 8);
    desc.writeUInt32LE(data.length, 12);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0008, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc32(data), 16);
    c.writeUInt32LE(packed.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(local, n, extra, packed, desc);
    central.push(c, n);
    offset += 30 + n.length + extra.length + packed.length + 16;
  }
  const cd = Buffer.concat(central);
  const comment = Buffer.from('made by hand');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...parts, cd, end, comment]);
}

/** What Excel and WPS write: a prefixed namespace, shared strings with rich runs and pinyin, gaps, a second sheet. */
const excelLike = {
  '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="发放" sheetId="3" r:id="rId7"/><x:sheet name="说明" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="x/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>',
  'xl/sharedStrings.xml':
    '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">' +
    '<si><t>户主姓名</t></si>' +
    '<si><r><rPr><b/></rPr><t>王</t></r><r><t xml:space="preserve">秀兰</t></r><rPh sb="0" eb="1"><t>wang</t></rPh></si>' +
    '<si><t>A &amp; B &lt;c&gt; &#x4E2D;&#25991;_x000D_</t></si>' +
    '<si><t/></si></sst>',
  'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>',
  'xl/worksheets/data.xml':
    '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:D4"/><x:sheetData>' +
    '<x:row r="1" spans="1:4"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>备注</x:t></x:is></x:c></x:row>' +
    '<x:row r="2"><x:c r="A2" s="3" t="s"><x:v>1</x:v></x:c><x:c r="B2"><x:v>533.80000000000007</x:v></x:c><x:c r="C2" t="b"><x:v>1</x:v></x:c><x:c r="D2" t="str"><x:f>A2&amp;"x"</x:f><x:v>王秀兰x</x:v></x:c></x:row>' +
    '<x:row r="4"><x:c r="C4" t="s"><x:v>2</x:v></x:c><x:c r="E4" s="1"/></x:row>' +
    '</x:sheetData></x:worksheet>',
};

describe('the xlsx writer and reader', () => {
  it('computes the ZIP CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('reads a date serial as the day it shows, and leaves other numbers alone', () => {
    expect(excelDate('46174')).toBe('2026-06-01');
    expect(excelDate('46357.5')).toBe('2026-12-01');
    expect(['1800', '2026-06', '123456', '440305199001011234', ''].map(excelDate)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('names columns past Z', () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'ZZ', 'AAA'].map(columnIndex)).toEqual([0, 25, 26, 701, 702]);
  });

  it('reads back what it writes: Chinese, numbers, decimals, empty cells and markup characters', () => {
    // Prepare
    const rows = [['和平社区 救助发放统计'], ['救助类型', '户次', '金额（元）'], ['低保', 817, 533805.5], ['<临时&"救助">', 0, ''], [], ['a\nb', -1.25, 1e21]];
    // Act
    const back = readXlsx(writeXlsx(rows));
    // Assess
    expect(back).toEqual([['和平社区 救助发放统计'], ['救助类型', '户次', '金额（元）'], ['低保', '817', '533805.5'], ['<临时&"救助">', '0', ''], [], ['a\nb', '-1.25', '1e+21']]);
  });

  it('reads a file written with shared strings, deflate, data descriptors, prefixes and gaps', () => {
    // Act
    const rows = readXlsx(streamedZip(excelLike));
    // Assess: the first sheet in workbook order (rId7), not sheet1.xml
    expect(rows).toEqual([['户主姓名', '', '', '备注'], ['王秀兰', '533.8', 'TRUE', '王秀兰x'], [], ['', '', 'A & B <c> 中文\r', '', '']]);
  });

  it('refuses what is not a readable xlsx with a reason, never a generic error', () => {
    const reason = (bytes: Uint8Array) => {
      try {
        readXlsx(bytes);
        return 'read';
      } catch (e) {
        return e instanceof XlsxError ? e.reason : `other: ${String(e)}`;
      }
    };
    const good = writeXlsx([['a', 1]]);
    expect(reason(Buffer.from('社区,户主姓名\n和平,王秀兰\n'))).toBe('notZip');
    expect(reason(Buffer.alloc(0))).toBe('notZip');
    expect(reason(good.subarray(0, good.length - 30))).toBe('corrupt');
    // one byte of the sheet changed: the CRC catches it
    const tampered = Buffer.from(good);
    const at = tampered.indexOf('<sheetData>');
    tampered[at + 2] = 'X'.charCodeAt(0);
    expect(reason(tampered)).toBe('corrupt');
    // a deflated entry that does not inflate
    const broken = streamedZip({ 'xl/workbook.xml': '<workbook/>' });
    const data = 30 + 'xl/workbook.xml'.length + 9;
    broken.writeUInt16LE(broken.readUInt16LE(data) ^ 0xffff, data);
    expect(reason(broken)).toBe('corrupt');
    // a ZIP that is not a workbook
    expect(reason(writeZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]))).toBe('noSheet');
    // a shared string index past the table
    expect(reason(streamedZip({ ...excelLike, 'xl/sharedStrings.xml': '<sst><si><t>x</t></si></sst>' }))).toBe('corrupt');
  });

  it('refuses a few-KB sheet addressing a cell at XFD or far below the rows an import reads, before padding anything', () => {
    const sheetWith = (cells: string) => ({ ...excelLike, 'xl/worksheets/data.xml': `<worksheet><sheetData>${cells}</sheetData></worksheet>` });
    const attempt = (bytes: Uint8Array, limits?: { maxRows: number; maxColumns: number }) => {
      try {
        return readXlsx(bytes, limits).length;
      } catch (e) {
        return e instanceof XlsxError ? e.reason : `other: ${String(e)}`;
      }
    };
    const wide = streamedZip(sheetWith('<row r="1"><c r="XFD1"><v>1</v></c></row>'.repeat(50)));
    expect(wide.length).toBeLessThan(8_000);
    expect(attempt(wide)).toBe('tooLarge');
    expect(attempt(streamedZip(sheetWith('<row r="1048576"><c r="A1048576"><v>1</v></c></row>')))).toBe('tooLarge');
    // unaddressed cells count too: the 65th cell of a row is past 64 columns
    expect(attempt(streamedZip(sheetWith(`<row>${'<c><v>1</v></c>'.repeat(65)}</row>`)))).toBe('tooLarge');
    // within the limits, the same shapes are read; a caller can set its own
    expect(attempt(streamedZip(sheetWith(`<row>${'<c><v>1</v></c>'.repeat(64)}</row><row r="20001"><c r="A20001"><v>1</v></c></row>`)))).toBe(20_001);
    expect(attempt(streamedZip(sheetWith('<row r="3"><c r="A3"><v>1</v></c></row>')), { maxRows: 2, maxColumns: 5 })).toBe('tooLarge');
  });

  it('finds entries by name and inflates only what is asked', () => {
    const zip = readZip(streamedZip({ 'a.txt': 'hello', 'b.txt': 'world' }));
    expect([...zip.keys()]).toEqual(['a.txt', 'b.txt']);
    expect(Buffer.from(zip.get('b.txt')!()).toString()).toBe('world');
  });
});

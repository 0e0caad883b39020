import { parseCsv, toCsv } from './csv';

describe('csv', () => {
  it('reads quotes, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
  });
  it('writes what it reads', () => {
    const rows = [['低保', '1,2'], ['"q"', '3']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
  it('writes a text cell that a spreadsheet would run as a formula as plain text, and numbers as numbers', () => {
    const csv = toCsv([['=HYPERLINK("http://x","点我")', '+1', '-2', '@SUM(A1)', '\tx', '王秀兰'], [-5, 12]]);
    expect(parseCsv(csv)).toEqual([["'=HYPERLINK(\"http://x\",\"点我\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", '王秀兰'], ['-5', '12']]);
  });
});

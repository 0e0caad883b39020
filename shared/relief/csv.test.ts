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
});

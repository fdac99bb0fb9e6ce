import { describe, expect, it } from 'vitest';
import { csvText } from './csv';

describe('csvText', () => {
  it('quotes what needs quoting and keeps formulas out of spreadsheets', () => {
    expect(csvText(['region', 'name', 'n'], [['32.73', 'Kota "Bandung", Jawa Barat', 3], ['=HYPERLINK("x")', '-12', null]]))
      .toBe('region,name,n\r\n32.73,"Kota ""Bandung"", Jawa Barat",3\r\n"\'=HYPERLINK(""x"")",-12,\r\n');
  });
});

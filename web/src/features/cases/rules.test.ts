import { describe, expect, it } from 'vitest';
import { isChildBirthDate, lines, nikLooksValid } from './rules';

describe('registration rules the app checks before sending', () => {
  it('accepts a NIK of 16 digits with a real birth date, for girls with the day + 40', () => {
    expect(nikLooksValid('3273010303100007')).toBe(true);
    expect(nikLooksValid('3273014303100007')).toBe(true); // 43 -> the 3rd, a girl
  });

  it('refuses a NIK that is too short, has letters or an impossible date', () => {
    expect(nikLooksValid('327301030310000')).toBe(false);
    expect(nikLooksValid('32730103031000A7')).toBe(false);
    expect(nikLooksValid('3273013102100007')).toBe(false); // 31 February
    expect(nikLooksValid('3273010313100007')).toBe(false); // month 13
  });

  it('counts a person under 18 as a child', () => {
    const today = new Date('2026-12-02T00:00:00Z');
    expect(isChildBirthDate('2015-06-01', today)).toBe(true);
    expect(isChildBirthDate('2000-01-01', today)).toBe(false);
    expect(isChildBirthDate('2027-01-01', today)).toBe(false);
  });

  it('splits needs and goals by line or semicolon, dropping blanks', () => {
    expect(lines('sekolah\n\n konseling ;tempat aman')).toEqual(['sekolah', 'konseling', 'tempat aman']);
  });
});

import fc from 'fast-check';
import { addMonths, daysInMonth, formatIso, fromYmd, parseIso, toYmd, weekday } from '../src/engine/dates/civil-date';
import { dayToSerial, serialToDay } from '../src/engine/dates/excel-serial';
import { periodContaining, periodLabel, periodsOfYear } from '../src/engine/dates/periods';
import { addWorkdays, HOLIDAY_YEARS, isWorkday } from '../src/engine/dates/workdays';

const ymd = fc
  .record({
    y: fc.integer({ min: 1900, max: 2200 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ y, m, d }) => d <= daysInMonth(y, m));

describe('calendar dates without time zones', () => {
  test('day numbers round-trip (property)', () => {
    fc.assert(fc.property(ymd, ({ y, m, d }) => expect(toYmd(fromYmd(y, m, d))).toEqual({ y, m, d })));
  });

  test('consecutive days are consecutive numbers (property)', () => {
    fc.assert(
      fc.property(ymd, ({ y, m, d }) => {
        const next = toYmd(fromYmd(y, m, d) + 1);
        const expected =
          d < daysInMonth(y, m) ? { y, m, d: d + 1 } : m < 12 ? { y, m: m + 1, d: 1 } : { y: y + 1, m: 1, d: 1 };
        expect(next).toEqual(expected);
      }),
    );
  });

  test('agrees with the JavaScript calendar in UTC (property)', () => {
    fc.assert(fc.property(ymd, ({ y, m, d }) => expect(fromYmd(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86400000)));
  });

  test('addMonths clamps to the end of shorter months', () => {
    expect(formatIso(addMonths(parseIso('2022-01-31')!, 1))).toBe('2022-02-28');
    expect(formatIso(addMonths(parseIso('2024-01-31')!, 1))).toBe('2024-02-29');
    expect(formatIso(addMonths(parseIso('2022-08-31')!, 6))).toBe('2023-02-28');
  });

  test('leap years', () => {
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(parseIso('2023-02-29')).toBeNull();
  });

  test('weekday: 2022-09-30 was a Friday', () => {
    expect(weekday(parseIso('2022-09-30')!)).toBe(5);
  });
});

describe('Excel date serials', () => {
  test('1900 system, including the fictitious 1900-02-29', () => {
    expect(formatIso(serialToDay(1, false)!)).toBe('1900-01-01');
    expect(formatIso(serialToDay(59, false)!)).toBe('1900-02-28');
    expect(serialToDay(60, false)).toBeNull();
    expect(formatIso(serialToDay(61, false)!)).toBe('1900-03-01');
    expect(formatIso(serialToDay(44742, false)!)).toBe('2022-06-30');
    expect(formatIso(serialToDay(44742.75, false)!)).toBe('2022-06-30');
  });

  test('1904 system is 1462 days behind', () => {
    expect(formatIso(serialToDay(0, true)!)).toBe('1904-01-01');
    expect(formatIso(serialToDay(44742 - 1462, true)!)).toBe('2022-06-30');
  });

  test('serials round-trip in both systems (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 100000 }), fc.boolean(), (serial, date1904) => {
        expect(dayToSerial(serialToDay(serial, date1904)!, date1904)).toBe(serial);
      }),
    );
  });
});

describe('periods', () => {
  test('labels of SPEC §4', () => {
    const day = parseIso('2022-03-15')!;
    expect(periodLabel(periodContaining('month', day))).toBe('2022-03');
    expect(periodLabel(periodContaining('quarter', day))).toBe('2022-Q1');
    expect(periodLabel(periodContaining('half-year', day))).toBe('2022-H1');
    expect(periodLabel(periodContaining('year', day))).toBe('2022');
    expect(periodLabel(periodContaining('week', parseIso('2022-02-01')!))).toBe('2022-W05');
  });

  test('ISO weeks at year boundaries', () => {
    expect(periodLabel(periodContaining('week', parseIso('2021-01-03')!))).toBe('2020-W53');
    expect(periodLabel(periodContaining('week', parseIso('2024-12-30')!))).toBe('2025-W01');
    expect(periodsOfYear('week', 2020)).toHaveLength(53);
    expect(periodsOfYear('week', 2022)).toHaveLength(52);
  });

  test('every day lies in exactly one period of each kind, which tiles the year (property)', () => {
    fc.assert(
      fc.property(
        ymd.filter(({ y }) => y > 1900 && y < 2200),
        fc.constantFrom('month', 'quarter', 'half-year', 'year', 'week' as const),
        ({ y, m, d }, kind) => {
          const day = fromYmd(y, m, d);
          const p = periodContaining(kind, day);
          expect(p.start <= day && day <= p.end).toBe(true);
          const all = periodsOfYear(kind, p.year);
          expect(all.filter((q) => q.start <= day && day <= q.end)).toHaveLength(1);
          for (let i = 1; i < all.length; i++) expect(all[i].start).toBe(all[i - 1].end + 1);
        },
      ),
    );
  });
});

describe('Chinese working days', () => {
  test('National Day week and its make-up working days (2022)', () => {
    expect(isWorkday(parseIso('2022-10-03')!)).toBe(false); // Monday, holiday
    expect(isWorkday(parseIso('2022-10-08')!)).toBe(true); // Saturday, make-up day
    expect(isWorkday(parseIso('2022-10-10')!)).toBe(true);
  });

  test('15 working days from 2022-09-26 skip National Day and count both make-up days (10-08, 10-09)', () => {
    const { day } = addWorkdays(parseIso('2022-09-26')!, 15);
    expect(formatIso(day)).toBe('2022-10-20');
  });

  test('beyond the holiday data only weekends are skipped, and that is reported', () => {
    const year = HOLIDAY_YEARS.last + 1;
    const { uncoveredYears } = addWorkdays(fromYmd(year, 3, 1), 5);
    expect(uncoveredYears).toEqual([year]);
  });
});

import { dateFormatShowsDay, isDateFormat } from '../src/engine/model/number-formats';
import { judge, readFixture, table, utc } from './helpers/fixtures';

/** SPEC §2: a date cell whose number format shows no day stands for the end of that month. */
describe('date cells formatted to show a month only', () => {
  test.each([
    [27, undefined], // zh-CN built-in yyyy"年"m"月" (ECMA-376 Part 1, §18.8.30)
    [57, undefined],
    [17, undefined], // mmm-yy
    [200, 'yyyy"年"m"月"'],
    [201, 'yyyy/mm'],
    [202, '[$-804]yyyy"年"mm"月"'],
    [203, 'mmm yyyy'],
  ])('format %s %s shows a date but no day', (id, code) => {
    expect(isDateFormat(id, code)).toBe(true);
    expect(dateFormatShowsDay(id, code)).toBe(false);
  });
  test.each([
    [14, undefined],
    [31, undefined], // yyyy"年"m"月"d"日"
    [200, 'yyyy/m/d'],
    [201, 'h:mm'], // a time: minutes, not a month
    [202, 'yyyy-mm-dd hh:mm'],
  ])('format %s %s shows a day (or a time)', (id, code) => {
    expect(dateFormatShowsDay(id, code)).toBe(true);
  });
  test('as a deadline: the month end; as a done date: the month end too', () => {
    const report = judge(
      table([
        [1, '制定实施方案', '办公室', '', { date: '2022-06-01', monthOnly: true }, '推进中', null],
        [
          2,
          '修订工作规则',
          '办公室',
          '',
          { date: '2022-06-01', monthOnly: true },
          '已完成',
          { date: '2022-06-01', monthOnly: true },
        ],
        [3, '开展专项检查', '办公室', '', { date: '2022-06-01' }, '推进中', null],
      ]),
    );
    expect(report.tasks.map((t) => [t.due, t.status])).toEqual([
      ['2022-06-30', 'overdue'],
      ['2022-06-30', 'done'],
      ['2022-06-01', 'overdue'],
    ]);
  });
});

describe('the .xlsx reader passes a month-only format on (as the add-in does)', () => {
  test.each(['yyyy"年"m"月"', 'yyyy/mm', 'mmm yyyy'])(
    "a deadline cell formatted %s is its month's end",
    async (format) => {
      const wb = await readFixture([
        {
          name: '台账',
          rows: [
            ['2022年工作要点责任分解表'],
            ['序号', '具体措施', '牵头部门', '完成时限', '完成情况'],
            [1, '制定实施方案', '办公室', utc(2022, 6, 1), '推进中'],
          ],
          formats: { D: format },
        },
      ]);
      expect(wb.sheets[0].rows[2][3]).toEqual({ date: '2022-06-01', monthOnly: true });
      expect(judge(wb).tasks[0].due).toBe('2022-06-30');
    },
  );
  test('a day format stays a day', async () => {
    const wb = await readFixture([
      {
        name: '台账',
        rows: [
          ['序号', '具体措施', '牵头部门', '完成时限'],
          [1, '制定实施方案', '办公室', utc(2022, 6, 1)],
        ],
        formats: { D: 'yyyy"年"m"月"d"日"' },
      },
    ]);
    expect(wb.sheets[0].rows[1][3]).toEqual({ date: '2022-06-01' });
  });
});

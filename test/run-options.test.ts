import { execFileSync } from 'child_process';
import * as path from 'path';
import {
  CellValue,
  describeObligation,
  EXCEL_MAX_COLUMNS,
  Obligation,
  parseColumnOverrides,
  runAt,
  STATUS_LABELS,
  today,
  validateWorkbook,
} from '../src/engine';
import { summaryText } from '../src/cli/summary-text';

/**
 * today() and runAt() of instants as machines in other time zones compute them. Jest gives each test
 * file its own copy of process.env, so TZ is set in one child process (Node re-reads TZ whenever it is
 * assigned); the child loads run-options.ts through TypeScript's transpiler.
 */
function inTimeZones(cases: Array<[zone: string, isoInstant: string]>): Array<{ today: string; runAt: string }> {
  const script = `
    const fs = require('fs'), ts = require('typescript');
    require.extensions['.ts'] = (m, file) => m._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: 1, target: 9 } }).outputText, file);
    const { today, runAt } = require(${JSON.stringify(path.join(__dirname, '..', 'src', 'engine', 'run-options.ts'))});
    const out = JSON.parse(process.argv[1]).map(([zone, iso]) => {
      process.env.TZ = zone;
      const instant = new Date(iso);
      return { today: today(instant), runAt: runAt(instant) };
    });
    process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(cases)], { encoding: 'utf8' }));
}

describe('today and the time of the run: the calendar on the user’s wall, not UTC', () => {
  test('in the user’s time zone, whichever side of Greenwich, and padded', () => {
    const [beijing, newYork, utc] = inTimeZones([
      ['Asia/Shanghai', '2026-11-20T16:30:00Z'],
      ['America/New_York', '2027-01-01T04:59:00Z'],
      ['UTC', '2026-03-05T01:07:00Z'],
    ]);
    // Just after midnight in Beijing it is already the 21st; UTC still says the 20th.
    expect(beijing).toEqual({ today: '2026-11-21', runAt: '2026-11-21 00:30' });
    // Late on New Year's Eve in New York it is still 2026; UTC already says 2027.
    expect(newYork).toEqual({ today: '2026-12-31', runAt: '2026-12-31 23:59' });
    expect(utc).toEqual({ today: '2026-03-05', runAt: '2026-03-05 01:07' });
  });

  test('in-process, whatever the zone: the local calendar fields of the Date given', () => {
    expect(today(new Date(2026, 2, 5, 1, 7))).toBe('2026-03-05');
    expect(runAt(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31 23:59');
  });
});

describe('column overrides (measure=C): one parser for the CLI and the add-in', () => {
  test('the README form, one or several, as the CLI (one per --column) and the pane (one text) give them', () => {
    expect(parseColumnOverrides(['measure=C'])).toEqual({ columns: { measure: 'C' }, problems: [] });
    expect(parseColumnOverrides(['measure=C', 'lead=D', 'doneDate=k'])).toEqual({
      columns: { measure: 'C', lead: 'D', doneDate: 'K' },
      problems: [],
    });
    expect(parseColumnOverrides('measure=C, lead=D deadline=F')).toEqual({
      columns: { measure: 'C', lead: 'D', deadline: 'F' },
      problems: [],
    });
    expect(parseColumnOverrides('')).toEqual({ columns: {}, problems: [] });
  });

  test('as a Chinese keyboard types it: full-width letters, ＝ and ：, Chinese separators, spaces round =, 列 after the letters', () => {
    expect(parseColumnOverrides('measure＝Ｃ，lead：D；deadline = F、progress=G列')).toEqual({
      columns: { measure: 'C', lead: 'D', deadline: 'F', progress: 'G' },
      problems: [],
    });
  });

  test('field names in any letter case; the last of two for one field wins', () => {
    expect(parseColumnOverrides(['Measure=C', 'DONEDATE=H', 'measure=E'])).toEqual({
      columns: { measure: 'E', doneDate: 'H' },
      problems: [],
    });
  });

  test('what cannot be understood is a problem naming the part as written, in both languages', () => {
    const { columns, problems } = parseColumnOverrides('measure=C, lead, leader=D, deadline=7, 牵头单位=D');
    expect(columns).toEqual({ measure: 'C' });
    expect(problems.map((p) => [p.part, p.reason])).toEqual([
      ['lead', 'not_field_letters'],
      ['leader=D', 'unknown_field'],
      ['deadline=7', 'not_field_letters'],
      ['牵头单位=D', 'unknown_field'],
    ]);
    for (const p of problems) {
      expect(p.message.zh).toContain(p.part);
      expect(p.message.en).toContain(p.part);
    }
    // The message says what would be understood.
    expect(problems[0].message.en).toContain('measure=C');
    expect(problems[1].message.zh).toContain('responsible');
  });

  test(`columns stop at XFD (the ${EXCEL_MAX_COLUMNS}th): three letters past it name no column`, () => {
    expect(parseColumnOverrides('measure=XFD').columns).toEqual({ measure: 'XFD' });
    for (const letters of ['XFE', 'ZZZ', 'xga']) {
      const { columns, problems } = parseColumnOverrides(`measure=${letters}`);
      expect(columns).toEqual({});
      expect(problems).toHaveLength(1);
      expect(problems[0].reason).toBe('beyond_last_column');
      expect(problems[0].message.en).toContain('XFD');
      expect(problems[0].message.zh).toContain('XFD');
    }
  });
});

describe('what both shells show of a status and a rule: one copy, in the engine', () => {
  test('each status’s symbol and label, as the status column, the CLI summary and the pane show them', () => {
    expect(STATUS_LABELS.zh).toEqual({
      overdue: '● 逾期',
      due_soon: '▲ 临期',
      needs_attention: '? 待核实',
      done_late: '◆ 逾期完成',
      on_track: '○ 正常推进',
      ongoing: '◎ 持续推进',
      done: '✔ 已完成',
    });
    expect(STATUS_LABELS.en).toEqual({
      overdue: '● Overdue',
      due_soon: '▲ Due soon',
      needs_attention: '? Needs attention',
      done_late: '◆ Done late',
      on_track: '○ On track',
      ongoing: '◎ Ongoing',
      done: '✔ Done',
    });
    expect(Object.isFrozen(STATUS_LABELS.zh)).toBe(true);
  });

  test('the CLI summary counts each status under that label', () => {
    const rows: CellValue[][] = [
      ['序号', '具体措施', '牵头单位', '完成时限', '完成情况'],
      [1, '修订议事规则', '办公室', '2026-03-31', ''],
      [2, '开展专题培训', '组织部', '2026-12-31', '已完成'],
      [3, '建立工作台账', '宣传部', '2026-11-25', ''],
    ];
    for (const lang of ['zh', 'en'] as const) {
      const result = validateWorkbook(
        { sheets: [{ name: '台账', rows, merges: [] }], date1904: false },
        { asOf: '2026-11-20', lang },
      );
      if (!result.ok) throw new Error(result.error.message.en);
      const text = summaryText(result.report, '台账.xlsx');
      for (const code of ['overdue', 'due_soon', 'done'] as const)
        expect(text).toMatch(new RegExp(`^  ${STATUS_LABELS[lang][code].replace('?', '\\?')} +1$`, 'm'));
    }
  });

  test('a rule as a clerk says it, for a period’s own months and for 立行立改', () => {
    const quarterly: Obligation = { kind: 'recurring', period: 'quarter', minCount: 1, by: '01-20' };
    expect(describeObligation(quarterly, 'zh')).toBe('每季度至少 1 次（第1个月20日前）');
    expect(describeObligation(quarterly, 'en')).toBe('at least 1 per quarter (by day 20 of its month 1)');
    expect(describeObligation({ kind: 'recurring', period: 'year', minCount: 1, by: '07-01' }, 'zh')).toBe(
      '每年至少 1 次（7月1日前）',
    );
    expect(
      describeObligation({ kind: 'recurring', period: 'month', minCount: 2, by: '10', from: '2026-04-01' }, 'zh'),
    ).toBe('每月至少 2 次（10日前），自 2026-04-01 起');
    expect(describeObligation({ kind: 'immediate' }, 'zh')).toBe('立行立改');
  });
});

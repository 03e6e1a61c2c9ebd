import { sheet, workbook } from './helpers/fixtures';
import { planSplit } from '../src/engine/roundtrip/split-plan';
import {
  masterIdOf,
  rowKey,
  SentRecord,
  sentRecordFromRows,
  sentRecordToRows,
} from '../src/engine/roundtrip/sent-record';

/* The pure half of 分发 (SPEC §8): rows per department, open columns, the record's text form. */
const AS_OF = '2022-09-30';

describe('split plan', () => {
  test('traditional headers and names: one department whichever script a row uses, shown as first written', () => {
    const wb = workbook(
      sheet('台賬', [
        ['序號', '具體措施', '牽頭單位', '責任單位', '完成時限', '完成情況'],
        [1, '開展調研', '組織部', '宣傳部', '2022年6月30日', '推進中'],
        [2, '开展培训', '组织部', null, '2022年12月31日', null],
      ]),
    );
    const result = planSplit(wb, { asOf: AS_OF });
    if (!result.ok) throw new Error(result.error.message.en);
    expect(result.plan.departments.map((d) => [d.department, d.taskRows])).toEqual([
      ['組織部', [1, 2]],
      ['宣傳部', [1]],
    ]);
    expect(result.plan.openFields.map((f) => f.header)).toEqual(['完成情況']);
  });

  test('period columns are open; a category row alone on its line goes with the rows under it', () => {
    const wb = workbook(
      sheet('台账', [
        ['序号', '具体措施', '责任单位', '完成时限', '一季度', '二季度', '三季度', '四季度', '备注'],
        ['一、组织建设', null, null, null, null, null, null, null, null],
        [1, '召开支委会', '党办', '每季度', '✓', '✓', null, null, null],
        [2, '开展主题党日', '工会', '每季度', '✓', null, null, null, null],
        ['二、作风建设', null, null, null, null, null, null, null, null],
        [3, '开展谈心谈话', '工会', '每年', null, null, null, null, null],
        [null, null, null, null, null, null, null, null, null],
        ['填表说明：按季度填写', null, null, null, null, null, null, null, null],
      ]),
    );
    const result = planSplit(wb, { asOf: AS_OF });
    if (!result.ok) throw new Error(result.error.message.en);
    const plan = result.plan;
    expect(plan.openFields.map((f) => [f.role, f.masterColumn])).toEqual([
      ['period:2022-Q1', 4],
      ['period:2022-Q2', 5],
      ['period:2022-Q3', 6],
      ['period:2022-Q4', 7],
    ]);
    const rows = Object.fromEntries(plan.departments.map((d) => [d.department, d.keptRows]));
    expect(rows['党办']).toEqual([0, 1, 2, 7]);
    expect(rows['工会']).toEqual([0, 1, 3, 4, 5, 7]);
    const union = plan.departments.find((d) => d.department === '工会')!;
    expect(union.record.rows.map((r) => r.values)).toEqual([
      ['✓', '', '', ''],
      ['', '', '', ''],
    ]);
  });

  test('a task row naming no department is sent to nobody and listed', () => {
    const wb = workbook(
      sheet('台账', [
        ['序号', '具体措施', '牵头部门', '完成时限', '完成情况'],
        [1, '开展调研', '办公室', '2022年12月31日', null],
        [2, '开展培训', null, '2022年12月31日', null],
      ]),
    );
    const result = planSplit(wb, { asOf: AS_OF });
    if (!result.ok) throw new Error(result.error.message.en);
    expect(result.plan.unassigned).toEqual([{ row: 3, measure: '开展培训' }]);
  });
});

describe('sent record', () => {
  const record: SentRecord = {
    version: 1,
    masterId: masterIdOf('台账', ['序号', '具体措施'], ['id:1', 'id:2']),
    department: '組織部',
    sheetName: '台账',
    sentAt: AS_OF,
    openFields: [
      { role: 'progress', header: '完成情况', masterColumn: 5 },
      { role: 'doneDate', header: '完成时间', masterColumn: 6 },
    ],
    rows: [
      { key: 'id:1', masterRow: 2, values: ['推进中\r\n第二行', ''] },
      { key: 'm:开展调研', masterRow: 7, values: ['', ''] },
    ],
  };

  test('round-trips through sheet rows, as a re-save hands them back', () => {
    // A re-save turns "2" into the number 2, drops empty trailing cells, and gives line breaks as \n.
    const rows: unknown[][] = sentRecordToRows(record).map((r) =>
      r.map((c) => (/^\d+$/.test(c) ? Number(c) : c)).filter((c, i, all) => c !== '' || all.slice(i).some(Boolean)),
    );
    const back = sentRecordFromRows(rows)!;
    expect(back.rows[0].values).toEqual(['推进中\n第二行', '']);
    expect({ ...back, rows: back.rows.map((r) => r.key) }).toEqual({ ...record, rows: ['id:1', 'm:开展调研'] });
  });

  test('another sheet, or a record cut short, is not a record', () => {
    expect(sentRecordFromRows([['序号', '具体措施']])).toBeUndefined();
    expect(sentRecordFromRows(sentRecordToRows(record).slice(0, -1))).toBeUndefined();
  });

  test('row keys: id first, else the measure, normalised for matching only', () => {
    expect(rowKey('1.', '')).toBe(rowKey('1', '别的措施'));
    expect(rowKey('', '開展 調研。')).toBe(rowKey(undefined, '开展调研'));
    expect(rowKey('', '开展调研')).not.toBe(rowKey('', '开展培训'));
    expect(rowKey('１', 'x')).toBe('id:1');
  });

  test('the master id keeps when rows are sorted, changes with another master', () => {
    const a = masterIdOf('台账', ['序号'], ['id:1', 'id:2']);
    expect(masterIdOf('台账', ['序号'], ['id:2', 'id:1'])).toBe(a);
    expect(masterIdOf('台账', ['序号'], ['id:1', 'id:3'])).not.toBe(a);
    expect(masterIdOf('台账2', ['序号'], ['id:1', 'id:2'])).not.toBe(a);
  });
});

import { judge, sheet, table } from './helpers/fixtures';

const HEADER = ['序号', '具体措施', '牵头部门', '责任部门', '完成时限', '完成情况', '完成时间', '佐证材料', '起算日期'];

describe('findings (SPEC §4), each with code, severity, cell and both languages', () => {
  const departments = sheet('部门', [['部门名称'], ['办公室'], ['组织处'], ['各处室']]);
  const rules = sheet('规则', [
    ['关键词', '频次'],
    ['廉政谈话', '看情况'],
  ]);
  const log = sheet('工作记录', [
    ['日期', '序号', '内容'],
    [null, 1, '没有日期的记录'],
  ]);
  const report = judge(
    table(
      [
        [1, '缺牵头部门', '', '各处室', '年底前', '推进中', null, null, null],
        [2, '缺责任部门', '办公室', '', '年底前', '推进中', null, null, null],
        [3, '部门不在清单', '宣传部', '各处室', '年底前', '推进中', null, null, null],
        [3, '序号重复', '办公室', '各处室', '年底前', '推进中', null, null, null],
        [5, '没有时限也没有频次', '办公室', '各处室', '', '', null, null, null],
        [6, '时限看不懂', '办公室', '各处室', '春节前后', '', null, null, null],
        [7, '时限不明确', '办公室', '各处室', '适时', '', null, null, null],
        [8, '完成但无日期', '办公室', '各处室', '6月底前', '已完成', null, '文件', null],
        [9, '完成日期在校验日之后', '办公室', '各处室', '年底前', '已完成', { date: '2022-10-09' }, '文件', null],
        [10, '完成但无佐证', '办公室', '各处室', '6月底前', '已完成', { date: '2022-06-01' }, '', null],
        [11, '每季度召开1次党员大会', '办公室', '各处室', '每月', '', null, null, null],
        [12, '长期任务', '办公室', '各处室', '长期坚持', '', null, null, null],
        [13, '负责人出缺补齐', '办公室', '各处室', '6个月内', '', null, null, null],
        [14, '日期离谱', '办公室', '各处室', { date: '2922-06-30' }, '', null, null, null],
        [15, '', '办公室', '各处室', '年底前', '', null, null, null],
      ],
      HEADER,
      [departments, rules, log],
    ),
  );
  const codes = new Set([...report.tasks.flatMap((t) => t.findings), ...report.findings].map((f) => f.code));

  test.each([
    'missing_lead',
    'missing_responsible',
    'unknown_department',
    'duplicate_id',
    'missing_deadline',
    'unknown_deadline',
    'vague_deadline',
    'done_without_date',
    'done_date_after_as_of',
    'done_without_evidence',
    'measure_deadline_conflict',
    'continuous_without_progress',
    'relative_without_start',
    'absurd_date',
    'missing_measure',
    'rule_invalid',
    'log_entry_without_date',
  ])('%s', (code) => expect(codes).toContain(code));

  test('every finding names a cell and speaks both languages', () => {
    for (const f of report.tasks.flatMap((t) => t.findings)) {
      expect(f.cell).toMatch(/^'台账'![A-Z]+\d+$/);
      expect(f.messages.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(f.messages.en).toMatch(/^[\x20-\x7e]*[A-Za-z][\s\S]*$/);
      expect(f.message).toBe(f.messages.zh);
      expect(['error', 'warning', 'info']).toContain(f.severity);
    }
  });

  test('the duplicate id points at the second occurrence and names the first', () => {
    const dup = report.tasks.flatMap((t) => t.findings).find((f) => f.code === 'duplicate_id')!;
    expect(dup.cell).toBe("'台账'!A6");
    expect(dup.messages.en).toContain('row 5');
  });
});

/**
 * Recognition under the variation real tables show (issue 15, item 7): the realistic layouts of
 * test/helpers/realistic-tables.ts with their columns shuffled, headers renamed to other real wordings,
 * noise rows added (blank rows, an 附件 line, a title, a 填报单位 line, a category row, a 填报说明 note at
 * the bottom), and written in traditional script. The table must still be found on the right header
 * rows, with the measure, lead and deadline columns where a clerk sees them. Runs are bounded (50 each,
 * fixed seed) so the suite stays fast; each property also prints how many of its variants came out right.
 */
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { validateWorkbook } from '../src/engine/validate';
import { CellValue, columnIndex, columnLetter } from '../src/engine/model/workbook';
import { Field } from '../src/engine/table/vocabulary';
import {
  BodyRow,
  buildLayout,
  category,
  layoutWidth,
  REALISTIC_LAYOUTS,
  RealisticLayout,
  blank,
} from './helpers/realistic-tables';

/** A list of header words, written space-separated. */
const words = (list: string): string[] => list.split(' ');

/**
 * Header words real published tables use for each column, compiled from 政务公开任务清单, 重点工作任务
 * 分解, 整改台账, 民生实事 and 政府工作报告 tables. Measure words exclude category words (工作任务, 重点任务),
 * which are the measure only when no other text column exists (the realistic corpus covers that kind).
 */
const SYNONYMS: Record<'measure' | 'lead' | 'deadline' | 'responsible' | 'responsibleAlone', string[]> = {
  measure: words(
    '具体措施 主要措施 工作措施 任务措施 落实举措 具体举措 工作举措 推进措施 重点举措 主要举措 细化措施 具体任务 任务内容 工作内容 具体内容 主要内容 具体要求 工作要求 目标任务 整改措施 落实措施 实施内容 工作事项',
  ),
  lead: words(
    '牵头单位 牵头部门 牵头科室 牵头处室 牵头股室 牵头责任单位 牵头责任部门 主责单位 主责部门 主办单位 牵头负责单位 牵头单位（部门）',
  ),
  deadline: words(
    '完成时限 完成时间节点 办结时限 时间要求 时限要求 完成期限 时间节点 完成时间要求 截止时间 计划完成时间 时间安排 完成时限要求 办理时限 整改时限 完成节点',
  ),
  // Beside a lead column, the responsible column names who helps.
  responsible: words('配合单位 协办单位 配合部门 参与单位 协同单位 责任单位 责任部门 配合科室 协同配合单位'),
  // Alone, it names who does the task.
  responsibleAlone: words('责任单位 责任部门 责任主体 落实单位 承办单位 实施单位 责任科室 具体责任单位 责任处室'),
};

const TITLE = '2023年重点工作任务推进情况表';
const NOTES = [
  '填报说明：1.完成情况请如实填写，已完成的注明完成时间；2.本表每月25日前报送。',
  '注：本表由牵头单位汇总填报。',
  '备注：以上任务按月调度，按季通报。',
];

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Layouts whose measure column a clerk is sure of. */
const LAYOUTS = REALISTIC_LAYOUTS.filter((l) => l.columns.measure !== undefined);
const CHECKED: Field[] = ['measure', 'lead', 'deadline'];

function isNamed(v: CellValue | undefined): boolean {
  return v !== null && v !== undefined && v !== '';
}

/** Columns that move together: a header group (完成情况 over 进展/完成时间) and the sub-columns under it. */
function columnBlocks(layout: RealisticLayout): number[][] {
  const [upper, lower] = layout.header;
  const blocks: number[][] = [];
  for (let c = 0; c < layoutWidth(layout); c++) {
    const underGroup = lower !== undefined && c > 0 && !isNamed(upper[c]) && isNamed(lower[c]);
    if (underGroup) blocks[blocks.length - 1].push(c);
    else blocks.push([c]);
  }
  return blocks;
}

/** The layout with its columns in a new order (order[new] = old), cells, merges and expected letters moved along. */
function withColumnOrder(layout: RealisticLayout, order: number[]): RealisticLayout {
  const width = layoutWidth(layout);
  const newOf = new Map(order.map((old, i) => [old, i]));
  const move = (cells: CellValue[]) => order.map((old) => cells[old] ?? null);
  const letter = (l: string) => columnLetter(newOf.get(columnIndex(l)!)!);
  const body = layout.body.map((b): BodyRow =>
    b.kind === 'task'
      ? { ...b, cells: move([...b.cells, ...Array(Math.max(0, width - b.cells.length)).fill(null)]) }
      : b,
  );
  const columns: RealisticLayout['columns'] = {};
  for (const [f, l] of Object.entries(layout.columns)) columns[f as Field] = letter(l);
  return { ...layout, header: layout.header.map(move), body, mergedDown: layout.mergedDown?.map(letter), columns };
}

/** The header cell that names a column: the lower one when a two-row header names it there. */
function headerCellOf(layout: RealisticLayout, col: number): [number, number] {
  return layout.header.length === 2 && isNamed(layout.header[1][col]) ? [1, col] : [0, col];
}

/** The layout with the given columns renamed to the n-th synonym (skipping words already in the header). */
function withRenamedHeaders(
  layout: RealisticLayout,
  picks: Partial<Record<keyof typeof SYNONYMS, number>>,
): RealisticLayout {
  const header = layout.header.map((h) => [...h]);
  // A table written in traditional script gets its new header words in traditional script too.
  const headerText = header
    .flat()
    .filter((v): v is string => typeof v === 'string')
    .join('');
  const script = toTraditional(headerText) === headerText ? toTraditional : (w: string) => w;
  for (const [key, n] of Object.entries(picks) as Array<[keyof typeof SYNONYMS, number]>) {
    const field: Field = key === 'responsibleAlone' ? 'responsible' : key;
    const letter = layout.columns[field];
    if (letter === undefined) continue;
    const [r, c] = headerCellOf(layout, columnIndex(letter)!);
    const taken = new Set(header.flat().filter((v): v is string => typeof v === 'string'));
    const words = SYNONYMS[key].map(script);
    for (let i = 0; i < words.length; i++) {
      const word = words[(n + i) % words.length];
      if (!taken.has(word) || header[r][c] === word) {
        header[r][c] = word;
        break;
      }
    }
  }
  return { ...layout, header };
}

interface Noise {
  /** Where blank rows go, as indexes into the places a blank row can go without cutting a merged area. */
  blanks: number[];
  top: 'keep' | 'attachment' | 'title' | 'fill-line';
  categoryRow: boolean;
  note: string | null;
}

/** The layout with noise rows a real file has: blank rows, lines above, a category row, a note below. */
function withNoise(layout: RealisticLayout, noise: Noise): RealisticLayout {
  let body = [...layout.body];
  if (noise.categoryRow && body[0]?.kind === 'task') body = [category('一、重点工作任务'), ...body];
  // A blank row inside a merged-down run would cut it: blank rows go before category rows and at either end.
  const merged = (layout.mergedDown ?? []).length > 0;
  const places = [0, body.length, ...body.flatMap((b, i) => (!merged || b.kind === 'category' ? [i] : []))];
  const at = new Set(noise.blanks.map((n) => places[n % places.length]));
  body = body.flatMap((b, i) => (at.has(i) ? [blank(), b] : [b]));
  if (at.has(places[1])) body.push(blank());

  let above = [...layout.above];
  const hasTitle = above.some((a) => typeof a === 'string');
  if (noise.top === 'attachment') above = ['附件1', ...above];
  if (noise.top === 'title' && !hasTitle) above = [TITLE, ...above];
  if (noise.top === 'fill-line') above = [...above, ['填报单位：（盖章）', null, null, '填报日期：2023年11月']];
  const below = noise.note ? [...(layout.below ?? []), noise.note] : layout.below;
  return { ...layout, above, body, below };
}

/** The layout as a traditional-script office would write it (every text; letters and dates as they were). */
function inTraditional(layout: RealisticLayout): RealisticLayout {
  const t = (v: CellValue): CellValue => (typeof v === 'string' ? toTraditional(v) : v);
  return {
    ...layout,
    above: layout.above.map((a) => (a === null ? null : typeof a === 'string' ? toTraditional(a) : a.map(t))),
    header: layout.header.map((h) => h.map(t)),
    body: layout.body.map((b): BodyRow =>
      b.kind === 'task'
        ? { ...b, cells: b.cells.map(t) }
        : b.kind === 'category'
          ? { ...b, text: toTraditional(b.text) }
          : b,
    ),
    below: layout.below?.map(toTraditional),
  };
}

/** What is wrong with the table the engine finds in a variant ([] when header rows and the checked columns are right). */
function recognitionProblems(layout: RealisticLayout): string[] {
  const built = buildLayout(layout);
  const result = validateWorkbook(built.workbook, { asOf: layout.asOf });
  const header = layout.header.map((h) => h.map((v) => v ?? '·').join(' | ')).join(' / ');
  if (!result.ok) return [`${layout.name}: no table found in [${header}]`];
  const problems: string[] = [];
  const r = result.report;
  if (JSON.stringify(r.headerRows) !== JSON.stringify(built.headerRows))
    problems.push(`header rows ${r.headerRows} (expected ${built.headerRows})`);
  for (const f of CHECKED) {
    const want = layout.columns[f];
    if (want !== undefined && r.columns[f] !== want)
      problems.push(`${f} column ${r.columns[f] ?? 'none'} (expected ${want})`);
  }
  return problems.length === 0 ? [] : [`${layout.name} [${header}]: ${problems.join('; ')}`];
}

const layoutIndex = fc.integer({ min: 0, max: LAYOUTS.length - 1 });
const shuffled = layoutIndex.chain((i) => {
  const blocks = columnBlocks(LAYOUTS[i]);
  return fc
    .shuffledSubarray(blocks, { minLength: blocks.length, maxLength: blocks.length })
    .map((b) => withColumnOrder(LAYOUTS[i], b.flat()));
});
const noise: fc.Arbitrary<Noise> = fc.record({
  blanks: fc.array(fc.nat(), { maxLength: 3 }),
  top: fc.constantFrom<Noise['top']>('keep', 'attachment', 'title', 'fill-line'),
  categoryRow: fc.boolean(),
  note: fc.option(fc.constantFrom(...NOTES), { nil: null }),
});
const picks = fc.record({ measure: fc.nat(), lead: fc.nat(), deadline: fc.nat(), responsible: fc.nat() });
const renamed = fc.tuple(shuffled, picks).map(([layout, p]) =>
  withRenamedHeaders(layout, {
    measure: p.measure,
    lead: p.lead,
    deadline: p.deadline,
    [layout.columns.lead ? 'responsible' : 'responsibleAlone']: p.responsible,
  }),
);

const RUNS = { numRuns: 50, seed: 20231130 };

/** Prints how many of the property's variants come out right, then asserts every one does. */
function checkVariants(label: string, arbitrary: fc.Arbitrary<RealisticLayout>): void {
  // A counterexample prints as its name and header, not the whole layout.
  const variants = arbitrary.map((v) =>
    Object.defineProperty(v, fc.toStringMethod, {
      value: () => `${v.name} [${v.header.map((h) => h.map((c) => c ?? '·').join(' | ')).join(' / ')}]`,
    }),
  );
  const sample = fc.sample(variants, RUNS);
  const right = sample.filter((v) => recognitionProblems(v).length === 0).length;
  console.log(`${label}: ${right}/${sample.length} variants recognised right`);
  fc.assert(
    fc.property(variants, (v) => {
      expect(recognitionProblems(v)).toEqual([]);
    }),
    RUNS,
  );
}

describe('recognition survives the variation of real tables (property, 50 runs each, fixed seed)', () => {
  test('the variants keep what makes them realistic', () => {
    // A shuffle keeps every column with its own header and cells, and a header group with its sub-columns.
    const layout = LAYOUTS.find((l) => l.header.length === 2)!;
    const reversed = withColumnOrder(layout, columnBlocks(layout).reverse().flat());
    const measureCol = columnIndex(reversed.columns.measure!)!;
    const oldMeasureCol = columnIndex(layout.columns.measure!)!;
    expect(reversed.header[0][measureCol]).toBe(layout.header[0][oldMeasureCol]);
    const firstTask = (l: RealisticLayout) => l.body.find((b) => b.kind === 'task') as { cells: CellValue[] };
    expect(firstTask(reversed).cells[measureCol]).toBe(firstTask(layout).cells[oldMeasureCol]);
    expect(buildLayout(reversed).sheet.merges.length).toBe(buildLayout(layout).sheet.merges.length);
    expect(inTraditional(layout).header[0]).toContain('序號');
  });

  test('shuffled columns and noise rows', () => {
    checkVariants(
      'shuffled + noise',
      fc.tuple(shuffled, noise).map(([l, n]) => withNoise(l, n)),
    );
  });

  test('headers renamed to other real wordings, shuffled, with noise rows', () => {
    checkVariants(
      'renamed + shuffled + noise',
      fc.tuple(renamed, noise).map(([l, n]) => withNoise(l, n)),
    );
  });

  test('all of it, in traditional script', () => {
    checkVariants(
      'traditional + renamed + shuffled + noise',
      fc.tuple(renamed, noise).map(([l, n]) => inTraditional(withNoise(l, n))),
    );
  });
});

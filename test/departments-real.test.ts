import { rowDepartments, splitDepartments } from '../src/engine/table/departments';

/** The departments of a row as a clerk reads them: lead and responsible units, names as written. */
const row = (lead: string[], responsible: string[]) => {
  const r = rowDepartments(lead, responsible);
  return { lead: [...r.lead], responsible: [...r.responsible] };
};

describe('department cells as real tables write them (SPEC §2)', () => {
  test('a role written after a unit gives that unit its role (README f6)', () => {
    expect(row([], ['办公室牵头，各科室配合'])).toEqual({
      lead: ['办公室'],
      responsible: ['各科室'],
    });
    expect(row([], ['市政府各有关部门，功能区管委会负责落实'])).toEqual({
      lead: [],
      responsible: ['市政府各有关部门', '功能区管委会'],
    });
    expect(splitDepartments('办公室牵头，各科室配合')).toEqual(['办公室', '各科室']);
  });

  test('role words: unseen ways of writing them, simplified and traditional', () => {
    expect(row([], ['辦公室牽頭，各科室配合'])).toEqual({
      lead: ['辦公室'],
      responsible: ['各科室'],
    });
    expect(row([], ['由市发改委牵头，市财政局、市税务局配合'])).toEqual({
      lead: ['市发改委'],
      responsible: ['市财政局', '市税务局'],
    });
    expect(row([], ['市教育局为牵头单位；各县区教育局为责任单位'])).toEqual({
      lead: ['市教育局'],
      responsible: ['各县区教育局'],
    });
    expect(row([], ['市委宣传部主责，市文明办参与'])).toEqual({
      lead: ['市委宣传部'],
      responsible: ['市文明办'],
    });
    expect(row([], ['各乡镇（街道）按职责分工负责'])).toEqual({
      lead: [],
      responsible: ['各乡镇（街道）'],
    });
    expect(row([], ['縣公安局協助，縣交通局負責落實'])).toEqual({
      lead: [],
      responsible: ['縣公安局', '縣交通局'],
    });
    expect(row([], ['市住建局牵头负责，市城管局协办'])).toEqual({
      lead: ['市住建局'],
      responsible: ['市城管局'],
    });
    // A role at the end of a list is the role of the whole list.
    expect(row([], ['市发改委、市工信局牵头，市财政局、市税务局等部门配合'])).toEqual({
      lead: ['市发改委', '市工信局'],
      responsible: ['市财政局', '市税务局'],
    });
    // Roles given by a label before the units.
    expect(row([], ['牵头单位：市发改委；配合单位：市财政局、市税务局'])).toEqual({
      lead: ['市发改委'],
      responsible: ['市财政局', '市税务局'],
    });
    // A leader named in the cell is not a unit.
    expect(row([], ['牵头领导：张三；牵头单位：市发改委'])).toEqual({
      lead: ['市发改委'],
      responsible: [],
    });
  });

  test('a role in brackets after a unit (as before) also gives the unit its role', () => {
    expect(splitDepartments('组织部（牵头）、宣传部(配合)')).toEqual(['组织部', '宣传部']);
    expect(row([], ['组织部（牵头单位）、宣传部(配合单位)'])).toEqual({
      lead: ['组织部'],
      responsible: ['宣传部'],
    });
    expect(row([], ['機關黨委（牽頭）、辦公室'])).toEqual({
      lead: ['機關黨委'],
      responsible: ['辦公室'],
    });
    expect(splitDepartments('机关党委（机关纪委）、办公室')).toEqual(['机关党委（机关纪委）', '办公室']);
  });

  test('the lead cell decides the lead: a 牵头 in the responsible cell counts only when the lead cell is empty', () => {
    expect(row(['市发改委'], ['市财政局牵头，市税务局配合'])).toEqual({
      lead: ['市发改委'],
      responsible: ['市财政局', '市税务局'],
    });
    expect(row(['', '  '], ['市财政局牵头，市税务局配合'])).toEqual({
      lead: ['市财政局'],
      responsible: ['市税务局'],
    });
    // A lead cell that says who cooperates: those units are responsible.
    expect(row(['办公室牵头，各科室配合'], [])).toEqual({
      lead: ['办公室'],
      responsible: ['各科室'],
    });
    // Columns 主办单位 / 协办单位 (README f21) and 牵头责任单位 / 协同责任单位 (f21b).
    expect(row(['住建局、榕发公司'], ['凤城镇、敖江镇'])).toEqual({
      lead: ['住建局', '榕发公司'],
      responsible: ['凤城镇', '敖江镇'],
    });
    expect(row(['市发展改革委'], ['市经信局'])).toEqual({
      lead: ['市发展改革委'],
      responsible: ['市经信局'],
    });
    // Several responsible cells (extra responsible columns).
    expect(row(['办公室'], ['组织部', '宣传部、组织部'])).toEqual({
      lead: ['办公室'],
      responsible: ['组织部', '宣传部'],
    });
  });

  test('a unit is never listed twice', () => {
    expect(row(['办公室'], ['办公室、各科室'])).toEqual({
      lead: ['办公室'],
      responsible: ['各科室'],
    });
    expect(row([], ['办公室牵头，办公室、各科室配合'])).toEqual({
      lead: ['办公室'],
      responsible: ['各科室'],
    });
    expect(row(['辦公室'], ['办公室'])).toEqual({
      lead: ['辦公室'],
      responsible: [],
    });
    expect(splitDepartments('办公室、办公室；組織部、组织部')).toEqual(['办公室', '組織部']);
  });

  test('a trailing 等 and a trailing full stop are not part of a name (README f7, f23)', () => {
    expect(splitDepartments('市卫生健康委等，各县（市、区）政府（管委会）')).toEqual([
      '市卫生健康委',
      '各县（市、区）政府（管委会）',
    ]);
    expect(splitDepartments('市住建委、水务集团。')).toEqual(['市住建委', '水务集团']);
    expect(row([], ['市住建委、水务集团。'])).toEqual({
      lead: [],
      responsible: ['市住建委', '水务集团'],
    });
    // Unseen variants.
    expect(splitDepartments('市衛生健康委等')).toEqual(['市衛生健康委']);
    expect(splitDepartments('市财政局、市税务局等有关部门')).toEqual(['市财政局', '市税务局']);
    expect(splitDepartments('市住建委；水务集团.')).toEqual(['市住建委', '水务集团']);
    expect(splitDepartments('市城管局；')).toEqual(['市城管局']);
  });

  test('separators inside brackets do not split (full-width and ASCII brackets)', () => {
    expect(splitDepartments('各县（市、区）政府（管委会）')).toEqual(['各县（市、区）政府（管委会）']);
    expect(splitDepartments('各县(市、区)政府, 市直各单位')).toEqual(['各县(市、区)政府', '市直各单位']);
    expect(splitDepartments('各乡镇（街道/社区）、县直各部门')).toEqual(['各乡镇（街道/社区）', '县直各部门']);
    // An unclosed bracket does not swallow the rest of the cell.
    expect(row([], ['办公室（牵头、组织部'])).toEqual({
      lead: ['办公室'],
      responsible: ['组织部'],
    });
  });

  test('及 / 和 / 与 / 以及 between two units splits them, not inside a name (README f7)', () => {
    expect(splitDepartments('州委编办及州直相关单位')).toEqual(['州委编办', '州直相关单位']);
    expect(splitDepartments('州委編辦及州直相關單位')).toEqual(['州委編辦', '州直相關單位']);
    expect(splitDepartments('县委办和县政府办')).toEqual(['县委办', '县政府办']);
    expect(splitDepartments('市公安局与市交通运输局')).toEqual(['市公安局', '市交通运输局']);
    expect(splitDepartments('市教育局以及各县区教育局')).toEqual(['市教育局', '各县区教育局']);
    expect(splitDepartments('各乡镇（街道）及各有关部门')).toEqual(['各乡镇（街道）', '各有关部门']);
    expect(splitDepartments('市人力资源和社会保障局与市财政局')).toEqual(['市人力资源和社会保障局', '市财政局']);
    expect(splitDepartments('市发改委会同市财政局')).toEqual(['市发改委', '市财政局']);
    expect(splitDepartments('开发区管委会会同区财政局')).toEqual(['开发区管委会', '区财政局']);
    expect(splitDepartments('开发区管委会同区财政局')).toEqual(['开发区管委会', '区财政局']);
    // Names with 及 / 和 / 与 inside.
    for (const name of [
      '交通运输及物流发展局',
      '市住房和城乡建设局',
      '市文化和旅游局',
      '县农业农村和水利局',
      '市城市管理与综合执法局',
      '市工业和信息化局',
      '市场和质量监督管理委员会',
    ]) {
      expect(splitDepartments(name)).toEqual([name]);
    }
  });

  test('white space: a line break separates, a space separates two whole units only', () => {
    expect(splitDepartments('办公室\n组织部\r\n宣传部')).toEqual(['办公室', '组织部', '宣传部']);
    expect(splitDepartments('县委办 县政府办')).toEqual(['县委办', '县政府办']);
    expect(splitDepartments('市 卫健委')).toEqual(['市 卫健委']);
    expect(splitDepartments(' 办公室 ')).toEqual(['办公室']);
  });

  test('各… collective units are units', () => {
    expect(splitDepartments('各科室')).toEqual(['各科室']);
    expect(splitDepartments('各县（市、区），各有关部门')).toEqual(['各县（市、区）', '各有关部门']);
    expect(row([], ['各乡镇（街道）牵头，各有关部门配合'])).toEqual({
      lead: ['各乡镇（街道）'],
      responsible: ['各有关部门'],
    });
  });

  test('a note that the first unit leads makes it the lead, and is not a unit (README f22)', () => {
    expect(row([], ['县发改局（首位单位为牵头单位，下同）、县财政局、县税务局'])).toEqual({
      lead: ['县发改局'],
      responsible: ['县财政局', '县税务局'],
    });
    expect(splitDepartments('县发改局（首位单位为牵头单位，下同）、县财政局、县税务局')).toEqual([
      '县发改局',
      '县财政局',
      '县税务局',
    ]);
    // Unseen variants: other wordings, the note at the end, as its own clause, traditional.
    expect(row([], ['市发改委、市财政局（排在首位的为牵头单位）'])).toEqual({
      lead: ['市发改委'],
      responsible: ['市财政局'],
    });
    expect(row([], ['县教育局、县卫健局，第一个为牵头单位'])).toEqual({
      lead: ['县教育局'],
      responsible: ['县卫健局'],
    });
    expect(row([], ['（列第一位的单位牵头）区民政局、区人社局'])).toEqual({
      lead: ['区民政局'],
      responsible: ['区人社局'],
    });
    expect(row([], ['縣發改局（首位單位為牽頭單位，下同）、縣財政局'])).toEqual({
      lead: ['縣發改局'],
      responsible: ['縣財政局'],
    });
    // With a lead cell, the lead is the lead cell's.
    expect(row(['县政府办'], ['县发改局（首位单位为牵头单位）、县财政局'])).toEqual({
      lead: ['县政府办'],
      responsible: ['县发改局', '县财政局'],
    });
    // "第一" inside a name is not such a note.
    expect(row([], ['县第一中学牵头，县教育局配合'])).toEqual({
      lead: ['县第一中学'],
      responsible: ['县教育局'],
    });
  });

  test('numbering, people and notes around the units are not units', () => {
    expect(splitDepartments('1.办公室；2.组织部')).toEqual(['办公室', '组织部']);
    expect(splitDepartments('（1）办公室\n（2）组织部')).toEqual(['办公室', '组织部']);
    expect(row([], ['分管领导：李四；责任单位：市发改委、市财政局'])).toEqual({
      lead: [],
      responsible: ['市发改委', '市财政局'],
    });
    expect(row([], ['主要负责人：张三'])).toEqual({
      lead: [],
      responsible: [],
    });
    expect(splitDepartments('排在首位的为牵头单位，下同')).toEqual([]);
    expect(splitDepartments('Office, HR Dept.')).toEqual(['Office', 'HR Dept.']);
    expect(splitDepartments('“办公室”、 組織部 ')).toEqual(['办公室', '組織部']);
  });

  test('empty and absent cells', () => {
    expect(row([], [])).toEqual({ lead: [], responsible: [] });
    expect(row([''], [''])).toEqual({ lead: [], responsible: [] });
    expect(splitDepartments('')).toEqual([]);
    expect(splitDepartments('、；。')).toEqual([]);
  });

  test('results are shared and frozen: the same cells give the same lists', () => {
    const a = rowDepartments(['办公室'], ['各科室']);
    expect(rowDepartments(['办公室'], ['各科室'])).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.lead)).toBe(true);
    expect(Object.isFrozen(a.responsible)).toBe(true);
    expect(splitDepartments('办公室、组织部')).toBe(splitDepartments('办公室、组织部'));
    expect(Object.isFrozen(splitDepartments('办公室、组织部'))).toBe(true);
    // The lead cell and the responsible cell are not confused with one another.
    expect(row(['办公室'], [])).toEqual({ lead: ['办公室'], responsible: [] });
    expect(row([], ['办公室'])).toEqual({ lead: [], responsible: ['办公室'] });
  });
});

describe('review findings', () => {
  test("a role noted in brackets is its own unit's, not carried back to the units before it", () => {
    expect(rowDepartments([''], ['市财政局、市发改委（牵头）、市住建局'])).toEqual({
      lead: ['市发改委'],
      responsible: ['市财政局', '市住建局'],
    });
    expect(rowDepartments([''], ['区教育局、区卫健委(牵头)'])).toEqual({
      lead: ['区卫健委'],
      responsible: ['区教育局'],
    });
    // A role written after the units still covers them all.
    expect(rowDepartments([''], ['市发改委、市工信局牵头，市财政局配合'])).toEqual({
      lead: ['市发改委', '市工信局'],
      responsible: ['市财政局'],
    });
  });
  test("the header's first-unit-leads note is about its own column, not the 配合 column beside it", () => {
    expect(rowDepartments([''], ['市发改委、市财政局', '市住建局、市交通局'], true)).toEqual({
      lead: ['市发改委'],
      responsible: ['市财政局', '市住建局', '市交通局'],
    });
  });
  test('a pasted paragraph of 30,000 characters is read in well under a second', () => {
    const long = '市发改委 '.repeat(6000);
    const start = Date.now();
    rowDepartments([''], [long]);
    expect(Date.now() - start).toBeLessThan(500);
  });
});

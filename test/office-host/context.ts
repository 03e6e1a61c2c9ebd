import { payloadBytes } from '../../src/addin/excel/payload';
import { columnLetter, MergeRange } from '../../src/engine/model/workbook';
import { hostError, intersects, parseArea } from './address';
import { HostCell, HostConditionalFormat, HostName, HostSheet, HostWorkbook } from './model';

/*
 * A stand-in for Excel's JavaScript API that holds the add-in to its semantics:
 * - every object is a proxy; a property can only be read after load() and context.sync(), otherwise
 *   it throws PropertyNotLoaded as Office.js does;
 * - writes and method calls are queued and applied, in order, on sync; a failing operation rejects the
 *   sync with its Office error code, and the operations before it stay applied (Excel does not roll back);
 * - syncs are counted, and each request's and response's size is measured; in web mode a request or
 *   response over 5 MB is refused with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded;
 * - Excel's documented limits on reads: a get of values/number formats/formulas over more than five
 *   million cells fails with RangeExceedsLimit or gives null (HostWorkbook.largeRead; "On all platforms,
 *   a range is limited to five million cells for get operations",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices);
 *   getMergedAreasOrNullObject over more than 512 merged areas fails ("if the merged areas count in this
 *   range is more than 512, then this method will fail to return the result",
 *   https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1));
 *   a failed request loads nothing;
 * - values are taken as Excel takes typed input: "=…", "+…", "@…" become formulas and "-2" a number
 *   unless the cell's number format is text ("@").
 */

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Cells one get of cell properties may cover, on every platform. */
export const READ_CELL_LIMIT = 5_000_000;
/** Merged areas Range.getMergedAreasOrNullObject returns at most. */
export const MERGED_AREAS_LIMIT = 512;

interface Op {
  run: () => void;
  bytes: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
}

export class HostContext {
  readonly workbook: WorkbookProxy;
  private ops: Op[] = [];
  private loadedThisSync: HostObject[] = [];
  responseBytes = 0;
  readonly syncs: SyncRecord[] = [];
  /** Counts of queued operations by kind (e.g. "range.format", "hyperlink"), to check batching. */
  readonly calls = new Map<string, number>();

  constructor(
    readonly model: HostWorkbook,
    readonly payloadLimit = Infinity,
    /** Excel.run's RunOptions.delayForCellEdit: requests wait out cell editing instead of failing. */
    readonly delayForCellEdit = false,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  queue(kind: string, bytes: number, run: () => void): void {
    this.calls.set(kind, (this.calls.get(kind) ?? 0) + 1);
    this.ops.push({ run, bytes: bytes + 40 });
  }

  noteLoaded(o: HostObject): void {
    this.loadedThisSync.push(o);
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.loadedThisSync = [];
    this.responseBytes = 0;
    const requestBytes = ops.reduce((n, o) => n + o.bytes, 0);
    this.syncs.push({ requestBytes, responseBytes: 0 });
    await Promise.resolve();
    this.model.beforeRequest?.(this.syncs.length - 1);
    // "When true, the batch request is executed immediately if the user is not in cell edit mode, but if
    // the user is in cell edit mode then the batch request is delayed until the user exits cell edit mode"
    // (https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member).
    if (this.delayForCellEdit) await this.model.whenNotEditing();
    if (this.model.cellEditMode) throw hostError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    if (requestBytes > this.payloadLimit)
      throw hostError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size (${requestBytes}) has exceeded the limit.`,
      );
    try {
      for (const op of ops) op.run();
    } catch (e) {
      // A failed request sends no response: nothing it loaded can be read (the writes before the
      // failing operation stay applied, as in Excel).
      for (const o of this.loadedThisSync) o.forget();
      throw e;
    }
    this.syncs[this.syncs.length - 1].responseBytes = this.responseBytes;
    if (this.responseBytes > this.payloadLimit) {
      for (const o of this.loadedThisSync) o.forget();
      throw hostError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size (${this.responseBytes}) has exceeded the limit.`,
      );
    }
  }
}

/** Base of every proxy: loaded properties and null-object state become readable only after a sync. */
abstract class HostObject {
  private loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(protected readonly ctx: HostContext) {}

  get context(): HostContext {
    return this.ctx;
  }

  /** True when the object does not exist (…OrNullObject); throws if the object has no such notion. */
  protected isNull(): boolean {
    return false;
  }

  protected abstract readProperty(name: string): unknown;

  protected child(name: string): HostObject {
    throw hostError('InvalidArgument', `Cannot load ${name} through ${this.constructor.name}`);
  }

  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? '').split(',')).map((p) => p.trim()).filter(Boolean);
    this.ctx.queue('load', payloadBytes(list), () => this.applyLoad(list));
    return this;
  }

  applyLoad(paths: string[]): void {
    this.ctx.noteLoaded(this);
    this.nullState = this.isNull();
    this.ctx.responseBytes += 20;
    if (this.nullState) return;
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      if (rest.length > 0) nested.set(head, [...(nested.get(head) ?? []), rest.join('/')]);
      else {
        const v = this.readProperty(head);
        this.loaded.set(head, v);
        this.ctx.responseBytes += payloadBytes(v) + head.length + 4;
      }
    }
    for (const [head, rest] of nested) this.child(head).applyLoad(rest);
  }

  forget(): void {
    this.loaded.clear();
    this.nullState = undefined;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  protected got<T>(name: string): T {
    if (this.nullState === true)
      throw hostError('InvalidObjectPath', `The object is a null object; ${name} cannot be read.`);
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }
}

function notLoaded(name: string): Error {
  return hostError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/**
 * Queued property writes on format-like objects (range.format.fill.color = …): every set becomes one
 * queued operation that records "fill.color" on the target. Reading a property throws: nothing of a
 * format is loadable here, as the add-in never needs to.
 */
function recorder(
  ctx: HostContext,
  kind: string,
  path: string[],
  apply: (key: string, value: unknown) => void,
  methods: Record<string, (...args: unknown[]) => unknown> = {},
): any {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop !== 'string') return undefined;
        if (methods[prop]) return methods[prop];
        if (prop === 'borders')
          return recorder(ctx, kind, [...path, 'borders'], apply, {
            getItem: (edge) => recorder(ctx, kind, [...path, 'borders', String(edge)], apply),
          });
        if (['fill', 'font', 'rule', 'format', 'protection', 'headersFooters', 'defaultForAllPages'].includes(prop))
          return recorder(ctx, kind, [...path, prop], apply);
        throw notLoaded(prop);
      },
      set(_t, prop, value) {
        const key = [...path, String(prop)].join('.');
        ctx.queue(kind, payloadBytes(value) + key.length + 30, () => apply(key, value));
        return true;
      },
    },
  );
}

type Grid = unknown[][];

function checkShape(area: MergeRange, grid: Grid, what: string): void {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  if (!Array.isArray(grid) || grid.length !== rows || grid.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw hostError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
    );
  }
}

/** Excel's reading of typed input in a cell that is not formatted as text. */
function typed(cell: HostCell, v: unknown): void {
  delete cell.formula;
  if (typeof v !== 'string') {
    cell.value = (v as number | boolean | null) ?? null;
    return;
  }
  if (v === '') cell.value = null;
  else if (cell.numberFormat === '@') cell.value = v;
  else if (/^[=+@]/.test(v) && v.length > 1)
    setFormula(cell, v.startsWith('=') ? v : `=${v.slice(v.startsWith('@') ? 1 : 0)}`);
  else if (/^[+-]?\d+(\.\d+)?$/.test(v.trim())) cell.value = Number(v);
  else cell.value = v;
}

/** Stores a formula; HYPERLINK's label is its result, other formulas have none here. */
function setFormula(cell: HostCell, f: string): void {
  cell.formula = f;
  const m = /^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/.exec(f);
  cell.value = m ? m[2].replace(/""/g, '"') : null;
}

class WorkbookProxy extends HostObject {
  readonly worksheets: WorksheetCollection;
  readonly names: NameCollection;
  readonly application: ApplicationProxy;
  readonly functions: FunctionsProxy;
  readonly protection: WorkbookProtection;
  constructor(ctx: HostContext) {
    super(ctx);
    this.worksheets = new WorksheetCollection(ctx);
    this.names = new NameCollection(ctx, () => ctx.model.names, null);
    this.application = new ApplicationProxy(ctx);
    this.functions = new FunctionsProxy(ctx);
    this.protection = new WorkbookProtection(ctx);
  }
  protected readProperty(name: string): unknown {
    throw hostError('InvalidArgument', `Workbook.${name} is not modelled`);
  }
  /**
   * The user's selection as one range (ExcelApi 1.1). As in Excel, there always is one: with nothing
   * recorded, A1 of the active sheet; several areas selected (ctrl-click) throw InvalidSelection.
   */
  getSelectedRange(): RangeProxy {
    const where = () => {
      const model = this.ctx.model;
      if (model.selection.includes(','))
        throw hostError('InvalidSelection', 'The current selection is invalid for this operation.');
      const { sheet, area } = model.selection
        ? parseArea(model.selection)
        : { sheet: model.activeSheet, area: { top: 0, left: 0, bottom: 0, right: 0 } };
      const s = model.sheet(sheet ?? model.activeSheet);
      if (!s) throw hostError('ItemNotFound', `The worksheet "${sheet}" does not exist.`);
      return { s, area };
    };
    return new RangeProxy(
      this.ctx,
      () => where().s,
      () => where().area,
    );
  }
}

class WorkbookProtection extends HostObject {
  get protected(): boolean {
    return this.got('protected');
  }
  protected readProperty(name: string): unknown {
    if (name === 'protected') return this.ctx.model.structureProtected;
    throw hostError('InvalidArgument', name);
  }
}

class ApplicationProxy extends HostObject {
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.queue('suspendCalculation', 20, () => {});
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.queue('suspendScreenUpdating', 20, () => {});
  }
  protected readProperty(name: string): unknown {
    throw hostError('InvalidArgument', name);
  }
}

class FunctionsProxy extends HostObject {
  date(y: number, m: number, d: number): FunctionResult {
    return new FunctionResult(this.ctx, () => {
      const serial = Date.UTC(y, m - 1, d) / 86400000 + 25569;
      return this.ctx.model.date1904 ? serial - 1462 : serial;
    });
  }
  protected readProperty(name: string): unknown {
    throw hostError('InvalidArgument', name);
  }
}

class FunctionResult extends HostObject {
  constructor(
    ctx: HostContext,
    private readonly compute: () => number,
  ) {
    super(ctx);
  }
  get value(): number {
    return this.got('value');
  }
  protected readProperty(name: string): unknown {
    if (name === 'value') return this.compute();
    throw hostError('InvalidArgument', name);
  }
}

/** A collection: `items` (and what is loaded through "items/…") become readable after load and sync. */
abstract class HostCollection<T extends HostObject> extends HostObject {
  private itemsValue: T[] | null = null;
  get items(): T[] {
    if (!this.itemsValue) throw notLoaded('items');
    return this.itemsValue;
  }
  /** The collection's members as they are when the load runs. */
  protected abstract members(): T[];
  protected readProperty(name: string): unknown {
    throw hostError('InvalidArgument', name);
  }
  override applyLoad(paths: string[]): void {
    super.applyLoad([]);
    this.itemsValue = this.members();
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    for (const item of this.itemsValue) item.applyLoad(itemPaths);
  }
  override forget(): void {
    super.forget();
    this.itemsValue = null;
  }
}

class WorksheetCollection extends HostCollection<WorksheetProxy> {
  protected members(): WorksheetProxy[] {
    return this.ctx.model.sheets.map((s) => new WorksheetProxy(this.ctx, () => s));
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.model.sheet(name);
      if (!s) throw hostError('ItemNotFound', `The worksheet "${name}" does not exist.`);
      return s;
    });
  }
  add(name: string): WorksheetProxy {
    let created: HostSheet | null = null;
    this.ctx.queue('worksheets.add', 60 + payloadBytes(name), () => {
      if (this.ctx.model.structureProtected) throw hostError('AccessDenied', 'The workbook structure is protected.');
      if (this.ctx.model.sheet(name)) throw hostError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
      if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw hostError('InvalidArgument', `Bad sheet name "${name}".`);
      created = new HostSheet(name);
      this.ctx.model.sheets.push(created);
    });
    return new WorksheetProxy(this.ctx, () => {
      if (!created) throw hostError('ItemNotFound', 'The worksheet was not created.');
      return created;
    });
  }
}

class WorksheetProxy extends HostObject {
  constructor(
    ctx: HostContext,
    readonly target: () => HostSheet,
  ) {
    super(ctx);
  }
  get name(): string {
    return this.got('name');
  }
  get visibility(): string {
    return this.got('visibility');
  }
  get names(): NameCollection {
    return new NameCollection(this.ctx, () => this.target().names, this);
  }
  get protection(): SheetProtection {
    return new SheetProtection(this.ctx, this.target);
  }
  get freezePanes(): { freezeRows(n: number): void } {
    return {
      freezeRows: (n: number) => this.ctx.queue('freezePanes', 30, () => void (this.target().frozenRows = n)),
    };
  }
  get pageLayout(): any {
    const apply = (key: string, value: unknown) => void (this.target().pageLayout[key] = value);
    return recorder(this.ctx, 'pageLayout', [], apply, {
      setPrintTitleRows: (rows) => this.ctx.queue('pageLayout', 40, () => apply('printTitleRows', rows)),
    });
  }
  protected readProperty(name: string): unknown {
    const s = this.target();
    if (name === 'name') return s.name;
    if (name === 'visibility') return s.visibility;
    throw hostError('InvalidArgument', `Worksheet.${name} is not modelled`);
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, this.target, () =>
      address ? parseArea(address).area : { top: 0, left: 0, bottom: 1048575, right: 16383 },
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, this.target, () => ({
      top: row,
      left: col,
      bottom: row + rows - 1,
      right: col + cols - 1,
    }));
  }
  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, this.target, () => address.split(',').map((a) => parseArea(a).area));
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, this.target, () => this.target().usedArea(valuesOnly), true);
  }
  delete(): void {
    this.ctx.queue('worksheet.delete', 40, () => {
      const s = this.target();
      if (this.ctx.model.structureProtected) throw hostError('AccessDenied', 'The workbook structure is protected.');
      this.ctx.model.sheets = this.ctx.model.sheets.filter((x) => x !== s);
      if (this.ctx.model.activeSheet === s.name) this.ctx.model.activeSheet = this.ctx.model.sheets[0]?.name ?? '';
    });
  }
  activate(): void {
    this.ctx.queue('worksheet.activate', 30, () => void (this.ctx.model.activeSheet = this.target().name));
  }
}

class SheetProtection extends HostObject {
  constructor(
    ctx: HostContext,
    private readonly sheet: () => HostSheet,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.got('protected');
  }
  protected readProperty(name: string): unknown {
    if (name === 'protected') return this.sheet().protected;
    throw hostError('InvalidArgument', name);
  }
}

class NameCollection extends HostCollection<NamedItemProxy> {
  constructor(
    ctx: HostContext,
    private readonly list: () => HostName[],
    private readonly sheet: WorksheetProxy | null,
  ) {
    super(ctx);
  }
  protected members(): NamedItemProxy[] {
    return this.list().map((n) => new NamedItemProxy(this.ctx, () => n, this.list));
  }
  add(name: string, reference: string): NamedItemProxy {
    const entry: HostName = { name, formula: reference.startsWith('=') ? reference : `=${reference}`, visible: true };
    this.ctx.queue('names.add', 60 + payloadBytes(reference), () => {
      const list = this.list();
      if (list.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw hostError('ItemAlreadyExists', `The name ${name} already exists.`);
      // A name scoped to a sheet that no longer exists fails as Excel does.
      if (this.sheet) this.sheet.target();
      list.push(entry);
    });
    return new NamedItemProxy(this.ctx, () => entry, this.list);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(
      this.ctx,
      () => {
        const n = this.list().find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!n) throw hostError('ItemNotFound', `The name ${name} does not exist.`);
        return n;
      },
      this.list,
    );
  }
}

class NamedItemProxy extends HostObject {
  constructor(
    ctx: HostContext,
    private readonly target: () => HostName,
    private readonly list: () => HostName[],
  ) {
    super(ctx);
  }
  get name(): string {
    return this.got('name');
  }
  get formula(): string {
    return this.got('formula');
  }
  set visible(v: boolean) {
    this.ctx.queue('name.visible', 30, () => void (this.target().visible = v));
  }
  protected readProperty(name: string): unknown {
    const n = this.target();
    if (name === 'name') return n.name;
    if (name === 'formula') return n.formula;
    if (name === 'visible') return n.visible;
    throw hostError('InvalidArgument', name);
  }
  delete(): void {
    this.ctx.queue('name.delete', 30, () => {
      const n = this.target();
      const list = this.list();
      list.splice(list.indexOf(n), 1);
    });
  }
}

/** What a Range and a RangeAreas share: a sheet and one or more areas to format. */
function formatRecorder(ctx: HostContext, sheet: () => HostSheet, areas: () => MergeRange[]): any {
  return recorder(ctx, 'range.format', ['format'], (key, value) => {
    const s = sheet();
    if (s.protected) throw hostError('AccessDenied', `The sheet ${s.name} is protected.`);
    for (const a of areas()) {
      if (key === 'format.columnWidth') for (let c = a.left; c <= a.right; c++) s.columnWidths.set(c, value as number);
      else if (key === 'format.useStandardWidth') for (let c = a.left; c <= a.right; c++) s.columnWidths.delete(c);
      else if (key === 'format.rowHeight') for (let r = a.top; r <= a.bottom; r++) s.rowHeights.set(r, value as number);
      else {
        if ((a.bottom - a.top + 1) * (a.right - a.left + 1) > 5_000_000)
          throw hostError('InvalidArgument', 'Formatting whole columns is not modelled');
        for (let r = a.top; r <= a.bottom; r++)
          for (let c = a.left; c <= a.right; c++) s.ensure(r, c).format[key.replace(/^format\./, '')] = value;
      }
    }
  });
}

class RangeAreasProxy extends HostObject {
  constructor(
    ctx: HostContext,
    private readonly sheet: () => HostSheet,
    private readonly rects: () => MergeRange[] | null,
    private readonly orNull = false,
  ) {
    super(ctx);
  }
  protected override isNull(): boolean {
    return this.orNull && (this.rects() ?? []).length === 0;
  }
  get address(): string {
    return this.got('address');
  }
  /** The areas as ranges (ExcelApi 1.9): rowIndex, columnIndex, rowCount, columnCount each. */
  get areas(): RangeCollection {
    return this.areaList;
  }
  private readonly areaList = new RangeCollection(this.ctx, () =>
    (this.rects() ?? []).map((a) => new RangeProxy(this.ctx, this.sheet, () => a)),
  );
  protected override child(name: string): HostObject {
    if (name === 'areas') return this.areaList;
    return super.child(name);
  }
  get format(): any {
    return formatRecorder(this.ctx, this.sheet, () => this.rects() ?? []);
  }
  protected readProperty(name: string): unknown {
    if (name === 'address')
      return (this.rects() ?? []).map((a) => `${quote(this.sheet().name)}!${areaAddress(a)}`).join(',');
    throw hostError('InvalidArgument', `RangeAreas.${name} is not modelled`);
  }
}

class RangeCollection extends HostCollection<RangeProxy> {
  constructor(
    ctx: HostContext,
    private readonly list: () => RangeProxy[],
  ) {
    super(ctx);
  }
  protected members(): RangeProxy[] {
    return this.list();
  }
}

function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function areaAddress(a: MergeRange): string {
  const tl = `${columnLetter(a.left)}${a.top + 1}`;
  return a.top === a.bottom && a.left === a.right ? tl : `${tl}:${columnLetter(a.right)}${a.bottom + 1}`;
}

class RangeProxy extends HostObject {
  constructor(
    ctx: HostContext,
    private readonly sheet: () => HostSheet,
    private readonly area: () => MergeRange | null,
    private readonly orNull = false,
  ) {
    super(ctx);
  }
  private at(): MergeRange {
    const a = this.area();
    if (!a) throw hostError('InvalidObjectPath', 'The range is a null object.');
    return a;
  }
  protected override isNull(): boolean {
    return this.orNull && this.area() === null;
  }
  get address(): string {
    return this.got('address');
  }
  get values(): unknown[][] {
    return this.got('values');
  }
  get numberFormat(): unknown[][] {
    return this.got('numberFormat');
  }
  get rowCount(): number {
    return this.got('rowCount');
  }
  get columnCount(): number {
    return this.got('columnCount');
  }
  /** Zero-indexed row of the range's first cell (ExcelApi 1.1). */
  get rowIndex(): number {
    return this.got('rowIndex');
  }
  get columnIndex(): number {
    return this.got('columnIndex');
  }
  /** The worksheet containing the range (ExcelApi 1.1): a proxy, its properties loaded as any sheet's. */
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.sheet);
  }
  get format(): any {
    return formatRecorder(this.ctx, this.sheet, () => [this.at()]);
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return new ConditionalFormatCollection(this.ctx, this.sheet, () => this.at());
  }
  protected readProperty(name: string): unknown {
    const s = this.sheet();
    const a = this.at();
    const grid = (f: (c: HostCell | undefined) => unknown) => {
      if ((a.bottom - a.top + 1) * (a.right - a.left + 1) > READ_CELL_LIMIT) {
        if (this.ctx.model.largeRead === 'null') return null;
        throw hostError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
      }
      const out: unknown[][] = [];
      for (let r = a.top; r <= a.bottom; r++) {
        const row: unknown[] = [];
        for (let c = a.left; c <= a.right; c++) row.push(f(s.cell(r, c)));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case 'address':
        return `${quote(s.name)}!${areaAddress(a)}`;
      case 'values':
        return grid((c) => c?.value ?? '');
      case 'numberFormat':
        return grid((c) => c?.numberFormat ?? 'General');
      case 'formulas':
        return grid((c) => c?.formula ?? c?.value ?? '');
      case 'rowCount':
        return a.bottom - a.top + 1;
      case 'columnCount':
        return a.right - a.left + 1;
      case 'rowIndex':
        return a.top;
      case 'columnIndex':
        return a.left;
    }
    throw hostError('InvalidArgument', `Range.${name} is not modelled`);
  }
  private write(kind: string, grid: Grid, apply: (cell: HostCell, v: unknown) => void): void {
    this.ctx.queue(kind, payloadBytes(grid), () => {
      const s = this.sheet();
      if (s.protected) throw hostError('AccessDenied', `The sheet ${s.name} is protected.`);
      const a = this.at();
      checkShape(a, grid, kind);
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) apply(s.ensure(r, c), grid[r - a.top][c - a.left]);
    });
  }
  set values(grid: Grid) {
    this.write('range.values', grid, typed);
  }
  set numberFormat(grid: Grid) {
    this.write('range.numberFormat', grid, (cell, v) => void (cell.numberFormat = String(v)));
  }
  set formulas(grid: Grid) {
    this.write('range.formulas', grid, (cell, v) =>
      typeof v === 'string' && v.startsWith('=') ? setFormula(cell, v) : typed(cell, v),
    );
  }
  /**
   * Range.hyperlink (ExcelApi 1.7): the link is kept on each cell of the range and textToDisplay shows in
   * it (https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink). Its request cost counts
   * the object path as well as the value.
   */
  set hyperlink(v: HostCell['hyperlink']) {
    this.ctx.queue('hyperlink', payloadBytes(v) + 100, () => {
      const s = this.sheet();
      if (s.protected) throw hostError('AccessDenied', `The sheet ${s.name} is protected.`);
      const a = this.at();
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) {
          const cell = s.ensure(r, c);
          cell.hyperlink = { ...v };
          if (v?.textToDisplay !== undefined && r === a.top && c === a.left) {
            delete cell.formula;
            cell.value = v.textToDisplay;
          }
        }
    });
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.ctx,
      this.sheet,
      () => {
        const a = this.area();
        if (!a) return null;
        const found = this.sheet().merges.filter(
          (m) => m.top >= a.top && m.top <= a.bottom && m.left >= a.left && m.left <= a.right,
        );
        if (found.length > MERGED_AREAS_LIMIT)
          throw hostError('GeneralException', `More than ${MERGED_AREAS_LIMIT} merged areas in the range.`);
        return found;
      },
      true,
    );
  }
  merge(_across = false): void {
    this.ctx.queue('range.merge', 40, () => this.sheet().merges.push({ ...this.at() }));
  }
  clear(applyTo: string = 'All'): void {
    this.ctx.queue('range.clear', 40, () => {
      const s = this.sheet();
      if (s.protected) throw hostError('AccessDenied', `The sheet ${s.name} is protected.`);
      const a = this.at();
      for (const key of [...s.cells.keys()]) {
        const [r, c] = key.split(',').map(Number);
        if (r < a.top || r > a.bottom || c < a.left || c > a.right) continue;
        const cell = s.cells.get(key)!;
        if (applyTo === 'All' || applyTo === 'Contents') {
          cell.value = null;
          delete cell.formula;
        }
        if (applyTo === 'All' || applyTo === 'Hyperlinks') delete cell.hyperlink;
        if (applyTo === 'All' || applyTo === 'Formats') {
          cell.numberFormat = 'General';
          cell.format = {};
        }
        if (
          cell.value === null &&
          cell.formula === undefined &&
          cell.hyperlink === undefined &&
          cell.numberFormat === 'General' &&
          Object.keys(cell.format).length === 0
        )
          s.cells.delete(key);
      }
    });
  }
  select(): void {
    this.ctx.queue(
      'range.select',
      30,
      () => void (this.ctx.model.selection = `${quote(this.sheet().name)}!${areaAddress(this.at())}`),
    );
  }
}

class ConditionalFormatCollection extends HostCollection<ConditionalFormatProxy> {
  constructor(
    ctx: HostContext,
    private readonly sheet: () => HostSheet,
    private readonly area: () => MergeRange,
  ) {
    super(ctx);
  }
  /** Like Excel: the conditional formats that intersect the range. */
  protected members(): ConditionalFormatProxy[] {
    const a = this.area();
    return this.sheet()
      .conditionalFormats.filter((cf) => intersects(cf.area, a))
      .map((cf) => new ConditionalFormatProxy(this.ctx, this.sheet, cf));
  }
  add(type: string): ConditionalFormatProxy {
    const cf: HostConditionalFormat = {
      id: 0,
      area: { top: 0, left: 0, bottom: 0, right: 0 },
      type: type === 'Custom' ? 'Custom' : 'CellValue',
      formula: '',
      format: {},
    };
    this.ctx.queue('conditionalFormats.add', 60, () => {
      const s = this.sheet();
      if (s.protected) throw hostError('AccessDenied', `The sheet ${s.name} is protected.`);
      cf.area = { ...this.area() };
      cf.id = s.conditionalFormats.length + 1;
      s.conditionalFormats.push(cf);
    });
    return new ConditionalFormatProxy(this.ctx, this.sheet, cf);
  }
}

class ConditionalFormatProxy extends HostObject {
  constructor(
    ctx: HostContext,
    private readonly sheet: () => HostSheet,
    private readonly cf: HostConditionalFormat,
  ) {
    super(ctx);
    this.customPart = new CustomPart(ctx, cf);
  }
  get type(): string {
    return this.got('type');
  }
  /** The custom part: writable (custom.rule.formula = …) and loadable through customOrNullObject. */
  get custom(): any {
    return recorder(this.ctx, 'conditionalFormat.custom', [], (key, value) => {
      if (key === 'rule.formula') this.cf.formula = String(value);
      else this.cf.format[key.replace(/^format\./, '')] = value;
    });
  }
  get customOrNullObject(): CustomPart {
    return this.customPart;
  }
  private customPart: CustomPart;
  protected override child(name: string): HostObject {
    if (name === 'customOrNullObject') return this.customPart;
    return super.child(name);
  }
  protected readProperty(name: string): unknown {
    if (name === 'type') return this.cf.type;
    throw hostError('InvalidArgument', `ConditionalFormat.${name} is not modelled`);
  }
  delete(): void {
    this.ctx.queue('conditionalFormat.delete', 30, () => {
      const list = this.sheet().conditionalFormats;
      const i = list.indexOf(this.cf);
      if (i < 0) throw hostError('ItemNotFound', 'The conditional format does not exist.');
      list.splice(i, 1);
    });
  }
}

class CustomPart extends HostObject {
  private readonly rulePart: RulePart;
  constructor(
    ctx: HostContext,
    private readonly cf: HostConditionalFormat,
  ) {
    super(ctx);
    this.rulePart = new RulePart(ctx, cf);
  }
  protected override isNull(): boolean {
    return this.cf.type !== 'Custom';
  }
  get rule(): RulePart {
    return this.rulePart;
  }
  protected override child(name: string): HostObject {
    if (name === 'rule') return this.rulePart;
    return super.child(name);
  }
  protected readProperty(name: string): unknown {
    throw hostError('InvalidArgument', name);
  }
}

class RulePart extends HostObject {
  constructor(
    ctx: HostContext,
    private readonly cf: HostConditionalFormat,
  ) {
    super(ctx);
  }
  get formula(): string {
    return this.got('formula');
  }
  protected readProperty(name: string): unknown {
    if (name === 'formula') return `=${this.cf.formula.replace(/^=/, '')}`;
    throw hostError('InvalidArgument', name);
  }
}

/** A host standing in for Excel for the add-in's code (ExcelHost shape). */
export function testHost(
  model: HostWorkbook,
  options: { web?: boolean; apiVersion?: string; lang?: string; payloadLimit?: number } = {},
) {
  const contexts: HostContext[] = [];
  return {
    model,
    contexts,
    web: options.web ?? false,
    displayLanguage: options.lang ?? 'zh-CN',
    isSetSupported(name: string, version: string): boolean {
      const have = (options.apiVersion ?? '1.17').split('.').map(Number);
      const want = version.split('.').map(Number);
      return name === 'ExcelApi' && (have[0] > want[0] || (have[0] === want[0] && have[1] >= want[1]));
    },
    /** Excel.run, with RunOptions.delayForCellEdit honoured. */
    async run<T>(
      batch: (context: Excel.RequestContext) => Promise<T>,
      runOptions: { delayForCellEdit?: boolean } = {},
    ): Promise<T> {
      const ctx = new HostContext(
        model,
        options.payloadLimit ?? (options.web ? WEB_PAYLOAD_LIMIT : Infinity),
        runOptions.delayForCellEdit ?? false,
      );
      contexts.push(ctx);
      return batch(ctx as unknown as Excel.RequestContext);
    },
    /** Round trips of the last run. */
    get lastSyncs(): SyncRecord[] {
      return contexts[contexts.length - 1]?.syncs ?? [];
    },
  };
}

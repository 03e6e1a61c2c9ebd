import { testDocument, TestDocument } from './document';
import { payloadBytes } from '../../src/addin/excel/payload';
import { columnLetter, MergeRange } from '../../src/engine/model/workbook';
import { hostError, intersects, parseArea } from './address';
import {
  HostCell,
  HostChart,
  HostConditionalFormat,
  HostName,
  HostSeries,
  HostSeriesSource,
  HostSheet,
  HostWorkbook,
  PAGE_LAYOUT_DEFAULTS,
} from './model';

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
 *   unless the cell's number format is text ("@"); a leading apostrophe makes the rest text.
 */

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Cells one get of cell properties may cover, on every platform. */
export const READ_CELL_LIMIT = 5_000_000;
/** Merged areas Range.getMergedAreasOrNullObject returns at most. */
export const MERGED_AREAS_LIMIT = 512;

/**
 * What one action costs in a request besides its value, and what each object path segment costs the first
 * time a request uses it. Office.js sends a request as JSON: an "Actions" array (each action
 * {"Id":…,"ActionType":…,"Name":…,"ObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}}) and an "ObjectPaths"
 * map holding every object the actions go through (getItem("台账") → getRanges("A1:B2,…") → format → fill),
 * each with an Instantiate action of its own (office.js ClientRequest.ensureInstantiateObjectPath,
 * buildRequestMessageBodyAndRequestFlags in @microsoft/office-js excel-web-16.00.debug.js). A format set
 * through a fresh range thus costs several hundred bytes before its value.
 */
export const ACTION_BYTES = 90;
export const PATH_SEGMENT_BYTES = 130;

interface Op {
  run: () => void;
  bytes: number;
  /** The object path the action goes through, segment by segment (a segment's text includes its arguments). */
  path: string[];
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Sent by Excel.run itself after the batch function returned (its final sync of pending actions). */
  final?: boolean;
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

  queue(kind: string, bytes: number, run: () => void, path: string[] = []): void {
    this.calls.set(kind, (this.calls.get(kind) ?? 0) + 1);
    this.ops.push({ run, bytes: bytes + ACTION_BYTES, path });
  }

  /** Whether actions wait for a sync (Excel.run sends them itself when the batch returns). */
  get pending(): boolean {
    return this.ops.length > 0;
  }

  /** A request's size: each action with its value, and each object path once (a path is sent once per request). */
  private requestSize(ops: Op[]): number {
    const sent = new Set<string>();
    let bytes = 0;
    for (const op of ops) {
      bytes += op.bytes;
      let key = '';
      for (const segment of op.path) {
        key += `\u0000${segment}`;
        if (sent.has(key)) continue;
        sent.add(key);
        bytes += PATH_SEGMENT_BYTES + payloadBytes(segment);
      }
    }
    return bytes;
  }

  noteLoaded(o: HostObject): void {
    this.loadedThisSync.push(o);
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.loadedThisSync = [];
    this.responseBytes = 0;
    const requestBytes = this.requestSize(ops);
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
  /** How a request reaches this object (workbook → worksheets → getItem("台账") → …), for its size. */
  path: string[] = [];
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
    this.ctx.queue('load', payloadBytes(list), () => this.applyLoad(list), this.path);
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

/** The object reached through `path` (see HostObject.path). */
function via<T extends HostObject>(o: T, path: string[]): T {
  o.path = path;
  return o;
}

/** A method call as an object path segment: getItem("台账"). */
function call(name: string, ...args: unknown[]): string {
  return `${name}(${args.map((a) => JSON.stringify(a)).join(',')})`;
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
  objectPath: string[] = path,
): any {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop !== 'string') return undefined;
        if (methods[prop]) return methods[prop];
        if (prop === 'borders')
          return recorder(
            ctx,
            kind,
            [...path, 'borders'],
            apply,
            {
              getItem: (edge) =>
                recorder(ctx, kind, [...path, 'borders', String(edge)], apply, {}, [
                  ...objectPath,
                  'borders',
                  call('getItem', edge),
                ]),
            },
            [...objectPath, 'borders'],
          );
        if (['fill', 'font', 'rule', 'format', 'protection', 'headersFooters', 'defaultForAllPages'].includes(prop))
          return recorder(ctx, kind, [...path, prop], apply, {}, [...objectPath, prop]);
        throw notLoaded(prop);
      },
      set(_t, prop, value) {
        const key = [...path, String(prop)].join('.');
        ctx.queue(kind, payloadBytes(value) + String(prop).length, () => apply(key, value), objectPath);
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
  // A leading apostrophe marks an entry as text and is not part of it (Microsoft KB 214233).
  else if (v.startsWith("'")) cell.value = v.slice(1) || null;
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
  /** Workbook.settings (ExcelApi 1.4): key-value pairs kept in this workbook for this add-in. */
  readonly settings: SettingCollection;
  constructor(ctx: HostContext) {
    super(ctx);
    this.worksheets = via(new WorksheetCollection(ctx), ['worksheets']);
    this.names = via(new NameCollection(ctx, () => ctx.model.names, null), ['names']);
    this.application = via(new ApplicationProxy(ctx), ['application']);
    this.functions = via(new FunctionsProxy(ctx), ['functions']);
    this.protection = via(new WorkbookProtection(ctx), ['protection']);
    this.settings = via(new SettingCollection(ctx), ['settings']);
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
    return via(
      new RangeProxy(
        this.ctx,
        () => where().s,
        () => where().area,
      ),
      [call('getSelectedRange')],
    );
  }
}

/**
 * Workbook.settings (ExcelApi 1.4): "key-value pair setting objects that are part of the workbook. The
 * scope is limited to per file and add-in (task-pane or content) combination"
 * (https://learn.microsoft.com/javascript/api/excel/excel.settingcollection). Values are kept as JSON,
 * as Office keeps them in the file.
 */
class SettingCollection extends HostObject {
  add(key: string, value: unknown): SettingProxy {
    const path = [...this.path, call('add', key, value)];
    this.ctx.queue('settings.add', 0, () => void this.ctx.model.settings.set(key, JSON.stringify(value)), path);
    return via(new SettingProxy(this.ctx, key), path);
  }
  getItemOrNullObject(key: string): SettingProxy {
    return via(new SettingProxy(this.ctx, key, true), [...this.path, call('getItemOrNullObject', key)]);
  }
  protected readProperty(name: string): unknown {
    throw hostError('InvalidArgument', `SettingCollection.${name} is not modelled`);
  }
}

class SettingProxy extends HostObject {
  constructor(
    ctx: HostContext,
    private readonly key: string,
    private readonly orNull = false,
  ) {
    super(ctx);
  }
  protected override isNull(): boolean {
    return this.orNull && !this.ctx.model.settings.has(this.key);
  }
  get value(): unknown {
    return this.got('value');
  }
  protected readProperty(name: string): unknown {
    if (name === 'value') return JSON.parse(this.ctx.model.settings.get(this.key) ?? 'null');
    if (name === 'key') return this.key;
    throw hostError('InvalidArgument', `Setting.${name} is not modelled`);
  }
  delete(): void {
    this.ctx.queue('setting.delete', 10, () => void this.ctx.model.settings.delete(this.key), this.path);
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
    this.ctx.queue('suspendCalculation', 20, () => {}, this.path);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.queue('suspendScreenUpdating', 20, () => {}, this.path);
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
    return this.ctx.model.sheets.map((s, i) =>
      via(new WorksheetProxy(this.ctx, () => s), [...this.path, `items[${i}]`]),
    );
  }
  getItem(name: string): WorksheetProxy {
    return via(
      new WorksheetProxy(this.ctx, () => {
        const s = this.ctx.model.sheet(name);
        if (!s) throw hostError('ItemNotFound', `The worksheet "${name}" does not exist.`);
        return s;
      }),
      [...this.path, call('getItem', name)],
    );
  }
  add(name: string): WorksheetProxy {
    let created: HostSheet | null = null;
    const path = [...this.path, call('add', name)];
    this.ctx.queue(
      'worksheets.add',
      0,
      () => {
        if (this.ctx.model.structureProtected) throw hostError('AccessDenied', 'The workbook structure is protected.');
        if (this.ctx.model.sheet(name)) throw hostError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
        if (name.length > 31 || /[\\/?*[\]:]/.test(name))
          throw hostError('InvalidArgument', `Bad sheet name "${name}".`);
        created = new HostSheet(name);
        this.ctx.model.sheets.push(created);
      },
      path,
    );
    return via(
      new WorksheetProxy(this.ctx, () => {
        if (!created) throw hostError('ItemNotFound', 'The worksheet was not created.');
        return created;
      }),
      path,
    );
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
    return via(new NameCollection(this.ctx, () => this.target().names, this), [...this.path, 'names']);
  }
  get protection(): SheetProtection {
    return via(new SheetProtection(this.ctx, this.target), [...this.path, 'protection']);
  }
  get freezePanes(): { freezeRows(n: number): void } {
    const path = [...this.path, 'freezePanes'];
    return {
      freezeRows: (n: number) =>
        this.ctx.queue('freezePanes', 10, () => void (this.target().frozenRows = n), [...path, call('freezeRows', n)]),
    };
  }
  /**
   * Worksheet.pageLayout (ExcelApi 1.9): settable, and orientation and zoom loadable
   * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout). See PageLayoutProxy.
   */
  get pageLayout(): PageLayoutProxy {
    return via(new PageLayoutProxy(this.ctx, this.target), [...this.path, 'pageLayout']);
  }
  /** Worksheet.charts (ExcelApi 1.1): https://learn.microsoft.com/javascript/api/excel/excel.chartcollection. */
  get charts(): ChartCollection {
    return via(new ChartCollection(this.ctx, this.target), [...this.path, 'charts']);
  }
  protected readProperty(name: string): unknown {
    const s = this.target();
    if (name === 'name') return s.name;
    if (name === 'visibility') return s.visibility;
    throw hostError('InvalidArgument', `Worksheet.${name} is not modelled`);
  }
  getRange(address?: string): RangeProxy {
    return via(
      new RangeProxy(this.ctx, this.target, () =>
        address ? parseArea(address).area : { top: 0, left: 0, bottom: 1048575, right: 16383 },
      ),
      [...this.path, address === undefined ? call('getRange') : call('getRange', address)],
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return via(
      new RangeProxy(this.ctx, this.target, () => ({
        top: row,
        left: col,
        bottom: row + rows - 1,
        right: col + cols - 1,
      })),
      [...this.path, call('getRangeByIndexes', row, col, rows, cols)],
    );
  }
  getRanges(address: string): RangeAreasProxy {
    return via(new RangeAreasProxy(this.ctx, this.target, () => address.split(',').map((a) => parseArea(a).area)), [
      ...this.path,
      call('getRanges', address),
    ]);
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return via(new RangeProxy(this.ctx, this.target, () => this.target().usedArea(valuesOnly), true), [
      ...this.path,
      call('getUsedRangeOrNullObject', valuesOnly),
    ]);
  }
  delete(): void {
    this.ctx.queue(
      'worksheet.delete',
      10,
      () => {
        const s = this.target();
        if (this.ctx.model.structureProtected) throw hostError('AccessDenied', 'The workbook structure is protected.');
        this.ctx.model.sheets = this.ctx.model.sheets.filter((x) => x !== s);
        if (this.ctx.model.activeSheet === s.name) this.ctx.model.activeSheet = this.ctx.model.sheets[0]?.name ?? '';
      },
      this.path,
    );
  }
  activate(): void {
    this.ctx.queue('worksheet.activate', 10, () => void (this.ctx.model.activeSheet = this.target().name), this.path);
  }
  /**
   * Worksheet.copy (ExcelApi 1.10) as Excel copies a sheet: cells, merges, formats and the sheet's own
   * (sheet-scoped) names go with it, the names now referring to the copy; the copy is named "汇总 (2)"
   * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-copy-member(1)).
   * Placed at the end here (positionType "End"); other positions are not modelled.
   */
  copy(): WorksheetProxy {
    let created: HostSheet | null = null;
    const path = [...this.path, call('copy')];
    this.ctx.queue('worksheet.copy', 10, () => void (created = this.ctx.model.copySheet(this.target().name)), path);
    return via(
      new WorksheetProxy(this.ctx, () => {
        if (!created) throw hostError('ItemNotFound', 'The worksheet was not copied.');
        return created;
      }),
      path,
    );
  }
}

/**
 * Worksheet.pageLayout (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.pagelayout).
 * zoom takes PageLayoutZoomOptions: horizontalFitToPages and verticalFitToPages are numbers of pages,
 * scale a percentage from 10 to 400 (https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions);
 * a page count below 1 ("0 pages tall") is not documented and is refused here. A setting the model lists
 * in HostWorkbook.refusedPrintSettings fails as a printer without that option makes it fail. orientation
 * and zoom load as Excel reads them: "Portrait" and { scale: 100 } when nothing was set. The print area:
 * setPrintArea and getPrintAreaOrNullObject (a null object without one).
 */
class PageLayoutProxy extends HostObject {
  constructor(
    ctx: HostContext,
    private readonly sheet: () => HostSheet,
  ) {
    super(ctx);
    // Only the members below exist: a setting the add-in makes that is not modelled fails loudly.
    return new Proxy(this, {
      set(target, prop, value) {
        if (typeof prop === 'string' && !Reflect.has(target, prop) && !['nullState', 'path'].includes(prop))
          throw hostError('InvalidArgument', `PageLayout.${prop} is not modelled`);
        return Reflect.set(target, prop, value);
      },
    });
  }
  private apply(key: string, value: unknown): void {
    const sheet = this.sheet();
    if (this.ctx.model.refusedPrintSettings.has(key))
      throw hostError('GeneralException', `The print setting ${key} cannot be applied.`);
    if (key === 'zoom') {
      const z = value as Record<string, unknown>;
      for (const k of Object.keys(z)) {
        const v = z[k];
        const ok =
          v === null ||
          (k === 'scale'
            ? typeof v === 'number' && v >= 10 && v <= 400
            : (k === 'horizontalFitToPages' || k === 'verticalFitToPages') &&
              Number.isInteger(v) &&
              (v as number) >= 1 &&
              (v as number) <= 32767);
        if (!ok) throw hostError('InvalidArgument', `PageLayoutZoomOptions.${k} = ${String(v)} is not valid.`);
      }
    }
    if (key === 'orientation' && value !== 'Portrait' && value !== 'Landscape')
      throw hostError('InvalidArgument', `PageLayout.orientation = ${String(value)} is not valid.`);
    sheet.pageLayout[key] = value;
  }
  private set(key: string, value: unknown, path = this.path): void {
    this.ctx.queue('pageLayout', payloadBytes(value) + key.length, () => this.apply(key, value), path);
  }
  set orientation(v: string) {
    this.set('orientation', v);
  }
  get orientation(): string {
    return this.got('orientation');
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.set('zoom', { ...v });
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.got('zoom');
  }
  set paperSize(v: string) {
    this.set('paperSize', v);
  }
  get headersFooters(): any {
    return recorder(this.ctx, 'pageLayout', ['headersFooters'], (key, value) => this.apply(key, value), {}, [
      ...this.path,
      'headersFooters',
    ]);
  }
  setPrintTitleRows(rows: string): void {
    this.set('printTitleRows', rows, [...this.path, call('setPrintTitleRows', rows)]);
  }
  /** PageLayout.setPrintArea (ExcelApi 1.9): kept as the address given. */
  setPrintArea(address: string): void {
    this.set('printArea', address, [...this.path, call('setPrintArea', address)]);
  }
  /** The print area as RangeAreas, or a null object when the sheet has none (ExcelApi 1.9). */
  getPrintAreaOrNullObject(): RangeAreasProxy {
    return via(
      new RangeAreasProxy(
        this.ctx,
        this.sheet,
        () => {
          const a = this.sheet().pageLayout.printArea;
          return typeof a === 'string' ? a.split(',').map((x) => parseArea(x).area) : [];
        },
        true,
      ),
      [...this.path, call('getPrintAreaOrNullObject')],
    );
  }
  protected readProperty(name: string): unknown {
    const p = { ...PAGE_LAYOUT_DEFAULTS, ...this.sheet().pageLayout };
    if (name === 'orientation' || name === 'zoom')
      return typeof p[name] === 'object' ? { ...(p[name] as object) } : p[name];
    throw hostError('InvalidArgument', `PageLayout.${name} is not modelled`);
  }
}

/** Chart types Excel.ChartType lists that the host draws as bars or columns (enough for Luoshi's chart). */
const CHART_TYPES = new Set([
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  'BarClustered',
  'BarStacked',
  'BarStacked100',
]);

/** The cells a Range proxy stands for, for a chart to read (a chart series follows its sheet). */
function sourceOf(range: unknown, what: string): HostSeriesSource {
  if (!(range instanceof RangeProxy)) throw hostError('InvalidArgument', `${what}: a Range is expected.`);
  return range.cellsFor(what);
}

/**
 * Worksheet.charts (ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.chartcollection):
 * add(type, sourceData, seriesBy) makes a chart with one series per column ("Columns") or row ("Rows") of
 * sourceData, named Series1, Series2 … (the cells hold numbers only here: no header detection is modelled),
 * placed nowhere in particular until setPosition. getItemAt(index) (ExcelApi 1.1); items/count loadable.
 */
class ChartCollection extends HostCollection<ChartProxy> {
  constructor(
    ctx: HostContext,
    private readonly sheet: () => HostSheet,
  ) {
    super(ctx);
  }
  protected members(): ChartProxy[] {
    return this.sheet().charts.map((c, i) =>
      via(new ChartProxy(this.ctx, this.sheet, () => c), [...this.path, `items[${i}]`]),
    );
  }
  add(type: string, sourceData: unknown, seriesBy: string = 'Auto'): ChartProxy {
    let created: HostChart | null = null;
    const path = [...this.path, call('add', type, seriesBy)];
    this.ctx.queue(
      'charts.add',
      20,
      () => {
        if (!CHART_TYPES.has(type)) throw hostError('InvalidArgument', `Chart type ${type} is not modelled.`);
        const s = this.sheet();
        if (s.protected) throw hostError('AccessDenied', `The sheet ${s.name} is protected.`);
        const src = sourceOf(sourceData, 'ChartCollection.add');
        const byRows = seriesBy === 'Rows';
        const series: HostSeries[] = [];
        const count = byRows ? src.area.bottom - src.area.top + 1 : src.area.right - src.area.left + 1;
        for (let i = 0; i < count; i++) {
          const area = byRows
            ? { ...src.area, top: src.area.top + i, bottom: src.area.top + i }
            : { ...src.area, left: src.area.left + i, right: src.area.left + i };
          series.push({ name: `Series${i + 1}`, values: { sheet: src.sheet, area }, xValues: null, props: {} });
        }
        created = { type, series, position: null, props: {} };
        s.charts.push(created);
      },
      path,
    );
    return via(
      new ChartProxy(this.ctx, this.sheet, () => {
        if (!created) throw hostError('ItemNotFound', 'The chart was not created.');
        return created;
      }),
      path,
    );
  }
  getItemAt(index: number): ChartProxy {
    return via(
      new ChartProxy(this.ctx, this.sheet, () => {
        const c = this.sheet().charts[index];
        if (!c) throw hostError('ItemNotFound', `No chart at ${index}.`);
        return c;
      }),
      [...this.path, call('getItemAt', index)],
    );
  }
}

/** Settable members of a chart's parts, by path; anything else fails (the add-in uses documented members only). */
const CHART_SETTINGS = new Set([
  'name',
  'title.text',
  'title.format.font.size',
  'title.format.font.bold',
  'legend.position',
  'legend.visible',
  'legend.format.font.size',
  'format.font.size',
  'format.font.name',
  'axes.categoryAxis.reversePlotOrder',
  'axes.categoryAxis.position',
  'axes.categoryAxis.format.font.size',
  'axes.valueAxis.numberFormat',
  'axes.valueAxis.majorUnit',
  'axes.valueAxis.format.font.size',
  'format.line.color',
]);
const CHART_PARTS = new Set(['title', 'legend', 'format', 'font', 'axes', 'categoryAxis', 'valueAxis']);

/** A proxy of nested chart parts (chart.axes.categoryAxis …) whose property sets are queued and recorded. */
function chartPart(
  ctx: HostContext,
  prefix: string[],
  objectPath: string[],
  apply: (key: string, v: unknown) => void,
): any {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop !== 'string') return undefined;
        if (CHART_PARTS.has(prop)) return chartPart(ctx, [...prefix, prop], [...objectPath, prop], apply);
        throw notLoaded(prop);
      },
      set(_t, prop, value) {
        const key = [...prefix, String(prop)].join('.');
        if (!CHART_SETTINGS.has(key)) throw hostError('InvalidArgument', `Chart.${key} is not modelled`);
        ctx.queue('chart', payloadBytes(value) + key.length, () => apply(key, value), objectPath);
        return true;
      },
    },
  );
}

/**
 * An embedded chart (Excel.Chart, https://learn.microsoft.com/javascript/api/excel/excel.chart): name,
 * title.text, legend, format.font (ExcelApi 1.1), axes (categoryAxis.reversePlotOrder ExcelApi 1.7,
 * position 1.8; valueAxis.numberFormat 1.8, majorUnit 1.1), series, setPosition(startCell, endCell)
 * ("If specified, the chart's width and height will be set to fully cover up this cell/range", ExcelApi 1.1)
 * and delete() (ExcelApi 1.1).
 */
class ChartProxy extends HostObject {
  constructor(
    ctx: HostContext,
    private readonly sheet: () => HostSheet,
    private readonly target: () => HostChart,
  ) {
    super(ctx);
  }
  private set(key: string, value: unknown): void {
    this.target().props[key] = value;
  }
  set name(v: string) {
    this.ctx.queue('chart', payloadBytes(v), () => this.set('name', v), this.path);
  }
  get name(): string {
    return this.got('name');
  }
  get title(): any {
    return chartPart(this.ctx, ['title'], [...this.path, 'title'], (k, v) => this.set(k, v));
  }
  get legend(): any {
    return chartPart(this.ctx, ['legend'], [...this.path, 'legend'], (k, v) => this.set(k, v));
  }
  get format(): any {
    return chartPart(this.ctx, ['format'], [...this.path, 'format'], (k, v) => this.set(k, v));
  }
  get axes(): any {
    return chartPart(this.ctx, ['axes'], [...this.path, 'axes'], (k, v) => this.set(k, v));
  }
  get series(): ChartSeriesCollection {
    return via(new ChartSeriesCollection(this.ctx, this.target), [...this.path, 'series']);
  }
  setPosition(startCell: string, endCell?: string): void {
    this.ctx.queue(
      'chart.setPosition',
      payloadBytes([startCell, endCell]),
      () => {
        if (typeof startCell !== 'string' || (endCell !== undefined && typeof endCell !== 'string'))
          throw hostError('InvalidArgument', 'setPosition takes cell addresses here.');
        const a = parseArea(startCell).area;
        const b = endCell === undefined ? a : parseArea(endCell).area;
        this.target().position = { top: a.top, left: a.left, bottom: b.bottom, right: b.right };
      },
      [...this.path, call('setPosition', startCell, endCell)],
    );
  }
  delete(): void {
    this.ctx.queue(
      'chart.delete',
      10,
      () => {
        const list = this.sheet().charts;
        const i = list.indexOf(this.target());
        if (i < 0) throw hostError('ItemNotFound', 'The chart does not exist.');
        list.splice(i, 1);
      },
      this.path,
    );
  }
  protected readProperty(name: string): unknown {
    if (name === 'name') return this.target().props.name ?? 'Chart 1';
    throw hostError('InvalidArgument', `Chart.${name} is not modelled`);
  }
}

/**
 * Chart.series (https://learn.microsoft.com/javascript/api/excel/excel.chartseriescollection): add(name,
 * index) (ExcelApi 1.7) adds a series without values; getItemAt(index) (ExcelApi 1.1).
 */
class ChartSeriesCollection extends HostCollection<ChartSeriesProxy> {
  constructor(
    ctx: HostContext,
    private readonly chart: () => HostChart,
  ) {
    super(ctx);
  }
  protected members(): ChartSeriesProxy[] {
    return this.chart().series.map((x, i) =>
      via(new ChartSeriesProxy(this.ctx, this.chart, () => x), [...this.path, `items[${i}]`]),
    );
  }
  add(name?: string, index?: number): ChartSeriesProxy {
    let created: HostSeries | null = null;
    const path = [...this.path, call('add', name ?? null, index ?? null)];
    this.ctx.queue(
      'series.add',
      payloadBytes(name ?? ''),
      () => {
        const list = this.chart().series;
        created = { name: name ?? `Series${list.length + 1}`, values: null, xValues: null, props: {} };
        list.splice(index ?? list.length, 0, created);
      },
      path,
    );
    return via(
      new ChartSeriesProxy(this.ctx, this.chart, () => {
        if (!created) throw hostError('ItemNotFound', 'The series was not created.');
        return created;
      }),
      path,
    );
  }
  getItemAt(index: number): ChartSeriesProxy {
    return via(
      new ChartSeriesProxy(this.ctx, this.chart, () => {
        const x = this.chart().series[index];
        if (!x) throw hostError('ItemNotFound', `No series at ${index}.`);
        return x;
      }),
      [...this.path, call('getItemAt', index)],
    );
  }
}

/**
 * A chart series (https://learn.microsoft.com/javascript/api/excel/excel.chartseries): name (ExcelApi 1.1),
 * setValues / setXAxisValues (ExcelApi 1.7), format.fill.setSolidColor and format.line.color (ExcelApi 1.1),
 * gapWidth (ExcelApi 1.8), delete (ExcelApi 1.7).
 */
class ChartSeriesProxy extends HostObject {
  constructor(
    ctx: HostContext,
    private readonly chart: () => HostChart,
    private readonly target: () => HostSeries,
  ) {
    super(ctx);
  }
  set name(v: string) {
    this.ctx.queue('series', payloadBytes(v), () => void (this.target().name = v), this.path);
  }
  get name(): string {
    return this.got('name');
  }
  set gapWidth(v: number) {
    this.ctx.queue(
      'series',
      8,
      () => {
        if (!Number.isInteger(v) || v < 0 || v > 500) throw hostError('InvalidArgument', `gapWidth ${v}`);
        this.target().props.gapWidth = v;
      },
      this.path,
    );
  }
  setValues(range: unknown): void {
    this.ctx.queue('series.setValues', 10, () => void (this.target().values = sourceOf(range, 'setValues')), [
      ...this.path,
      call('setValues'),
    ]);
  }
  setXAxisValues(range: unknown): void {
    this.ctx.queue(
      'series.setXAxisValues',
      10,
      () => void (this.target().xValues = sourceOf(range, 'setXAxisValues')),
      [...this.path, call('setXAxisValues')],
    );
  }
  get format(): any {
    const path = [...this.path, 'format'];
    const props = () => this.target().props;
    return {
      fill: {
        setSolidColor: (color: string) =>
          this.ctx.queue('series.format', payloadBytes(color), () => void (props()['format.fill'] = color), [
            ...path,
            'fill',
            call('setSolidColor', color),
          ]),
      },
      line: chartPart(this.ctx, ['format', 'line'], [...path, 'line'], (k, v) => void (props()[k] = v)),
    };
  }
  delete(): void {
    this.ctx.queue(
      'series.delete',
      10,
      () => {
        const list = this.chart().series;
        list.splice(list.indexOf(this.target()), 1);
      },
      this.path,
    );
  }
  protected readProperty(name: string): unknown {
    if (name === 'name') return this.target().name;
    throw hostError('InvalidArgument', `ChartSeries.${name} is not modelled`);
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
    return this.list().map((n, i) =>
      via(new NamedItemProxy(this.ctx, () => n, this.list), [...this.path, `items[${i}]`]),
    );
  }
  add(name: string, reference: string): NamedItemProxy {
    const entry: HostName = { name, formula: reference.startsWith('=') ? reference : `=${reference}`, visible: true };
    const path = [...this.path, call('add', name, reference)];
    this.ctx.queue(
      'names.add',
      0,
      () => {
        const list = this.list();
        if (list.some((n) => n.name.toLowerCase() === name.toLowerCase()))
          throw hostError('ItemAlreadyExists', `The name ${name} already exists.`);
        // A name scoped to a sheet that no longer exists fails as Excel does.
        if (this.sheet) this.sheet.target();
        list.push(entry);
      },
      path,
    );
    return via(new NamedItemProxy(this.ctx, () => entry, this.list), path);
  }
  getItem(name: string): NamedItemProxy {
    return via(
      new NamedItemProxy(
        this.ctx,
        () => {
          const n = this.list().find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (!n) throw hostError('ItemNotFound', `The name ${name} does not exist.`);
          return n;
        },
        this.list,
      ),
      [...this.path, call('getItem', name)],
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
    this.ctx.queue('name.visible', 10, () => void (this.target().visible = v), this.path);
  }
  protected readProperty(name: string): unknown {
    const n = this.target();
    if (name === 'name') return n.name;
    if (name === 'formula') return n.formula;
    if (name === 'visible') return n.visible;
    throw hostError('InvalidArgument', name);
  }
  delete(): void {
    this.ctx.queue(
      'name.delete',
      10,
      () => {
        const n = this.target();
        const list = this.list();
        list.splice(list.indexOf(n), 1);
      },
      this.path,
    );
  }
}

/** What a Range and a RangeAreas share: a sheet and one or more areas to format. */
function formatRecorder(ctx: HostContext, sheet: () => HostSheet, areas: () => MergeRange[], path: string[]): any {
  const apply = (key: string, value: unknown) => {
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
  };
  return recorder(ctx, 'range.format', ['format'], apply, {}, [...path, 'format']);
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
    (this.rects() ?? []).map((a, i) =>
      via(new RangeProxy(this.ctx, this.sheet, () => a), [...this.path, `areas[${i}]`]),
    ),
  );
  protected override child(name: string): HostObject {
    if (name === 'areas') return this.areaList;
    return super.child(name);
  }
  get format(): any {
    return formatRecorder(this.ctx, this.sheet, () => this.rects() ?? [], this.path);
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
  /** Range.formulas (ExcelApi 1.1): a formula as written, else the value. */
  get formulas(): unknown[][] {
    return this.got('formulas');
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
    return via(new WorksheetProxy(this.ctx, this.sheet), [...this.path, 'worksheet']);
  }
  get format(): any {
    return formatRecorder(this.ctx, this.sheet, () => [this.at()], this.path);
  }
  /** The sheet and cells this range stands for, when a chart is given it (at the time the request runs). */
  cellsFor(what: string): HostSeriesSource {
    const a = this.area();
    if (!a) throw hostError('InvalidArgument', `${what}: the range is a null object.`);
    return { sheet: this.sheet(), area: { ...a } };
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return via(new ConditionalFormatCollection(this.ctx, this.sheet, () => this.at()), [
      ...this.path,
      'conditionalFormats',
    ]);
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
    this.ctx.queue(
      kind,
      payloadBytes(grid),
      () => {
        const s = this.sheet();
        if (s.protected) throw hostError('AccessDenied', `The sheet ${s.name} is protected.`);
        const a = this.at();
        checkShape(a, grid, kind);
        for (let r = a.top; r <= a.bottom; r++)
          for (let c = a.left; c <= a.right; c++) apply(s.ensure(r, c), grid[r - a.top][c - a.left]);
      },
      this.path,
    );
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
    this.ctx.queue(
      'hyperlink',
      payloadBytes(v),
      () => {
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
      },
      this.path,
    );
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return via(
      new RangeAreasProxy(
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
      ),
      [...this.path, call('getMergedAreasOrNullObject')],
    );
  }
  merge(_across = false): void {
    this.ctx.queue('range.merge', 10, () => this.sheet().merges.push({ ...this.at() }), this.path);
  }
  clear(applyTo: string = 'All'): void {
    this.ctx.queue(
      'range.clear',
      10,
      () => {
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
      },
      this.path,
    );
  }
  select(): void {
    this.ctx.queue(
      'range.select',
      10,
      () => void (this.ctx.model.selection = `${quote(this.sheet().name)}!${areaAddress(this.at())}`),
      this.path,
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
      .map((cf, i) => via(new ConditionalFormatProxy(this.ctx, this.sheet, cf), [...this.path, `items[${i}]`]));
  }
  add(type: string): ConditionalFormatProxy {
    const cf: HostConditionalFormat = {
      id: 0,
      area: { top: 0, left: 0, bottom: 0, right: 0 },
      type: type === 'Custom' ? 'Custom' : 'CellValue',
      formula: '',
      format: {},
    };
    const path = [...this.path, call('add', type)];
    this.ctx.queue(
      'conditionalFormats.add',
      0,
      () => {
        const s = this.sheet();
        if (s.protected) throw hostError('AccessDenied', `The sheet ${s.name} is protected.`);
        cf.area = { ...this.area() };
        cf.id = s.conditionalFormats.length + 1;
        s.conditionalFormats.push(cf);
      },
      path,
    );
    return via(new ConditionalFormatProxy(this.ctx, this.sheet, cf), path);
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
    return recorder(
      this.ctx,
      'conditionalFormat.custom',
      [],
      (key, value) => {
        if (key === 'rule.formula') this.cf.formula = String(value);
        else this.cf.format[key.replace(/^format\./, '')] = value;
      },
      {},
      [...this.path, 'custom'],
    );
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
    this.ctx.queue(
      'conditionalFormat.delete',
      10,
      () => {
        const list = this.sheet().conditionalFormats;
        const i = list.indexOf(this.cf);
        if (i < 0) throw hostError('ItemNotFound', 'The conditional format does not exist.');
        list.splice(i, 1);
      },
      this.path,
    );
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
  options: { web?: boolean; apiVersion?: string; lang?: string; payloadLimit?: number; document?: TestDocument } = {},
) {
  const contexts: HostContext[] = [];
  return {
    model,
    contexts,
    /**
     * Office.context.document. Without one given, getFileAsync fails (the host has no file of its own);
     * tests of 分发 pass testDocument(() => bytes) or testDocument(() => exportHostWorkbook(model)).
     */
    document:
      options.document ??
      testDocument(() => {
        throw new Error('This test host has no file: pass options.document.');
      }),
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
      const result = await batch(ctx as unknown as Excel.RequestContext);
      // Excel.run syncs once more when the batch's promise resolves; a request goes out when actions are
      // still pending (office.js ClientRequestContext._runCommon: ctx.sync(runBodyResult), and syncPrivate
      // sends nothing for a request without actions). Its cleanup request removes tracked objects only,
      // and the add-in tracks none, so it sends nothing.
      if (ctx.pending) {
        await ctx.sync();
        ctx.syncs[ctx.syncs.length - 1].final = true;
      }
      return result;
    },
    /** Round trips of the last run. */
    get lastSyncs(): SyncRecord[] {
      return contexts[contexts.length - 1]?.syncs ?? [];
    },
  };
}

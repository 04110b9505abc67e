// An in-memory Excel that implements the office-js surface in src/addin/excel-like.ts over a
// FakeWorkbookModel, with the semantics add-ins trip over: proxies whose properties are readable only
// after load() + sync(), writes queued and applied in order at sync() (no transaction: what ran
// before a failing operation stays), null objects, used ranges, merged areas, special cells,
// protection, requirement sets, the 5 MB payload limit of Excel on the web, recalculation.
// Pure TypeScript: runs in Node (jest) and in the browser (preview page). No Node APIs, no DOM.
import type {
  CellScalar,
  CultureInfoLike,
  ExcelLike,
  PageLayoutLike,
  PageLayoutZoomOptionsLike,
  OfficeContextLike,
  RangeAreasLike,
  RangeCollectionLike,
  RangeFormatFontLike,
  RangeFormatLike,
  RangeLike,
  RequestContextLike,
  RunOptionsLike,
  WorkbookLike,
  WorksheetCollectionLike,
  WorksheetLike,
  WorksheetProtectionLike,
} from '../../addin/excel-like';
import { charsToPoints, estimateTextWidth } from '../../engine/textWidth';
import type { Area } from '../../engine/types';
import {
  areaCellCount,
  areaColumns,
  areaContains,
  areaRows,
  areasIntersect,
  formatArea,
  intersectAreas,
  isInsideGrid,
  parseArea,
  sheetAddress,
  splitSheet,
} from './address';
import {
  apiNotFound,
  dimensionMismatch,
  FakeExcelError,
  generalException,
  invalidArgument,
  invalidObjectPath,
  itemAlreadyExists,
  itemNotFound,
  nullObjectRead,
  propertyNotLoaded,
  protectedSheet,
  rangeTooLarge,
  requestTooLarge,
  responseTooLarge,
  runMustReturnPromise,
} from './errors';
import {
  applyInterpretation,
  cellFont,
  cellText,
  columnWidth,
  compareVersions,
  createSheet,
  ensureCell,
  findSheet,
  GENERAL,
  interpretInput,
  isBlankCell,
  PAPER_TYPES,
  pageLayoutOf,
  VERTICAL_ALIGNMENTS,
  parseCellKey,
  readCell,
  recalculate,
  sheetDefaultFont,
  tidyCell,
  usedArea,
  type FakeCell,
  type FakePageLayout,
  type FakeSheet,
  type FakeWorkbookModel,
  type Interpretation,
} from './model';

export interface FakeExcelOptions {
  /** Largest request and response of one sync, in bytes (JSON length). Default 5 MB, like Excel on the web. */
  payloadLimitBytes?: number;
  /** Return true to make the write to this sheet/address (A1, no sheet) fail with GeneralException. */
  failOnWrite?: (sheet: string, address: string) => boolean;
  /** Called at the start of sync number n (1-based, all contexts), before its operations run. */
  beforeSync?: (n: number) => void;
}

export interface RunRecord {
  /** The options as passed to Excel.run. */
  mergeUndoGroup?: boolean;
  delayForCellEdit?: boolean;
  /** What the host honoured given its ExcelApi version (mergeUndoGroup 1.20, delayForCellEdit 1.5). */
  honoured: { mergeUndoGroup: boolean; delayForCellEdit: boolean };
}

export interface FakeExcelStats {
  /** Every context.sync() call, plus the automatic final sync of Excel.run when something was queued. */
  syncs: number;
  /** Response size of each sync (JSON length of the loaded data). */
  bytesPerSync: number[];
  /** Request size of each sync (JSON length of the values written and the operations). */
  requestBytesPerSync: number[];
  runs: RunRecord[];
}

export interface FakeExcel {
  Excel: ExcelLike;
  Office: { context: OfficeContextLike };
  stats: FakeExcelStats;
  model: FakeWorkbookModel;
}

export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Reads of more cells than this fail (all platforms). */
export const MAX_READ_CELLS = 5_000_000;
/** getMergedAreasOrNullObject fails above this many merged areas (documented limit). */
export const MAX_MERGED_AREAS = 512;
/** Above this many cells, format writes touch only the cells that exist (keeps whole-column writes cheap). */
const DENSE_FORMAT_LIMIT = 100_000;
/** Widest column Excel allows: 255 characters. */
const MAX_COLUMN_WIDTH = charsToPoints(255);
const AUTOFIT_PADDING = 3.75;

// ---------------------------------------------------------------------------
// Session (one createFakeExcel), sync execution.

type Op = {
  target: Obj;
  location: string;
  /** Bytes this operation adds to the request. */
  bytes: number;
  run(exec: Exec): void;
};

interface LoadNode {
  isNull?: boolean;
  props?: Record<string, unknown>;
  navs?: Record<string, LoadNode>;
  items?: { obj: Obj; node: LoadNode }[];
}

class Session {
  readonly stats: FakeExcelStats = { syncs: 0, bytesPerSync: [], requestBytesPerSync: [], runs: [] };
  dirty = false;
  readonly limit: number;

  constructor(
    readonly model: FakeWorkbookModel,
    readonly options: FakeExcelOptions,
  ) {
    this.limit = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT;
  }

  excelApi(): string {
    const key = Object.keys(this.model.supportedSets).find((k) => k.toLowerCase() === 'excelapi');
    return key ? this.model.supportedSets[key] : '1.1';
  }

  supports(version: string): boolean {
    return compareVersions(this.excelApi(), version) >= 0;
  }

  requireApi(location: string, version: string): void {
    if (!this.supports(version)) throw apiNotFound(location, 'ExcelApi', version);
  }

  recalcIfDirty(): void {
    if (!this.dirty) return;
    recalculate(this.model);
    this.dirty = false;
  }

  async sync(ctx: Ctx, ops: Op[]): Promise<void> {
    // The host answers asynchronously: nothing is visible before the promise settles.
    await Promise.resolve();
    const n = ++this.stats.syncs;
    let responseBytes = 0;
    const requestBytes = ops.reduce((s, op) => s + op.bytes, 0);
    this.stats.requestBytesPerSync.push(requestBytes);
    try {
      if (ctx.closed && ops.length > 0) {
        throw invalidObjectPath(
          ops[0].location,
          'The request context of this object was closed when its Excel.run batch finished; objects cannot be used after their batch.',
        );
      }
      if (this.options.beforeSync) {
        this.options.beforeSync(n);
        this.dirty = true; // the hook may have edited the model directly
      }
      if (requestBytes > this.limit) throw requestTooLarge(requestBytes, this.limit);
      const exec = new Exec(this);
      let failure: unknown;
      for (const op of ops) {
        try {
          op.run(exec);
        } catch (e) {
          failure = e;
          break; // no transaction: what ran stays applied, the rest is dropped
        }
      }
      this.recalcIfDirty();
      responseBytes = exec.responseBytes;
      if (failure !== undefined) throw failure;
      if (responseBytes > this.limit) throw responseTooLarge(responseBytes, this.limit);
      for (const { target, node } of exec.loads) applyLoad(target, node);
      for (const obj of exec.touched) obj._isNull = obj._ref === null;
    } finally {
      this.stats.bytesPerSync.push(responseBytes);
    }
  }
}

/** Server-side state of one sync. */
class Exec {
  readonly touched = new Set<Obj>();
  readonly loads: { target: Obj; node: LoadNode }[] = [];
  responseBytes = 0;

  constructor(readonly session: Session) {}

  get model(): FakeWorkbookModel {
    return this.session.model;
  }

  /** Throws like Excel when the range may not be written. */
  checkWritable(ref: RangeRef, location: string): void {
    if (ref.sheet.protected) throw protectedSheet(location);
    if (this.session.options.failOnWrite?.(ref.sheet.name, formatArea(ref.area))) throw generalException(location);
  }

  count(name: string, value: unknown): void {
    this.responseBytes += JSON.stringify({ [name]: value === undefined ? null : value }).length;
  }

  /**
   * For a read of `cells` cells: true when even its smallest JSON (3 bytes a cell) passes the limit.
   * The sync will fail anyway, so the grid is not built (keeps "read a whole column" tests fast).
   */
  overflows(cells: number): boolean {
    if (this.responseBytes + cells * 3 <= this.session.limit) return false;
    this.responseBytes += cells * 3;
    return true;
  }
}

function applyLoad(obj: Obj, node: LoadNode): void {
  if (node.isNull) return;
  if (node.items) {
    (obj as unknown as CollectionObj)._items = node.items.map(({ obj: item, node: n }) => {
      applyLoad(item, n);
      return item;
    });
  }
  if (node.props) Object.assign(obj._loaded, node.props);
  for (const [name, child] of Object.entries(node.navs ?? {})) {
    const nav = obj._nav(name);
    if (nav) applyLoad(nav, child);
  }
}

/** "values, format/columnWidth" / ['values'] -> [['values'], ['format', 'columnWidth']]; nothing -> [[]] (all). */
function parseLoad(props?: string | string[]): string[][] {
  const list = props === undefined ? [] : Array.isArray(props) ? props : [props];
  const paths = list
    .flatMap((p) => String(p).split(','))
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => p.split('/').map((s) => s.trim()));
  return paths.length > 0 ? paths : [[]];
}

function capture(obj: Obj, paths: string[][], exec: Exec): LoadNode {
  const ref = obj._ensure(exec);
  if (ref === null) return { isNull: true };
  if (obj instanceof CollectionObj) {
    const itemPaths = paths.map((p) => (p[0] === 'items' ? p.slice(1) : p));
    return { items: obj._serverItems(exec).map((item) => ({ obj: item, node: capture(item, itemPaths, exec) })) };
  }
  const node: LoadNode = { props: {}, navs: {} };
  const scalars = obj._scalarNames();
  const wanted = new Set<string>();
  const navPaths = new Map<string, string[][]>();
  for (const path of paths) {
    if (path.length === 0) {
      scalars.forEach((s) => wanted.add(s));
      continue;
    }
    const [name, ...rest] = path;
    if (scalars.includes(name)) {
      if (rest.length > 0) throw invalidArgument(`${obj._entity}.load`, `'${path.join('/')}' is not a property path of ${obj._entity}.`);
      wanted.add(name);
    } else if (name === 'isNullObject') {
      // always known after a sync
    } else if (obj._nav(name)) {
      const list = navPaths.get(name) ?? [];
      list.push(rest);
      navPaths.set(name, list);
    } else {
      throw invalidArgument(`${obj._entity}.load`, `The property '${name}' does not exist on ${obj._entity}.`);
    }
  }
  for (const name of wanted) {
    const value = obj._readScalar(name, ref, exec);
    node.props![name] = value;
    exec.count(name, value);
  }
  for (const [name, sub] of navPaths) node.navs![name] = capture(obj._nav(name)!, sub, exec);
  return node;
}

// ---------------------------------------------------------------------------
// Proxy objects.

interface RangeRef {
  sheet: FakeSheet;
  area: Area;
}

interface AreasRef {
  sheet: FakeSheet;
  areas: Area[];
}

type Resolver<T> = (exec: Exec) => T | null;

abstract class Obj {
  /** Client-side values: loaded at a sync, or assigned by the add-in (office-js keeps those too). */
  readonly _loaded: Record<string, unknown> = {};
  /** Server-side target, pinned at its first use in a sync; null for a null object; undefined before. */
  _ref: unknown = undefined;
  /** isNullObject as the client knows it (after a sync that used the object). */
  _isNull: boolean | undefined = undefined;
  abstract readonly _entity: string;

  constructor(
    readonly _ctx: Ctx,
    readonly _parent: Obj | null,
  ) {}

  protected abstract _resolve(exec: Exec): unknown;

  _ensure(exec: Exec): unknown {
    exec.touched.add(this);
    if (this._ref === undefined) this._ref = this._resolve(exec);
    return this._ref;
  }

  _scalarNames(): readonly string[] {
    return [];
  }

  _nav(_name: string): Obj | undefined {
    return undefined;
  }

  _readScalar(name: string, _ref: unknown, _exec: Exec): unknown {
    throw invalidArgument(`${this._entity}.load`, `The property '${name}' does not exist on ${this._entity}.`);
  }

  _clientNull(): boolean {
    return this._isNull === true || (this._parent?._clientNull() ?? false);
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) {
      if (this._parent?._clientNull()) return true;
      throw propertyNotLoaded('isNullObject', this._entity);
    }
    return this._isNull;
  }

  protected _get<T>(name: string): T {
    if (this._clientNull()) throw nullObjectRead(name, this._entity);
    if (!(name in this._loaded)) throw propertyNotLoaded(name, this._entity);
    return this._loaded[name] as T;
  }

  _queue(location: string, run: (exec: Exec) => void, payload?: unknown): void {
    const bytes = location.length + (payload === undefined ? 0 : JSON.stringify(payload)?.length ?? 0);
    this._ctx._ops.push({ target: this, location, bytes, run });
  }

  /** Queues a load of the given property paths. */
  protected _load(props?: string | string[]): void {
    const paths = parseLoad(props);
    this._queue(`${this._entity}.load`, (exec) => {
      exec.session.recalcIfDirty();
      exec.loads.push({ target: this, node: capture(this, paths, exec) });
    });
  }

  /** Queues the resolution of an *OrNullObject result at this point of the batch. */
  _queueResolve(location: string): void {
    this._queue(location, (exec) => {
      this._ensure(exec);
    });
  }
}

abstract class CollectionObj extends Obj {
  _items: Obj[] | undefined = undefined;
  abstract _serverItems(exec: Exec): Obj[];

  protected _itemsOrThrow<T>(): T[] {
    if (this._clientNull()) throw nullObjectRead('items', this._entity);
    if (this._items === undefined) throw propertyNotLoaded('items', this._entity);
    return this._items as unknown as T[];
  }
}

function requireRef<T>(obj: Obj, exec: Exec, location: string): T {
  const ref = obj._ensure(exec);
  if (ref === null) throw invalidObjectPath(location, 'The object is a null object (isNullObject is true); nothing can be done with it.');
  return ref as T;
}

// --- Worksheets -------------------------------------------------------------

class FakeWorksheetCollection extends CollectionObj implements WorksheetCollectionLike {
  readonly _entity = 'WorksheetCollection';

  constructor(ctx: Ctx) {
    super(ctx, null);
  }

  protected _resolve(): unknown {
    return true;
  }

  _serverItems(exec: Exec): Obj[] {
    return exec.model.sheets.map((sheet) => {
      const ws = new FakeWorksheet(this._ctx, null, () => sheet);
      ws._ensure(exec);
      return ws;
    });
  }

  get items(): WorksheetLike[] {
    return this._itemsOrThrow<WorksheetLike>();
  }

  load(props?: string | string[]): WorksheetCollectionLike {
    this._load(props);
    return this;
  }

  getItem(name: string): WorksheetLike {
    return new FakeWorksheet(this._ctx, null, (exec) => {
      const sheet = findSheet(exec.model, name);
      if (!sheet) throw itemNotFound('WorksheetCollection.getItem');
      return sheet;
    });
  }

  getItemOrNullObject(name: string): WorksheetLike {
    this._ctx._session.requireApi('WorksheetCollection.getItemOrNullObject', '1.4');
    const ws = new FakeWorksheet(this._ctx, null, (exec) => findSheet(exec.model, name) ?? null);
    ws._queueResolve('WorksheetCollection.getItemOrNullObject');
    return ws;
  }

  getActiveWorksheet(): WorksheetLike {
    return new FakeWorksheet(this._ctx, null, (exec) => {
      const sheet = findSheet(exec.model, exec.model.activeSheet) ?? exec.model.sheets[0];
      if (!sheet) throw itemNotFound('WorksheetCollection.getActiveWorksheet');
      return sheet;
    });
  }

  add(name?: string): WorksheetLike {
    const ws = new FakeWorksheet(this._ctx, null, () => {
      throw invalidObjectPath('WorksheetCollection.add', 'The worksheet was not added.');
    });
    this._queue(
      'WorksheetCollection.add',
      (exec) => {
        const sheets = exec.model.sheets;
        let sheetName = name;
        if (sheetName === undefined || sheetName === '') {
          let i = sheets.length + 1;
          while (findSheet(exec.model, `Sheet${i}`)) i++;
          sheetName = `Sheet${i}`;
        }
        if (sheetName.length > 31 || /[[\]:*?/\\]/.test(sheetName) || sheetName.startsWith("'") || sheetName.endsWith("'") || /^history$/i.test(sheetName)) {
          throw invalidArgument('WorksheetCollection.add');
        }
        if (findSheet(exec.model, sheetName)) throw itemAlreadyExists('WorksheetCollection.add');
        const sheet = createSheet(sheetName);
        sheets.push(sheet);
        ws._ref = sheet;
        exec.touched.add(ws);
      },
      name ?? null,
    );
    return ws;
  }
}

class FakeWorksheetProtection extends Obj implements WorksheetProtectionLike {
  readonly _entity = 'WorksheetProtection';

  protected _resolve(exec: Exec): unknown {
    return this._parent!._ensure(exec);
  }

  _scalarNames(): readonly string[] {
    return ['protected'];
  }

  _readScalar(name: string, ref: unknown, exec: Exec): unknown {
    if (name === 'protected') return (ref as FakeSheet).protected;
    return super._readScalar(name, ref, exec);
  }

  get protected(): boolean {
    return this._get('protected');
  }

  load(props?: string | string[]): WorksheetProtectionLike {
    this._load(props);
    return this;
  }
}

/** Checks an assigned zoom and gives what the sheet then holds. Fit-to-pages wins over a scale. */
function zoomFrom(input: unknown, previous: FakePageLayout['zoom'], location: string): FakePageLayout['zoom'] {
  if (!input || typeof input !== 'object') throw invalidArgument(location);
  const z = input as PageLayoutZoomOptionsLike;
  const fit = (v: unknown) => v === undefined || v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 32767);
  if (!fit(z.horizontalFitToPages) || !fit(z.verticalFitToPages)) throw invalidArgument(location);
  const h = z.horizontalFitToPages ?? undefined;
  const v = z.verticalFitToPages ?? undefined;
  if (h !== undefined || v !== undefined) {
    // A dimension left out keeps its value when the sheet was already fitting to pages, else 1 (Excel's "1 page").
    const prevFit = previous.scale === undefined;
    return { horizontalFitToPages: h ?? (prevFit ? (previous.horizontalFitToPages ?? 1) : 1), verticalFitToPages: v ?? (prevFit ? (previous.verticalFitToPages ?? 1) : 1) };
  }
  if (typeof z.scale !== 'number' || !Number.isFinite(z.scale) || z.scale < 10 || z.scale > 400) throw invalidArgument(location);
  return { scale: Math.round(z.scale) };
}

class FakeWorksheetPageLayout extends Obj implements PageLayoutLike {
  readonly _entity = 'PageLayout';

  protected _resolve(exec: Exec): unknown {
    return this._parent!._ensure(exec);
  }

  _scalarNames(): readonly string[] {
    return ['paperSize', 'orientation', 'zoom', 'printGridlines'];
  }

  _readScalar(name: string, ref: unknown, exec: Exec): unknown {
    const layout = pageLayoutOf(ref as FakeSheet);
    if (name === 'paperSize' || name === 'orientation' || name === 'zoom' || name === 'printGridlines') return layout[name];
    return super._readScalar(name, ref, exec);
  }

  /** Queues a change of the sheet's print settings. Sheet protection does not lock print settings. */
  private set<K extends keyof FakePageLayout>(prop: K, value: unknown, check: (v: unknown, current: FakePageLayout) => FakePageLayout[K]): void {
    const location = `PageLayout.${prop}`;
    this._loaded[prop] = value;
    this._queue(
      location,
      (exec) => {
        const sheet = requireRef<FakeSheet>(this, exec, location);
        const current = pageLayoutOf(sheet);
        sheet.pageLayout = { ...current, [prop]: check(value, current) };
      },
      value,
    );
  }

  get paperSize(): string {
    return this._get('paperSize');
  }
  set paperSize(v: string) {
    this.set('paperSize', v, (x) => {
      if (typeof x !== 'string' || !PAPER_TYPES.includes(x)) throw invalidArgument('PageLayout.paperSize');
      return x;
    });
  }
  get orientation(): string {
    return this._get('orientation');
  }
  set orientation(v: string) {
    this.set('orientation', v, (x) => {
      if (x !== 'Portrait' && x !== 'Landscape') throw invalidArgument('PageLayout.orientation');
      return x;
    });
  }
  get zoom(): PageLayoutZoomOptionsLike {
    return this._get('zoom');
  }
  set zoom(v: PageLayoutZoomOptionsLike) {
    this.set('zoom', v, (x, current) => zoomFrom(x, current.zoom, 'PageLayout.zoom'));
  }
  get printGridlines(): boolean {
    return this._get('printGridlines');
  }
  set printGridlines(v: boolean) {
    this.set('printGridlines', v, (x) => {
      if (typeof x !== 'boolean') throw invalidArgument('PageLayout.printGridlines');
      return x;
    });
  }

  load(props?: string | string[]): PageLayoutLike {
    this._load(props);
    return this;
  }
}

class FakeWorksheet extends Obj implements WorksheetLike {
  readonly _entity = 'Worksheet';
  private _protection?: FakeWorksheetProtection;
  private _pageLayout?: FakeWorksheetPageLayout;

  constructor(
    ctx: Ctx,
    parent: Obj | null,
    private readonly resolver: Resolver<FakeSheet>,
  ) {
    super(ctx, parent);
  }

  protected _resolve(exec: Exec): unknown {
    return this.resolver(exec);
  }

  _scalarNames(): readonly string[] {
    return ['name', 'visibility', 'position'];
  }

  _nav(name: string): Obj | undefined {
    if (name === 'protection') return this.protection as FakeWorksheetProtection;
    if (name === 'pageLayout') return this.pageLayout as FakeWorksheetPageLayout;
    return undefined;
  }

  _readScalar(name: string, ref: unknown, exec: Exec): unknown {
    const sheet = ref as FakeSheet;
    if (name === 'name') return sheet.name;
    if (name === 'visibility') return sheet.visibility;
    if (name === 'position') return exec.model.sheets.indexOf(sheet);
    return super._readScalar(name, ref, exec);
  }

  get name(): string {
    return this._get('name');
  }

  get visibility(): string {
    return this._get('visibility');
  }

  get position(): number {
    return this._get('position');
  }

  get protection(): WorksheetProtectionLike {
    this._ctx._session.requireApi('Worksheet.protection', '1.2');
    return (this._protection ??= new FakeWorksheetProtection(this._ctx, this));
  }

  get pageLayout(): PageLayoutLike {
    this._ctx._session.requireApi('Worksheet.pageLayout', '1.9');
    return (this._pageLayout ??= new FakeWorksheetPageLayout(this._ctx, this));
  }

  load(props?: string | string[]): WorksheetLike {
    this._load(props);
    return this;
  }

  private areaOf(address: string, location: string, sheet: FakeSheet): Area {
    const { sheet: named, ref } = splitSheet(address);
    if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) throw invalidArgument(location);
    const area = parseArea(ref);
    if (!area) throw invalidArgument(location);
    return area;
  }

  getRange(address?: string): RangeLike {
    return new FakeRange(this._ctx, this, (exec) => {
      const sheet = this._ensure(exec) as FakeSheet | null;
      if (!sheet) return null;
      if (address === undefined || address.trim() === '') return { sheet, area: { top: 0, left: 0, bottom: 1048575, right: 16383 } };
      return { sheet, area: this.areaOf(address, 'Worksheet.getRange', sheet) };
    });
  }

  getRanges(address: string): RangeAreasLike {
    this._ctx._session.requireApi('Worksheet.getRanges', '1.9');
    return new FakeRangeAreas(this._ctx, this, (exec) => {
      const sheet = this._ensure(exec) as FakeSheet | null;
      if (!sheet) return null;
      const parts = address.split(',').map((s) => s.trim());
      if (parts.some((p) => p === '')) throw invalidArgument('Worksheet.getRanges');
      return { sheet, areas: parts.map((p) => this.areaOf(p, 'Worksheet.getRanges', sheet)) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike {
    this._ctx._session.requireApi('Worksheet.getUsedRangeOrNullObject', '1.4');
    const range = new FakeRange(this._ctx, this, (exec) => {
      const sheet = this._ensure(exec) as FakeSheet | null;
      if (!sheet) return null;
      const area = usedArea(sheet, !!valuesOnly);
      return area ? { sheet, area } : null;
    });
    range._queueResolve('Worksheet.getUsedRangeOrNullObject');
    return range;
  }

  activate(): void {
    this._queue('Worksheet.activate', (exec) => {
      const sheet = requireRef<FakeSheet>(this, exec, 'Worksheet.activate');
      const model = exec.model;
      model.activeSheet = sheet.name;
      if (model.selection?.sheet !== sheet.name) model.selection = { sheet: sheet.name, address: 'A1' };
    });
  }
}

// --- Ranges -----------------------------------------------------------------

function cellsOf(ref: RangeRef): { row: number; col: number; cell: FakeCell }[] {
  const { sheet, area } = ref;
  const out: { row: number; col: number; cell: FakeCell }[] = [];
  if (areaCellCount(area) <= sheet.cells.size) {
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const cell = readCell(sheet, r, c);
        if (cell) out.push({ row: r, col: c, cell });
      }
  } else {
    for (const [key, cell] of sheet.cells) {
      const { row, col } = parseCellKey(key);
      if (areaContains(area, row, col)) out.push({ row, col, cell });
    }
  }
  return out;
}

function grid<T>(ref: RangeRef, location: string, f: (cell: FakeCell | undefined) => T): T[][] {
  const { sheet, area } = ref;
  const count = areaCellCount(area);
  if (count > MAX_READ_CELLS) throw rangeTooLarge(location, count);
  const out: T[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row: T[] = [];
    for (let c = area.left; c <= area.right; c++) row.push(f(readCell(sheet, r, c)));
    out.push(row);
  }
  return out;
}

function valueOf(cell: FakeCell | undefined): CellScalar {
  if (!cell) return '';
  if (cell.error !== undefined) return cell.error;
  return cell.value === null ? '' : cell.value;
}

function valueType(cell: FakeCell | undefined): string {
  if (!cell || (cell.value === null && cell.error === undefined)) return 'Empty';
  if (cell.error !== undefined) return 'Error';
  if (typeof cell.value === 'number') return 'Double';
  if (typeof cell.value === 'boolean') return 'Boolean';
  return cell.value === '' ? 'Empty' : 'String';
}

/** Checks a 2D input against the range (or accepts a scalar, which fills the range). */
function cellInputs(ref: RangeRef, input: unknown, location: string): (r: number, c: number) => unknown {
  const rows = areaRows(ref.area);
  const cols = areaColumns(ref.area);
  if (!Array.isArray(input)) return () => input;
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) throw dimensionMismatch(location);
  return (r, c) => (input as unknown[][])[r][c];
}

function writeCells(ref: RangeRef, input: unknown, location: string, exec: Exec): void {
  const { sheet, area } = ref;
  const culture = exec.model.culture;
  if (!Array.isArray(input) && areaCellCount(area) > DENSE_FORMAT_LIMIT) {
    // A scalar over a huge range (whole columns): clearing touches only existing cells; filling
    // millions of cells is refused rather than simulated.
    const it = interpretInput(input, GENERAL, culture);
    if (it.kind === 'skip') return;
    if (it.kind !== 'clear') {
      throw new FakeExcelError('OperationCellsExceedLimit', `The operation touches ${areaCellCount(area)} cells; the in-memory Excel fills at most ${DENSE_FORMAT_LIMIT}.`, location);
    }
    for (const { row, col } of cellsOf(ref)) applyInterpretation(sheet, row, col, it);
    exec.session.dirty = true;
    return;
  }
  const at = cellInputs(ref, input, location);
  const plan: { row: number; col: number; it: Interpretation }[] = [];
  for (let r = area.top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++) {
      const it = interpretInput(at(r - area.top, c - area.left), readCell(sheet, r, c)?.numberFormat ?? GENERAL, culture);
      if (it.kind === 'invalid') throw invalidArgument(location);
      if (it.kind !== 'skip') plan.push({ row: r, col: c, it });
    }
  for (const { row, col, it } of plan) applyInterpretation(sheet, row, col, it);
  exec.session.dirty = true;
}

/** Applies f to every cell of the range (only existing cells when the range is huge). */
function formatCells(ref: RangeRef, f: (cell: FakeCell) => void): void {
  const { sheet, area } = ref;
  if (areaCellCount(area) > DENSE_FORMAT_LIMIT) {
    for (const { cell } of cellsOf(ref)) f(cell);
    return;
  }
  for (let r = area.top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++) {
      f(ensureCell(sheet, r, c));
      tidyCell(sheet, r, c);
    }
}

function writeNumberFormats(ref: RangeRef, input: unknown, location: string): void {
  if (!Array.isArray(input)) {
    if (input === null || input === undefined) return;
    if (typeof input !== 'string') throw invalidArgument(location);
    formatCells(ref, (cell) => (cell.numberFormat = input));
    return;
  }
  const at = cellInputs(ref, input, location);
  const { sheet, area } = ref;
  const plan: { r: number; c: number; f: string }[] = [];
  for (let r = area.top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++) {
      const f = at(r - area.top, c - area.left);
      if (f === null || f === undefined) continue;
      if (typeof f !== 'string') throw invalidArgument(location);
      plan.push({ r, c, f });
    }
  for (const { r, c, f } of plan) {
    ensureCell(sheet, r, c).numberFormat = f;
    tidyCell(sheet, r, c);
  }
}

function mergedAreas(ref: RangeRef): Area[] {
  return ref.sheet.merges.filter((m) => areasIntersect(m, ref.area));
}

/** Cells as rectangles: runs down each column, runs with the same rows in adjacent columns joined. */
function groupIntoAreas(cells: { row: number; col: number }[]): Area[] {
  const byCol = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const list = byCol.get(col) ?? [];
    list.push(row);
    byCol.set(col, list);
  }
  const open = new Map<string, Area>();
  const done: Area[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = byCol.get(col)!.sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const r of rows) {
      const last = runs[runs.length - 1];
      if (last && r === last[1] + 1) last[1] = r;
      else runs.push([r, r]);
    }
    const seen = new Set<string>();
    for (const [top, bottom] of runs) {
      const key = `${top},${bottom}`;
      seen.add(key);
      const a = open.get(key);
      if (a && a.right === col - 1) a.right = col;
      else {
        if (a) done.push(a);
        open.set(key, { top, bottom, left: col, right: col });
      }
    }
    for (const [key, a] of open)
      if (!seen.has(key) && a.right < col) {
        done.push(a);
        open.delete(key);
      }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

function specialCells(ref: RangeRef, type: string): Area[] {
  switch (type) {
    case 'Formulas':
      return groupIntoAreas(cellsOf(ref).filter((x) => x.cell.formula !== undefined));
    case 'Constants':
      return groupIntoAreas(cellsOf(ref).filter((x) => x.cell.formula === undefined && !isBlankCell(x.cell)));
    case 'Blanks': {
      const used = usedArea(ref.sheet, false);
      const within = used && intersectAreas(used, ref.area);
      if (!within) return [];
      const blanks: { row: number; col: number }[] = [];
      for (let r = within.top; r <= within.bottom; r++)
        for (let c = within.left; c <= within.right; c++) if (isBlankCell(readCell(ref.sheet, r, c))) blanks.push({ row: r, col: c });
      return groupIntoAreas(blanks);
    }
    case 'Visible':
      return [ref.area];
    default:
      return []; // no conditional formats or data validation in the model
  }
}

class FakeRange extends Obj implements RangeLike {
  readonly _entity = 'Range';
  private _format?: FakeRangeFormat;

  constructor(
    ctx: Ctx,
    parent: Obj | null,
    private readonly resolver: Resolver<RangeRef>,
  ) {
    super(ctx, parent);
  }

  protected _resolve(exec: Exec): unknown {
    const ref = this.resolver(exec);
    if (ref && !isInsideGrid(ref.area)) throw invalidArgument('Range');
    return ref;
  }

  _scalarNames(): readonly string[] {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount', 'values', 'formulas', 'numberFormat', 'text', 'valueTypes'];
  }

  _nav(name: string): Obj | undefined {
    return name === 'format' ? (this.format as FakeRangeFormat) : undefined;
  }

  _readScalar(name: string, r: unknown, exec: Exec): unknown {
    const ref = r as RangeRef;
    const { sheet, area } = ref;
    const at = `Range.${name}`;
    const gridProp = ['values', 'formulas', 'numberFormat', 'text', 'valueTypes'].includes(name);
    if (gridProp && areaCellCount(area) <= MAX_READ_CELLS && exec.overflows(areaCellCount(area))) return null;
    switch (name) {
      case 'address':
        return sheetAddress(sheet.name, area);
      case 'rowIndex':
        return area.top;
      case 'columnIndex':
        return area.left;
      case 'rowCount':
        return areaRows(area);
      case 'columnCount':
        return areaColumns(area);
      case 'cellCount':
        return areaCellCount(area);
      case 'values':
        return grid(ref, at, valueOf);
      case 'formulas':
        return grid(ref, at, (c) => (c?.formula !== undefined ? c.formula : valueOf(c)));
      case 'numberFormat':
        return grid(ref, at, (c) => c?.numberFormat ?? GENERAL);
      case 'text':
        return grid(ref, at, (c) => cellText(c, exec.model.culture));
      case 'valueTypes':
        return grid(ref, at, valueType);
    }
    return super._readScalar(name, r, exec);
  }

  get address(): string {
    return this._get('address');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }

  get values(): CellScalar[][] {
    return this._get('values');
  }
  set values(input: CellScalar[][]) {
    this._loaded.values = input;
    this._queue('Range.values', (exec) => this.write(exec, 'Range.values', (ref) => writeCells(ref, input, 'Range.values', exec)), input);
  }

  get formulas(): CellScalar[][] {
    return this._get('formulas');
  }
  set formulas(input: CellScalar[][]) {
    this._loaded.formulas = input;
    this._queue('Range.formulas', (exec) => this.write(exec, 'Range.formulas', (ref) => writeCells(ref, input, 'Range.formulas', exec)), input);
  }

  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(input: string[][]) {
    this._loaded.numberFormat = input;
    this._queue(
      'Range.numberFormat',
      (exec) =>
        this.write(exec, 'Range.numberFormat', (ref) => {
          writeNumberFormats(ref, input, 'Range.numberFormat');
          exec.session.dirty = true;
        }),
      input,
    );
  }

  /** Runs a write on the resolved range after the protection and failOnWrite checks. */
  write(exec: Exec, location: string, f: (ref: RangeRef) => void): void {
    const ref = requireRef<RangeRef>(this, exec, location);
    exec.checkWritable(ref, location);
    f(ref);
  }

  get format(): RangeFormatLike {
    return (this._format ??= new FakeRangeFormat(this._ctx, this));
  }

  load(props?: string | string[]): RangeLike {
    this._load(props);
    return this;
  }

  private derived(location: string, f: (ref: RangeRef) => Area): FakeRange {
    return new FakeRange(this._ctx, this, (exec) => {
      const ref = this._ensure(exec) as RangeRef | null;
      if (!ref) return null;
      const area = f(ref);
      if (!isInsideGrid(area)) throw invalidArgument(location);
      return { sheet: ref.sheet, area };
    });
  }

  getCell(row: number, column: number): RangeLike {
    return this.derived('Range.getCell', ({ area }) => ({ top: area.top + row, bottom: area.top + row, left: area.left + column, right: area.left + column }));
  }

  getColumn(column: number): RangeLike {
    return this.derived('Range.getColumn', ({ area }) => {
      if (column < 0 || column >= areaColumns(area)) throw invalidArgument('Range.getColumn');
      return { top: area.top, bottom: area.bottom, left: area.left + column, right: area.left + column };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeLike {
    this._ctx._session.requireApi('Range.getResizedRange', '1.2');
    return this.derived('Range.getResizedRange', ({ area }) => ({ ...area, bottom: area.bottom + deltaRows, right: area.right + deltaColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeLike {
    return this.derived('Range.getOffsetRange', ({ area }) => ({
      top: area.top + rowOffset,
      bottom: area.bottom + rowOffset,
      left: area.left + columnOffset,
      right: area.right + columnOffset,
    }));
  }

  getMergedAreasOrNullObject(): RangeAreasLike {
    this._ctx._session.requireApi('Range.getMergedAreasOrNullObject', '1.13');
    const areas = new FakeRangeAreas(this._ctx, this, (exec) => {
      const ref = this._ensure(exec) as RangeRef | null;
      if (!ref) return null;
      const merges = mergedAreas(ref);
      if (merges.length > MAX_MERGED_AREAS) {
        throw new FakeExcelError(
          'GeneralException',
          `The range has ${merges.length} merged areas; getMergedAreasOrNullObject fails above ${MAX_MERGED_AREAS}. Read merges in smaller ranges.`,
          'Range.getMergedAreasOrNullObject',
        );
      }
      return merges.length ? { sheet: ref.sheet, areas: merges.map((m) => ({ ...m })) } : null;
    });
    areas._queueResolve('Range.getMergedAreasOrNullObject');
    return areas;
  }

  getCellProperties(load: CellPropertiesLoad): FakeCellProperties {
    this._ctx._session.requireApi('Range.getCellProperties', '1.9');
    const result = new FakeCellProperties(this._ctx, this, load);
    result._loadValue();
    return result;
  }

  getSpecialCellsOrNullObject(cellType: 'Formulas' | 'Constants' | 'Blanks' | 'Visible' | 'ConditionalFormats' | 'DataValidations'): RangeAreasLike {
    this._ctx._session.requireApi('Range.getSpecialCellsOrNullObject', '1.9');
    const areas = new FakeRangeAreas(this._ctx, this, (exec) => {
      const ref = this._ensure(exec) as RangeRef | null;
      if (!ref) return null;
      const found = specialCells(ref, cellType);
      return found.length ? { sheet: ref.sheet, areas: found } : null;
    });
    areas._queueResolve('Range.getSpecialCellsOrNullObject');
    return areas;
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this._queue(
      'Range.clear',
      (exec) =>
        this.write(exec, 'Range.clear', (ref) => {
          if (applyTo !== 'All' && applyTo !== 'Formats' && applyTo !== 'Contents') throw invalidArgument('Range.clear');
          for (const { row, col, cell } of cellsOf(ref)) {
            if (applyTo !== 'Formats') {
              cell.value = null;
              delete cell.formula;
              delete cell.error;
            }
            if (applyTo !== 'Contents') {
              cell.numberFormat = GENERAL;
              delete cell.font;
              delete cell.wrapText;
              delete cell.verticalAlignment;
            }
            tidyCell(ref.sheet, row, col);
          }
          exec.session.dirty = true;
        }),
      applyTo,
    );
  }

  select(): void {
    this._queue('Range.select', (exec) => {
      const ref = requireRef<RangeRef>(this, exec, 'Range.select');
      exec.model.activeSheet = ref.sheet.name;
      exec.model.selection = { sheet: ref.sheet.name, address: formatArea(ref.area) };
    });
  }
}

class FakeRangeFormat extends Obj implements RangeFormatLike {
  readonly _entity = 'RangeFormat';
  private _font?: FakeRangeFont;

  protected _resolve(exec: Exec): unknown {
    return this._parent!._ensure(exec);
  }

  _scalarNames(): readonly string[] {
    return ['columnWidth', 'wrapText', 'verticalAlignment'];
  }

  _nav(name: string): Obj | undefined {
    return name === 'font' ? (this.font as FakeRangeFont) : undefined;
  }

  _readScalar(name: string, r: unknown, exec: Exec): unknown {
    if (name === 'wrapText' || name === 'verticalAlignment') {
      const ref = r as RangeRef;
      const of = (cell: FakeCell | undefined) => (name === 'wrapText' ? !!cell?.wrapText : (cell?.verticalAlignment ?? 'Bottom'));
      const stored = cellsOf(ref);
      const values = new Set<unknown>(stored.map(({ cell }) => of(cell)));
      if (stored.length < areaCellCount(ref.area)) values.add(of(undefined));
      return values.size === 1 ? [...values][0] : null; // null when the cells differ, like Excel
    }
    if (name !== 'columnWidth') return super._readScalar(name, r, exec);
    const { sheet, area } = r as RangeRef;
    const first = columnWidth(sheet, area.left);
    for (let c = area.left + 1; c <= area.right; c++) if (columnWidth(sheet, c) !== first) return null;
    return first;
  }

  private get range(): FakeRange {
    return this._parent as FakeRange;
  }

  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(width: number) {
    this._ctx._session.requireApi('RangeFormat.columnWidth', '1.2');
    this._loaded.columnWidth = width;
    this._queue(
      'RangeFormat.columnWidth',
      (exec) =>
        this.range.write(exec, 'RangeFormat.columnWidth', ({ sheet, area }) => {
          if (typeof width !== 'number' || !Number.isFinite(width) || width < 0) throw invalidArgument('RangeFormat.columnWidth');
          const w = Math.min(width, MAX_COLUMN_WIDTH);
          for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, w);
        }),
      width,
    );
  }

  get font(): RangeFormatFontLike {
    return (this._font ??= new FakeRangeFont(this._ctx, this));
  }

  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(wrap: boolean) {
    this._loaded.wrapText = wrap;
    this._queue(
      'RangeFormat.wrapText',
      (exec) =>
        this.range.write(exec, 'RangeFormat.wrapText', (ref) => {
          if (typeof wrap !== 'boolean') throw invalidArgument('RangeFormat.wrapText');
          formatCells(ref, (cell) => {
            if (wrap) cell.wrapText = true;
            else delete cell.wrapText;
          });
        }),
      wrap,
    );
  }

  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(align: string) {
    this._loaded.verticalAlignment = align;
    this._queue(
      'RangeFormat.verticalAlignment',
      (exec) =>
        this.range.write(exec, 'RangeFormat.verticalAlignment', (ref) => {
          const a = VERTICAL_ALIGNMENTS.find((x) => x === align);
          if (!a) throw invalidArgument('RangeFormat.verticalAlignment');
          formatCells(ref, (cell) => {
            if (a === 'Bottom') delete cell.verticalAlignment;
            else cell.verticalAlignment = a;
          });
        }),
      align,
    );
  }

  autofitRows(): void {
    this._ctx._session.requireApi('RangeFormat.autofitRows', '1.2');
    // Row heights are not modelled: only the checks a real autofit makes (protection, failOnWrite).
    this._queue('RangeFormat.autofitRows', (exec) => this.range.write(exec, 'RangeFormat.autofitRows', () => undefined));
  }

  load(props?: string | string[]): RangeFormatLike {
    this._load(props);
    return this;
  }

  autofitColumns(): void {
    this._ctx._session.requireApi('RangeFormat.autofitColumns', '1.2');
    this._queue('RangeFormat.autofitColumns', (exec) =>
      this.range.write(exec, 'RangeFormat.autofitColumns', (ref) => {
        exec.session.recalcIfDirty();
        const { sheet, area } = ref;
        const spanning = sheet.merges.filter((m) => m.right > m.left && areasIntersect(m, area));
        const widest = new Map<number, number>();
        for (const { row, col, cell } of cellsOf(ref)) {
          if (spanning.some((m) => areaContains(m, row, col))) continue; // Excel's autofit ignores merged cells
          const text = cellText(cell, exec.model.culture);
          if (!text) continue;
          const font = cellFont(sheet, cell);
          const w = estimateTextWidth(text, font.name, font.size);
          widest.set(col, Math.max(widest.get(col) ?? 0, w));
        }
        for (let c = area.left; c <= area.right; c++) {
          const text = widest.get(c);
          if (text === undefined) {
            sheet.columnWidths.delete(c); // an empty column goes back to the standard width
            continue;
          }
          // Whole pixels (0.75 pt), like Excel.
          const w = Math.ceil((text + AUTOFIT_PADDING) / 0.75 - 1e-9) * 0.75;
          sheet.columnWidths.set(c, Math.min(w, MAX_COLUMN_WIDTH));
        }
      }),
    );
  }
}

class FakeRangeFont extends Obj implements RangeFormatFontLike {
  readonly _entity = 'RangeFont';

  protected _resolve(exec: Exec): unknown {
    return this._parent!._ensure(exec);
  }

  _scalarNames(): readonly string[] {
    return ['name', 'size', 'bold'];
  }

  _readScalar(name: string, r: unknown, exec: Exec): unknown {
    if (name !== 'name' && name !== 'size' && name !== 'bold') return super._readScalar(name, r, exec);
    const ref = r as RangeRef;
    const stored = cellsOf(ref);
    const values = new Set<unknown>(stored.map(({ cell }) => cellFont(ref.sheet, cell)[name]));
    if (stored.length < areaCellCount(ref.area)) values.add(sheetDefaultFont(ref.sheet)[name]);
    return values.size === 1 ? [...values][0] : null; // null when the cells differ, like Excel
  }

  private set(prop: 'name' | 'size' | 'bold', value: unknown): void {
    this._loaded[prop] = value;
    const location = `RangeFont.${prop}`;
    const range = this._parent!._parent as FakeRange;
    this._queue(
      location,
      (exec) =>
        range.write(exec, location, (ref) => {
          const ok = prop === 'bold' ? typeof value === 'boolean' : prop === 'size' ? typeof value === 'number' && value > 0 : typeof value === 'string' && value !== '';
          if (!ok) throw invalidArgument(location);
          formatCells(ref, (cell) => {
            const font = { ...cellFont(ref.sheet, cell), [prop]: value };
            const d = sheetDefaultFont(ref.sheet);
            if (!font.bold && font.name === d.name && font.size === d.size) delete cell.font;
            else cell.font = font;
          });
        }),
      value,
    );
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this.set('name', v);
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this.set('size', v);
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this.set('bold', v);
  }

  load(props?: string | string[]): RangeFormatFontLike {
    this._load(props);
    return this;
  }
}

class FakeRangeCollection extends CollectionObj implements RangeCollectionLike {
  readonly _entity = 'RangeCollection';

  protected _resolve(exec: Exec): unknown {
    return this._parent!._ensure(exec);
  }

  _serverItems(exec: Exec): Obj[] {
    const ref = this._parent!._ensure(exec) as AreasRef;
    return ref.areas.map((area) => {
      const r = new FakeRange(this._ctx, this, () => ({ sheet: ref.sheet, area }));
      r._ensure(exec);
      return r;
    });
  }

  get items(): RangeLike[] {
    return this._itemsOrThrow<RangeLike>();
  }
}

class FakeRangeAreas extends Obj implements RangeAreasLike {
  readonly _entity = 'RangeAreas';
  private _areas?: FakeRangeCollection;

  constructor(
    ctx: Ctx,
    parent: Obj | null,
    private readonly resolver: Resolver<AreasRef>,
  ) {
    super(ctx, parent);
  }

  protected _resolve(exec: Exec): unknown {
    return this.resolver(exec);
  }

  _scalarNames(): readonly string[] {
    return ['address', 'areaCount', 'cellCount'];
  }

  _nav(name: string): Obj | undefined {
    return name === 'areas' ? (this.areas as FakeRangeCollection) : undefined;
  }

  _readScalar(name: string, r: unknown, exec: Exec): unknown {
    const { sheet, areas } = r as AreasRef;
    if (name === 'address') return areas.map((a) => sheetAddress(sheet.name, a)).join(', ');
    if (name === 'areaCount') return areas.length;
    if (name === 'cellCount') return areas.reduce((s, a) => s + areaCellCount(a), 0);
    return super._readScalar(name, r, exec);
  }

  get address(): string {
    return this._get('address');
  }

  get areas(): RangeCollectionLike {
    return (this._areas ??= new FakeRangeCollection(this._ctx, this));
  }

  load(props?: string | string[]): RangeAreasLike {
    this._load(props);
    return this;
  }
}

// --- Workbook, application, culture -------------------------------------------

class FakeNumberFormatInfo extends Obj {
  readonly _entity = 'NumberFormatInfo';

  protected _resolve(exec: Exec): unknown {
    return this._parent!._ensure(exec);
  }

  _scalarNames(): readonly string[] {
    return ['numberDecimalSeparator', 'numberGroupSeparator'];
  }

  _readScalar(name: string, r: unknown, exec: Exec): unknown {
    if (name === 'numberDecimalSeparator') return exec.model.culture.decimal;
    if (name === 'numberGroupSeparator') return exec.model.culture.group;
    return super._readScalar(name, r, exec);
  }

  get numberDecimalSeparator(): string {
    return this._get('numberDecimalSeparator');
  }

  get numberGroupSeparator(): string {
    return this._get('numberGroupSeparator');
  }
}

class FakeCultureInfo extends Obj implements CultureInfoLike {
  readonly _entity = 'CultureInfo';
  private _numberFormat?: FakeNumberFormatInfo;

  protected _resolve(): unknown {
    return true;
  }

  _scalarNames(): readonly string[] {
    return ['name'];
  }

  _nav(name: string): Obj | undefined {
    return name === 'numberFormat' ? (this.numberFormat as unknown as FakeNumberFormatInfo) : undefined;
  }

  _readScalar(name: string, r: unknown, exec: Exec): unknown {
    if (name === 'name') return exec.model.displayLanguage;
    return super._readScalar(name, r, exec);
  }

  get numberFormat(): { readonly numberDecimalSeparator: string; readonly numberGroupSeparator: string } {
    return (this._numberFormat ??= new FakeNumberFormatInfo(this._ctx, this));
  }

  load(props?: string | string[]): CultureInfoLike {
    this._load(props);
    return this;
  }
}

class FakeWorkbook implements WorkbookLike {
  readonly worksheets: FakeWorksheetCollection;
  private _culture?: FakeCultureInfo;
  readonly application: { readonly cultureInfo: CultureInfoLike };

  constructor(private readonly ctx: Ctx) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    const self = this;
    this.application = {
      get cultureInfo(): CultureInfoLike {
        ctx._session.requireApi('Application.cultureInfo', '1.11');
        return (self._culture ??= new FakeCultureInfo(ctx, null));
      },
    };
  }

  getSelectedRange(): RangeLike {
    return new FakeRange(this.ctx, null, (exec) => {
      const model = exec.model;
      const sel = model.selection;
      const sheet = findSheet(model, sel?.sheet ?? model.activeSheet) ?? findSheet(model, model.activeSheet);
      if (!sheet) throw itemNotFound('Workbook.getSelectedRange');
      const area = (sel && sel.sheet.toLowerCase() === sheet.name.toLowerCase() && parseArea(sel.address)) || { top: 0, left: 0, bottom: 0, right: 0 };
      return { sheet, area };
    });
  }
}

class Ctx implements RequestContextLike {
  _ops: Op[] = [];
  closed = false;
  readonly workbook: FakeWorkbook;

  constructor(readonly _session: Session) {
    this.workbook = new FakeWorkbook(this);
  }

  sync(): Promise<void> {
    const ops = this._ops;
    this._ops = [];
    return this._session.sync(this, ops);
  }
}

// ---------------------------------------------------------------------------
// Entry point.

function jsonClone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/**
 * An Excel + Office pair over `model`. Everything the add-in does goes through syncs that edit
 * `model` in place; `stats` counts syncs and payload sizes and records Excel.run options.
 */
export function createFakeExcel(model: FakeWorkbookModel, opts: FakeExcelOptions = {}): FakeExcel {
  const session = new Session(model, opts);
  const stats = session.stats;

  async function run<T>(a: RunOptionsLike | ((ctx: RequestContextLike) => Promise<T>), b?: (ctx: RequestContextLike) => Promise<T>): Promise<T> {
    const batch = typeof a === 'function' ? a : b;
    const options: RunOptionsLike = typeof a === 'function' ? {} : (a ?? {});
    const record: RunRecord = {
      ...(options.mergeUndoGroup !== undefined ? { mergeUndoGroup: options.mergeUndoGroup } : {}),
      ...(options.delayForCellEdit !== undefined ? { delayForCellEdit: options.delayForCellEdit } : {}),
      honoured: {
        // Older hosts ignore options they do not know.
        mergeUndoGroup: !!options.mergeUndoGroup && session.supports('1.20'),
        delayForCellEdit: !!options.delayForCellEdit && session.supports('1.5'),
      },
    };
    stats.runs.push(record);
    if (typeof batch !== 'function') throw invalidArgument('Excel.run');
    const ctx = new Ctx(session);
    try {
      const pending = batch(ctx) as unknown;
      if (!pending || typeof (pending as Promise<T>).then !== 'function') throw runMustReturnPromise();
      const result = await (pending as Promise<T>);
      // Excel.run syncs once more at the end: whatever is still queued is applied.
      if (ctx._ops.length > 0) await ctx.sync();
      return result;
    } finally {
      ctx.closed = true;
    }
  }

  const Excel: ExcelLike = { run: run as ExcelLike['run'] };

  // Document settings: an in-memory copy; saveAsync writes it to the model (the "document").
  const settings: Record<string, unknown> = jsonClone(model.settings) ?? {};
  const context: OfficeContextLike = {
    get displayLanguage() {
      return model.displayLanguage;
    },
    requirements: {
      isSetSupported(name: string, minVersion?: string): boolean {
        const key = Object.keys(model.supportedSets).find((k) => k.toLowerCase() === name.toLowerCase());
        if (key === undefined) return false;
        return compareVersions(model.supportedSets[key], minVersion ?? '1.1') >= 0;
      },
    },
    document: {
      settings: {
        get(name: string): unknown {
          return Object.prototype.hasOwnProperty.call(settings, name) ? settings[name] : null;
        },
        set(name: string, value: unknown): void {
          settings[name] = value === undefined ? null : jsonClone(value);
        },
        remove(name: string): void {
          delete settings[name];
        },
        saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void {
          const saved = jsonClone(settings);
          for (const k of Object.keys(model.settings)) delete model.settings[k];
          Object.assign(model.settings, saved);
          void Promise.resolve().then(() => callback?.({ status: 'succeeded' }));
        },
      },
    },
  };

  return { Excel, Office: { context }, stats, model };
}

export { FakeExcelError } from './errors';

type CellPropertiesLoad = Parameters<RangeLike['getCellProperties']>[0];

/** The result of Range.getCellProperties: `value` (one entry per cell) is readable after a sync. */
class FakeCellProperties extends Obj {
  readonly _entity = 'CellPropertiesResult';

  constructor(
    ctx: Ctx,
    private readonly range: FakeRange,
    private readonly wanted: CellPropertiesLoad,
  ) {
    super(ctx, range);
  }

  protected _resolve(exec: Exec): unknown {
    return this.range._ensure(exec);
  }

  _scalarNames(): readonly string[] {
    return ['value'];
  }

  _readScalar(name: string, r: unknown, exec: Exec): unknown {
    if (name !== 'value') return super._readScalar(name, r, exec);
    const { sheet, area } = r as RangeRef;
    const f = this.wanted.format?.font;
    const rows: unknown[][] = [];
    for (let row = area.top; row <= area.bottom; row++) {
      const out: unknown[] = [];
      for (let col = area.left; col <= area.right; col++) {
        const font = cellFont(sheet, readCell(sheet, row, col));
        const format: Record<string, unknown> = {};
        if (f) {
          const fo: Record<string, unknown> = {};
          if (f.name) fo.name = font.name;
          if (f.size) fo.size = font.size;
          if (f.bold) fo.bold = font.bold;
          format.font = fo;
        }
        if (this.wanted.format?.indentLevel) format.indentLevel = 0; // indentation is not modelled
        out.push({ format });
      }
      rows.push(out);
    }
    return rows;
  }

  _loadValue(): void {
    this._load('value');
  }

  get value(): ReturnType<RangeLike['getCellProperties']>['value'] {
    return this._get('value');
  }
}

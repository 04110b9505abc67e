// The part of the Excel JavaScript API (office-js) that Capaian uses, as a structural type.
// The real `Excel` global satisfies it; so does the in-memory implementation used by the
// preview page and the tests (src/preview/fake-excel). Keep this list exactly what the adapter uses.

export type CellScalar = string | number | boolean;

export interface ClientObject {
  /** True when a *OrNullObject call found nothing (read after sync). */
  readonly isNullObject: boolean;
}

export interface RangeFormatFontLike {
  name: string;
  size: number;
  bold: boolean;
  load(props: string | string[]): RangeFormatFontLike;
}

export interface RangeFormatLike {
  /** Points. */
  columnWidth: number;
  readonly font: RangeFormatFontLike;
  /** Text wraps inside the cell (ExcelApi 1.1); null when the cells of the range differ. */
  wrapText: boolean;
  /** "Top" | "Center" | "Bottom" | "Justify" | "Distributed" (ExcelApi 1.1). */
  verticalAlignment: string;
  load(props: string | string[]): RangeFormatLike;
  autofitColumns(): void;
  /** Row heights to fit the content (ExcelApi 1.2). */
  autofitRows(): void;
}

export interface RangeLike extends ClientObject {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: CellScalar[][];
  formulas: CellScalar[][];
  numberFormat: string[][];
  readonly text: string[][];
  readonly valueTypes: string[][];
  readonly format: RangeFormatLike;
  load(props: string | string[]): RangeLike;
  getCell(row: number, column: number): RangeLike;
  getColumn(column: number): RangeLike;
  getResizedRange(deltaRows: number, deltaColumns: number): RangeLike;
  getOffsetRange(rowOffset: number, columnOffset: number): RangeLike;
  getMergedAreasOrNullObject(): RangeAreasLike;
  /** Per-cell format properties (ExcelApi 1.9); `value` is readable after a sync. */
  getCellProperties(load: { format?: { font?: { name?: boolean; size?: boolean; bold?: boolean }; indentLevel?: boolean } }): {
    readonly value: { format?: { font?: { name?: string; size?: number; bold?: boolean }; indentLevel?: number } }[][];
  };
  getSpecialCellsOrNullObject(cellType: 'Formulas' | 'Constants' | 'Blanks' | 'Visible' | 'ConditionalFormats' | 'DataValidations'): RangeAreasLike;
  select(): void;
  /** Clears values, formulas and/or formats (ExcelApi 1.1). */
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
}

export interface RangeCollectionLike {
  readonly items: RangeLike[];
}

export interface RangeAreasLike extends ClientObject {
  readonly address: string;
  readonly areas: RangeCollectionLike;
  load(props: string | string[]): RangeAreasLike;
}

export interface WorksheetProtectionLike {
  readonly protected: boolean;
  load(props: string | string[]): WorksheetProtectionLike;
}

/** Print zoom: a scale in percent, or a number of pages to fit across / down (0 = as many as needed). */
export interface PageLayoutZoomOptionsLike {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}

/** Worksheet print settings (ExcelApi 1.9). */
export interface PageLayoutLike {
  /** "A4", "Letter", … (Excel.PaperType). */
  paperSize: string;
  /** "Portrait" | "Landscape". */
  orientation: string;
  zoom: PageLayoutZoomOptionsLike;
  printGridlines: boolean;
  load(props: string | string[]): PageLayoutLike;
}

export interface WorksheetLike extends ClientObject {
  readonly name: string;
  readonly visibility: string;
  readonly position: number;
  readonly protection: WorksheetProtectionLike;
  readonly pageLayout: PageLayoutLike;
  load(props: string | string[]): WorksheetLike;
  getRange(address?: string): RangeLike;
  getRanges(address: string): RangeAreasLike;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  activate(): void;
}

export interface WorksheetCollectionLike {
  readonly items: WorksheetLike[];
  load(props: string | string[]): WorksheetCollectionLike;
  getItem(name: string): WorksheetLike;
  getItemOrNullObject(name: string): WorksheetLike;
  getActiveWorksheet(): WorksheetLike;
  add(name?: string): WorksheetLike;
}

export interface CultureInfoLike {
  readonly numberFormat: { readonly numberDecimalSeparator: string; readonly numberGroupSeparator: string };
  load(props: string | string[]): CultureInfoLike;
}

export interface WorkbookLike {
  readonly worksheets: WorksheetCollectionLike;
  readonly application: { readonly cultureInfo: CultureInfoLike };
  getSelectedRange(): RangeLike;
}

export interface RequestContextLike {
  readonly workbook: WorkbookLike;
  sync(): Promise<void>;
}

export interface RunOptionsLike {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

export interface ExcelLike {
  run<T>(batch: (context: RequestContextLike) => Promise<T>): Promise<T>;
  run<T>(options: RunOptionsLike, batch: (context: RequestContextLike) => Promise<T>): Promise<T>;
}

/** Office.context parts used: requirement sets, display language, document settings. */
export interface OfficeContextLike {
  readonly displayLanguage: string;
  readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  readonly document: {
    readonly settings: {
      get(name: string): unknown;
      set(name: string, value: unknown): void;
      remove(name: string): void;
      saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
    };
  };
}

// ExcelJS adapter, writing side: apply the engine's certain fixes to an ExcelJS workbook and save it.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseAddress, columnIndex } from '../engine/a1';
import type { Fix } from '../engine/types';
import { CapaianFileError, isSheetProtected, pointsToColumnWidth, sourcePathOf } from './read';

export interface ApplyResult {
  applied: Fix[];
  skipped: { fix: Fix; reason: string }[];
}

/**
 * Applies the fixes with `certain: true` to the workbook, in order. Everything else is left as it was:
 * a cell fix replaces only the value (or formula + cached result) and, when given, the number format of
 * that one cell; a column-width fix only that column's width. Fixes that are not certain, that target a
 * protected sheet, a missing sheet, a bad address or the inner cell of a merged area are skipped with a
 * reason (Bahasa Indonesia). When anything was applied, the workbook is marked to be fully recalculated
 * when Excel opens it (ExcelJS does not calculate, so formulas depending on changed cells are stale).
 */
export function applyFixes(wb: ExcelJS.Workbook, fixes: Fix[]): ApplyResult {
  const applied: Fix[] = [];
  const skipped: { fix: Fix; reason: string }[] = [];
  for (const fix of fixes) {
    const reason = applyOne(wb, fix);
    if (reason === null) applied.push(fix);
    else skipped.push({ fix, reason });
  }
  if (applied.length > 0) {
    wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  }
  return { applied, skipped };
}

/** Applies one fix; returns null when applied, otherwise why it was skipped. */
function applyOne(wb: ExcelJS.Workbook, fix: Fix): string | null {
  if (!fix.certain) return 'Bukan perbaikan pasti (saran): perlu diputuskan pengguna';
  const ws = wb.getWorksheet(fix.sheet);
  if (!ws) return `Lembar tidak ditemukan: ${fix.sheet}`;
  if (isSheetProtected(ws)) return `Lembar "${fix.sheet}" diproteksi; buka proteksinya lalu ulangi`;

  if (fix.kind === 'columnWidth') {
    const letters = fix.cell.trim().replace(/\$/g, '');
    if (!/^[A-Za-z]{1,3}$/.test(letters)) return `Alamat kolom tidak sah: ${fix.cell}`;
    if (typeof fix.width !== 'number' || !(fix.width > 0) || !Number.isFinite(fix.width)) {
      return `Lebar kolom tidak sah untuk kolom ${letters}`;
    }
    ws.getColumn(columnIndex(letters) + 1).width = pointsToColumnWidth(fix.width);
    return null;
  }

  if (fix.kind !== 'cell') return `Jenis perbaikan tidak dikenal: ${String((fix as { kind: unknown }).kind)}`;
  const pos = parseAddress(fix.cell);
  if (!pos) return `Alamat sel tidak sah: ${fix.cell}`;
  const w = fix.write;
  if (!w) return `Perbaikan tanpa isi baru untuk sel ${fix.cell}`;
  if (w.value !== null && typeof w.value !== 'number' && typeof w.value !== 'string') {
    return `Nilai baru tidak sah untuk sel ${fix.cell}`;
  }
  if (typeof w.value === 'number' && !Number.isFinite(w.value)) return `Nilai baru tidak sah untuk sel ${fix.cell}`;

  const cell = ws.getCell(pos.row + 1, pos.col + 1);
  if ((cell.type as unknown as number) === 1 /* Merge */ && cell.master && cell.master.address !== cell.address) {
    return `Sel ${fix.cell} berada di dalam sel gabungan ${cell.master.address}`;
  }

  detachSharedFormula(ws, cell);

  if (w.formula) {
    const formula = w.formula.startsWith('=') ? w.formula.slice(1) : w.formula;
    const v: ExcelJS.CellFormulaValue = { formula };
    if (w.value !== null) v.result = w.value;
    cell.value = v;
  } else {
    cell.value = w.value;
  }
  if (w.numberFormat) {
    // Style objects are shared between cells that had the same style in the file: never mutate in place.
    cell.style = { ...cell.style, numFmt: w.numberFormat };
  }
  return null;
}

/**
 * When `cell` is the master of a shared formula, turns every cell sharing it into a plain formula,
 * so that overwriting the master does not change or break them (ExcelJS refuses to save clones
 * whose master has no formula).
 */
function detachSharedFormula(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): void {
  if ((cell.type as unknown as number) !== 6 /* Formula */) return;
  const v = cell.value as { shareType?: string; ref?: string } | null;
  if (!v || v.shareType !== 'shared') return;
  const master = cell.address;
  ws.eachRow((row) => {
    row.eachCell((c) => {
      if (c === cell || (c.type as unknown as number) !== 6) return;
      const cv = c.value as { sharedFormula?: string } | null;
      if (cv && cv.sharedFormula === master) {
        const formula = c.formula;
        const result = c.result;
        const nv: ExcelJS.CellFormulaValue = { formula };
        if (result !== undefined && result !== null) nv.result = result;
        c.value = nv;
      }
    });
  });
}

function sameFile(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    try {
      return fs.realpathSync(ra) === fs.realpathSync(rb);
    } catch {
      return false;
    }
  }
}

/** Throws CapaianFileError when `outPath` is the same file as `inputPath` (path, symlink or hard link). */
export function assertNotSameFile(inputPath: string, outPath: string): void {
  if (sameFile(inputPath, outPath)) {
    throw new CapaianFileError(
      `Berkas hasil tidak boleh sama dengan berkas asli: ${outPath}. Pilih nama lain untuk --out`,
    );
  }
}

/**
 * Writes the workbook to `outPath` (through a temporary file in the same folder, renamed at the end,
 * so a failed write never leaves half a file). Refuses, with CapaianFileError, to write over the file
 * the workbook was loaded from (remembered by loadWorkbook) or over `inputPath` when given.
 */
export async function saveWorkbook(wb: ExcelJS.Workbook, outPath: string, inputPath?: string): Promise<void> {
  const sources = [inputPath, sourcePathOf(wb)].filter((p): p is string => !!p);
  for (const src of sources) assertNotSameFile(src, outPath);

  const target = path.resolve(outPath);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) throw new CapaianFileError(`Folder tujuan tidak ada: ${dir}`);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new CapaianFileError(`Tujuan adalah folder, bukan berkas: ${outPath}`);
  }

  let data: Buffer;
  try {
    data = Buffer.from(await wb.xlsx.writeBuffer());
  } catch (e) {
    throw new CapaianFileError(`Buku kerja tidak dapat disusun untuk disimpan: ${(e as Error).message}`, e);
  }
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'izin ditolak' : code === 'EBUSY' ? 'berkas sedang dibuka program lain' : (e as Error).message;
    throw new CapaianFileError(`Berkas tidak dapat disimpan: ${outPath} (${why})`, e);
  }
}

// ExcelJS adapter, reading side: an .xlsx file on disk -> ExcelJS workbook -> engine snapshot.
// The engine never sees ExcelJS; everything host-specific is mapped here.
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import { CapaianFileError, DEFAULT_FONT, defaultFonts, sourcePaths, type FontInfo } from './snapshot';

export * from './snapshot';

// ---------------------------------------------------------------------------
// Loading.

const ZIP_SIG = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY_SIG = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CFB_SIG = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Reads an .xlsx file. Throws CapaianFileError (one line, Bahasa Indonesia) when the file is
 * missing, is not an .xlsx (an old .xls, an encrypted workbook, HTML/CSV, another ZIP) or is damaged.
 */
export async function loadWorkbook(filePath: string): Promise<ExcelJS.Workbook> {
  const name = path.basename(filePath);
  let buf: Buffer;
  try {
    const st = fs.statSync(filePath);
    if (st.isDirectory()) throw new CapaianFileError(`Bukan berkas, melainkan folder: ${filePath}`);
    buf = fs.readFileSync(filePath);
  } catch (e) {
    if (e instanceof CapaianFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CapaianFileError(`Berkas tidak ditemukan: ${filePath}`, e);
    if (code === 'EACCES' || code === 'EPERM') throw new CapaianFileError(`Berkas tidak dapat dibuka (izin ditolak): ${filePath}`, e);
    throw new CapaianFileError(`Berkas tidak dapat dibuka: ${filePath} (${(e as Error).message})`, e);
  }

  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_SIG)) {
    // OLE compound file: either an Excel 97-2003 .xls or a password-encrypted .xlsx.
    if (buf.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new CapaianFileError(
        `Berkas dilindungi kata sandi (terenkripsi) sehingga tidak dapat dibaca: ${name}. Buka di Excel, hapus kata sandinya, lalu simpan ulang sebagai .xlsx`,
      );
    }
    throw new CapaianFileError(
      `Berkas .xls (format lama Excel 97-2003) tidak didukung: ${name}. Buka di Excel lalu simpan sebagai .xlsx (Buku Kerja Excel)`,
    );
  }
  if (buf.length === 0) throw new CapaianFileError(`Bukan berkas .xlsx (berkas kosong): ${name}`);
  if (buf.length >= 4 && buf.subarray(0, 4).equals(ZIP_EMPTY_SIG)) {
    throw new CapaianFileError(`Berkas tidak dapat dibaca (rusak atau bukan .xlsx): ${name}`);
  }
  if (buf.length < 4 || !buf.subarray(0, 4).equals(ZIP_SIG)) {
    throw new CapaianFileError(`Bukan berkas .xlsx: ${name}${describeNonZip(buf)}`);
  }

  let entries: Map<string, ZipEntry>;
  try {
    entries = readZipDirectory(buf);
  } catch (e) {
    throw new CapaianFileError(`Berkas tidak dapat dibaca (rusak atau bukan .xlsx): ${name}`, e);
  }
  const names = [...entries.keys()].map((n) => n.toLowerCase());
  if (!names.includes('xl/workbook.xml')) {
    if (names.includes('xl/workbook.bin')) {
      throw new CapaianFileError(`Berkas .xlsb (Buku Kerja Biner) tidak didukung: ${name}. Buka di Excel lalu simpan sebagai .xlsx`);
    }
    if (names.includes('word/document.xml')) throw new CapaianFileError(`Bukan berkas .xlsx (ini dokumen Word): ${name}`);
    if (names.includes('content.xml')) {
      throw new CapaianFileError(`Berkas OpenDocument (.ods) tidak didukung: ${name}. Simpan sebagai .xlsx terlebih dahulu`);
    }
    throw new CapaianFileError(`Bukan berkas .xlsx (arsip ZIP tanpa buku kerja Excel): ${name}`);
  }

  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want its own Buffer alias; a Node Buffer is what it reads.
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new CapaianFileError(`Berkas tidak dapat dibaca (rusak atau bukan .xlsx): ${name}`, e);
  }
  sourcePaths.set(wb, path.resolve(filePath));
  const font = readDefaultFont(buf, entries);
  if (font) defaultFonts.set(wb, font);
  return wb;
}

function describeNonZip(buf: Buffer): string {
  const head = buf.subarray(0, 512).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('<')) {
    return ' (isinya HTML/XML, bukan buku kerja Excel; buka di Excel lalu simpan sebagai .xlsx)';
  }
  if (head.startsWith('%pdf')) return ' (isinya PDF)';
  // Mostly printable text: CSV or similar.
  const sample = buf.subarray(0, 512);
  let printable = 0;
  for (const b of sample) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128) printable++;
  if (sample.length > 0 && printable / sample.length > 0.95) {
    return ' (isinya teks/CSV; buka di Excel lalu simpan sebagai .xlsx)';
  }
  return '';
}

// ---------------------------------------------------------------------------
// A minimal ZIP directory reader (no ZIP64, no encryption), used to tell an .xlsx from other
// ZIP files and to read the default font from styles.xml, which ExcelJS discards after loading.

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

function readZipDirectory(buf: Buffer): Map<string, ZipEntry> {
  const minEocd = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= minEocd; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    let name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (name.startsWith('/')) name = name.slice(1);
    entries.set(name, { name, method, compressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function readZipEntry(buf: Buffer, e: ZipEntry): Buffer | null {
  const p = e.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data;
  if (e.method === 8) return zlib.inflateRawSync(data);
  return null;
}

/** Text of one entry of a ZIP (xlsx) file, or null when absent or unreadable. */
export function zipEntryText(buf: Buffer, name: string): string | null {
  try {
    const entries = readZipDirectory(buf);
    const e = [...entries.values()].find((x) => x.name.toLowerCase() === name.toLowerCase());
    return e ? (readZipEntry(buf, e)?.toString('utf8') ?? null) : null;
  } catch {
    return null;
  }
}

function readDefaultFont(buf: Buffer, entries: Map<string, ZipEntry>): FontInfo | null {
  try {
    const entry = [...entries.values()].find((e) => e.name.toLowerCase() === 'xl/styles.xml');
    if (!entry) return null;
    const xml = readZipEntry(buf, entry)?.toString('utf8');
    if (!xml) return null;
    // The Normal style uses the font of cellStyleXfs[0], which is font 0 in practice.
    const fonts = /<(?:\w+:)?fonts\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fonts>/.exec(xml);
    if (!fonts) return null;
    const first = /<(?:\w+:)?font\b[^>]*>([\s\S]*?)<\/(?:\w+:)?font>/.exec(fonts[1]);
    if (!first) return null;
    const size = /<(?:\w+:)?sz\s+val="([\d.]+)"/.exec(first[1]);
    const fname = /<(?:\w+:)?name\s+val="([^"]+)"/.exec(first[1]);
    return {
      name: fname ? decodeXml(fname[1]) : DEFAULT_FONT.name,
      size: size ? Number(size[1]) : DEFAULT_FONT.size,
    };
  } catch {
    return null;
  }
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}


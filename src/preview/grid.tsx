// The workbook shown as Excel would: column widths, number formats, and "####" where a number is
// wider than its column (Range.text never shows it; this grid draws it like Excel's screen does).
import * as React from 'react';
import { columnLetter } from '../engine/a1';
import { columnContentWidth, estimateTextWidth } from '../engine/textWidth';
import { cellFont, cellText, columnWidth, readCell, usedArea, type FakeWorkbookModel } from './fake-excel';
import { parseArea } from './fake-excel/address';

const PX_PER_PT = 4 / 3;
const ROW_HEADER_PX = 44;

export interface GridProps {
  model: FakeWorkbookModel;
  sheetName: string;
  /** Changes whenever the model changed (the model is mutated in place). */
  version: number;
  onSelect?: (address: string) => void;
}

export function SheetGrid({ model, sheetName, version, onSelect }: GridProps): React.ReactElement {
  const sheet = model.sheets.find((s) => s.name === sheetName);
  const selected = model.selection?.sheet === sheetName ? parseArea(model.selection.address) : null;
  const selectedRef = React.useRef<HTMLTableCellElement | null>(null);
  React.useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [selected?.top, selected?.left, sheetName, version]);
  if (!sheet) return <div role="status">Lembar tidak ditemukan.</div>;
  const used = usedArea(sheet, false);
  const rows = used ? used.bottom + 1 : 0;
  const cols = used ? used.right + 1 : 0;
  const merged = new Map<string, { rowSpan: number; colSpan: number } | 'hidden'>();
  for (const m of sheet.merges) {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) merged.set(`${r},${c}`, r === m.top && c === m.left ? { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 } : 'hidden');
  }
  const widths = Array.from({ length: cols }, (_, c) => columnWidth(sheet, c));
  return (
    <div className="grid-scroll" data-version={version}>
      <table
        className="grid"
        aria-label={`Lembar ${sheetName}`}
        data-sheet={sheetName}
        style={{ width: ROW_HEADER_PX + widths.reduce((s, w) => s + Math.max(4, w * PX_PER_PT), 0) }}
      >
        <colgroup>
          <col style={{ width: ROW_HEADER_PX }} />
          {widths.map((w, c) => (
            <col key={c} style={{ width: Math.max(4, w * PX_PER_PT) }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className="corner" />
            {widths.map((_, c) => (
              <th key={c} scope="col" className="colhead">
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              <th scope="row" className="rowhead">
                {r + 1}
              </th>
              {Array.from({ length: cols }, (_, c) => {
                const m = merged.get(`${r},${c}`);
                if (m === 'hidden') return null;
                const cell = readCell(sheet, r, c);
                const address = `${columnLetter(c)}${r + 1}`;
                const isSel = !!selected && r >= selected.top && r <= selected.bottom && c >= selected.left && c <= selected.right;
                let text = cellText(cell, model.culture);
                let overflow = false;
                if (cell && typeof cell.value === 'number' && !cell.error && !m) {
                  const font = cellFont(sheet, cell);
                  if (estimateTextWidth(text, font.name, font.size) > columnContentWidth(widths[c])) {
                    overflow = true;
                    text = '#'.repeat(Math.max(1, Math.floor(columnContentWidth(widths[c]) / estimateTextWidth('#', font.name, font.size))));
                  }
                }
                const numeric = !!cell && (typeof cell.value === 'number' || !!cell.error);
                return (
                  <td
                    key={c}
                    ref={isSel && r === selected!.top && c === selected!.left ? selectedRef : undefined}
                    rowSpan={m ? m.rowSpan : undefined}
                    colSpan={m ? m.colSpan : undefined}
                    data-cell={address}
                    data-overflow={overflow ? 'true' : undefined}
                    className={[numeric ? 'num' : '', isSel ? 'selected' : '', cell?.font?.bold ? 'bold' : '', cell?.formula ? 'formula' : ''].join(' ').trim() || undefined}
                    title={cell?.formula ?? undefined}
                    onClick={() => onSelect?.(address)}
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Before anything is written: the list of changes (sheet!cell, old → new) and one question.
import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { parseAddress } from '../engine/a1';
import { formatNumber } from '../engine/numfmt';
import type { Fix, WorkbookSnapshot } from '../engine/types';
import type { Lang, Strings } from '../addin/i18n';
import { formatValue } from './model';
import type { PaneController } from './usePane';

/** Changes listed in the dialog; the rest are counted. */
export const CHANGE_LIST_LIMIT = 300;

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  place: { fontFamily: tokens.fontFamilyMonospace },
  reason: { color: tokens.colorNeutralForeground3 },
  change: { overflowWrap: 'anywhere' },
});

function widthText(v: Fix['old'], t: Strings, lang: Lang): string {
  return typeof v === 'number' ? t.widthPoints(formatValue(Math.round(v * 100) / 100, lang)) : formatValue(v, lang);
}

/** The number format of a cell when the scan read it. */
function cellFormat(snapshot: WorkbookSnapshot | undefined, sheet: string, a1: string): string | undefined {
  const p = parseAddress(a1);
  return p ? snapshot?.sheets.find((s) => s.name === sheet)?.cells[p.row]?.[p.col]?.numberFormat : undefined;
}

/** A value the way the cell shows it (0,9 in a percent cell reads 90,00%). */
function shown(v: Fix['old'], format: string | undefined, lang: Lang): string {
  if (typeof v === 'number' && format && format !== 'General' && format !== '@') return formatNumber(v, format);
  return formatValue(v, lang);
}

/** "TW IV!N22: 246.174.400 → 250.634.400" (or the width of a column). */
export function changeText(f: Fix, t: Strings, lang: Lang, snapshot?: WorkbookSnapshot): { place: string; change: string } {
  const place = `${f.sheet}!${f.cell}`;
  if (f.kind === 'columnWidth') return { place, change: `${t.columnWidthChange(f.cell)}: ${widthText(f.old, t, lang)} → ${widthText(f.new, t, lang)}` };
  const before = cellFormat(snapshot, f.sheet, f.cell);
  const after = f.write?.numberFormat ?? before;
  return { place, change: `${shown(f.old, before, lang)} → ${shown(f.new, after, lang)}` };
}

export default function ConfirmChangesDialog({ pane, protectedSheets }: { pane: PaneController; protectedSheets: string[] }): React.ReactElement {
  const snapshot = pane.scan?.read.snapshot;
  const styles = useStyles();
  const { t, lang, pending } = pane;
  const fixes = pending?.fixes ?? [];
  const shown = fixes.slice(0, CHANGE_LIST_LIMIT);
  const blocked = [...new Set(fixes.map((f) => f.sheet))].filter((s) => protectedSheets.includes(s));
  const suggestion = !!pending?.single && fixes.some((f) => !f.certain);
  return (
    <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && pane.cancelPending()}>
      <DialogSurface data-testid="confirm-dialog">
        <DialogBody>
          <DialogTitle>{t.confirmTitle(fixes.length)}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text as="p" block>
              {t.confirmIntro}
            </Text>
            {suggestion && (
              <MessageBar layout="multiline" intent="warning">
                <MessageBarBody>{t.confirmSuggestion}</MessageBarBody>
              </MessageBar>
            )}
            {blocked.length > 0 && (
              <MessageBar layout="multiline" intent="warning">
                <MessageBarBody>{t.protectedNotice(blocked)}</MessageBarBody>
              </MessageBar>
            )}
            <ul className={styles.list} aria-label={t.changesLabel} data-testid="change-list">
              {shown.map((f, i) => {
                const c = changeText(f, t, lang, snapshot);
                return (
                  <li key={`${c.place}#${f.kind}#${i}`} data-testid="change" data-cell={c.place} className={styles.change}>
                    <Text className={styles.place}>{c.place}</Text>
                    <Text>{`: ${c.change}`}</Text>
                    <br />
                    <Text size={200} className={styles.reason}>
                      {lang === 'en' ? f.reasonEn : f.reason}
                    </Text>
                  </li>
                );
              })}
            </ul>
            {fixes.length > shown.length && <Text>{t.moreChanges(fixes.length - shown.length)}</Text>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void pane.confirmPending()} data-testid="confirm-apply">
              {t.confirmApply}
            </Button>
            <Button onClick={pane.cancelPending}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

// The verdict first: "Siap dikirim" / "Belum siap", the counts for the whole workbook, and per sheet.
import * as React from 'react';
import {
  Badge,
  Card,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { WorkbookReport } from '../engine/types';
import type { Strings } from '../addin/i18n';
import { allFindings, countFindings, isReady } from './model';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  ready: { color: tokens.colorPaletteGreenForeground1, margin: 0 },
  notReady: { color: tokens.colorPaletteRedForeground1, margin: 0 },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  table: { tableLayout: 'auto', width: '100%' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  numHeader: { justifyContent: 'flex-end' },
});

export function Verdict({ report, t }: { report: WorkbookReport; t: Strings }): React.ReactElement {
  const styles = useStyles();
  const counts = countFindings(allFindings(report));
  const ready = isReady(counts);
  const sheets = report.sheets.filter((s) => s.layout);
  return (
    <Card className={styles.card} role="region" aria-label={t.verdictLabel}>
      <Text as="h2" size={600} weight="semibold" className={ready ? styles.ready : styles.notReady} data-testid="verdict" data-ready={ready}>
        {ready ? t.ready : t.notReady}
      </Text>
      <Text data-testid="verdict-hint">{ready ? t.readyHint(counts.warnings, counts.notes) : t.notReadyHint(counts.errors)}</Text>
      <div className={styles.counts} role="group" aria-label={t.countsLabel} data-testid="counts">
        <Badge color="danger" appearance={counts.errors ? 'filled' : 'outline'} data-testid="count-errors" data-count={counts.errors}>
          {`${t.errors}: ${counts.errors}`}
        </Badge>
        <Badge color="warning" appearance={counts.warnings ? 'filled' : 'outline'} data-testid="count-warnings" data-count={counts.warnings}>
          {`${t.warnings}: ${counts.warnings}`}
        </Badge>
        <Badge color="informative" appearance="outline" data-testid="count-notes" data-count={counts.notes}>
          {`${t.notes}: ${counts.notes}`}
        </Badge>
      </div>
      {sheets.length > 0 && (
        <Table size="extra-small" aria-label={t.perSheetLabel} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.sheetColumn}</TableHeaderCell>
              <TableHeaderCell button={{ className: styles.numHeader }}>{t.errors}</TableHeaderCell>
              <TableHeaderCell button={{ className: styles.numHeader }}>{t.warnings}</TableHeaderCell>
              <TableHeaderCell button={{ className: styles.numHeader }}>{t.notes}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sheets.map((s) => {
              const c = countFindings(s.findings);
              return (
                <TableRow key={s.name} data-testid="sheet-counts" data-sheet={s.name} data-errors={c.errors} data-warnings={c.warnings} data-notes={c.notes}>
                  <TableCell>{s.name}</TableCell>
                  <TableCell className={styles.num}>{c.errors}</TableCell>
                  <TableCell className={styles.num}>{c.warnings}</TableCell>
                  <TableCell className={styles.num}>{c.notes}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}

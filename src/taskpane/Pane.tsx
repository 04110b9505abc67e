// The task pane "Periksa Sebelum Kirim": the verdict, the findings, and the repairs.
// It talks to Excel only through the add-in adapter (src/addin), so the same component runs in
// Excel and in the preview page (over the in-memory Excel).
import * as React from 'react';
import {
  Badge,
  Button,
  Card,
  Divider,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Finding, WorkbookReport } from '../engine/types';
import { langOf, strings } from '../addin/i18n';
import { batalkan, hitungUlangCapaian, loadUndo, remainingFindings, scan, type AddinEnv } from '../addin/recalculate';
import { selectCell } from '../addin/select';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0 },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  finding: { textAlign: 'left', justifyContent: 'flex-start', height: 'auto', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  findingText: { display: 'flex', flexDirection: 'column', gap: '2px', alignItems: 'flex-start', whiteSpace: 'normal' },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
});

export interface PaneProps {
  env: AddinEnv;
  /** Called after anything was written, so a host view (the preview grid) can refresh. */
  onChanged?: () => void;
}

type Busy = 'reading' | 'writing' | null;

function counts(findings: Finding[]) {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    notes: findings.filter((f) => f.severity === 'info').length,
  };
}

export function CapaianPane({ env, onChanged }: PaneProps): React.ReactElement {
  const t = strings(langOf(env.office.displayLanguage));
  const styles = useStyles();
  const [report, setReport] = React.useState<WorkbookReport | null>(null);
  const [busy, setBusy] = React.useState<Busy>('reading');
  const [message, setMessage] = React.useState<string | null>(null);
  const [canUndo, setCanUndo] = React.useState(false);

  const refresh = React.useCallback(async () => {
    setBusy('reading');
    try {
      const r = await scan(env);
      setReport(r.report);
      setCanUndo(!!loadUndo(env.office));
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }, [env]);

  React.useEffect(() => {
    void refresh();
  }, [refresh]);

  const all = report ? report.sheets.flatMap((s) => s.findings) : [];
  const c = counts(all);
  const certain = report ? report.sheets.flatMap((s) => s.fixes.filter((f) => f.certain)).length : 0;

  const fixAll = async () => {
    setBusy('writing');
    try {
      const r = await hitungUlangCapaian(env);
      setMessage(r.message);
      onChanged?.();
    } finally {
      setBusy(null);
    }
    await refresh();
  };
  const undo = async () => {
    setBusy('writing');
    try {
      const r = await batalkan(env);
      setMessage(r.message);
      onChanged?.();
    } finally {
      setBusy(null);
    }
    await refresh();
  };
  const open = async (f: Finding) => {
    if (!f.cell) return;
    await selectCell(env.Excel, f.sheet, f.cell);
    onChanged?.();
  };

  return (
    <main className={styles.root} aria-busy={busy !== null}>
      <Title3 as="h1">{t.paneTitle}</Title3>
      {busy && (
        <div role="status">
          <Text>{busy === 'reading' ? t.reading : t.writing}</Text>
          <ProgressBar />
        </div>
      )}
      {report && (
        <Card>
          <Text as="h2" weight="semibold" size={500} data-testid="verdict">
            {c.errors === 0 ? t.ready : t.notReady}
          </Text>
          <div className={styles.counts} data-testid="counts">
            <Badge color="danger" appearance={c.errors ? 'filled' : 'outline'}>{`${t.errors}: ${c.errors}`}</Badge>
            <Badge color="warning" appearance={c.warnings ? 'filled' : 'outline'}>{`${t.warnings}: ${c.warnings}`}</Badge>
            <Badge color="informative" appearance="outline">{`${t.notes}: ${c.notes}`}</Badge>
          </div>
        </Card>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy !== null || certain === 0} onClick={() => void fixAll()}>
          {t.fixAll(certain)}
        </Button>
        <Button disabled={busy !== null || !canUndo} onClick={() => void undo()}>
          {t.undo}
        </Button>
        <Button appearance="subtle" disabled={busy !== null} onClick={() => void refresh()}>
          {t.recheck}
        </Button>
      </div>
      {message && (
        <MessageBar intent="info" data-testid="message">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      <Divider />
      <Text as="h2" weight="semibold">
        {t.findingsTitle}
      </Text>
      {report && all.length === 0 && <Text>{t.noFindings}</Text>}
      <ul className={styles.list} aria-label={t.findingsTitle}>
        {report &&
          remainingFindings(report, []).map((f, i) => (
            <li key={`${f.sheet}!${f.cell}!${f.rule}!${i}`}>
              <Button className={styles.finding} appearance="subtle" onClick={() => void open(f)} data-finding={`${f.sheet}!${f.cell ?? ''}`}>
                <span className={styles.findingText}>
                  <span className={styles.cell}>
                    {f.cell ? t.cellLabel(f.sheet, f.cell) : f.sheet} · {f.rule}
                  </span>
                  <span>{langOf(env.office.displayLanguage) === 'en' ? f.messageEn : f.message}</span>
                </span>
              </Button>
            </li>
          ))}
      </ul>
    </main>
  );
}

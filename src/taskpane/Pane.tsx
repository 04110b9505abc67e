// The task pane "Periksa Sebelum Kirim": the verdict first, then what is still wrong and how to fix
// it, the table as Capaian understood it, and the report for the reviewer. It talks to Excel only
// through the add-in adapter (src/addin), so the same component runs in Excel and in the preview
// page (over the in-memory Excel).
import * as React from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import type { AddinEnv } from '../addin/recalculate';
import { FindingsView } from './FindingsView';
import { IgnoredView } from './IgnoredView';
import { allFindings, hasTable, isEmptyWorkbook, isOwnSheet } from './model';
import { certainFixes, usePane } from './usePane';
import { Verdict } from './Verdict';

// Loaded when first needed, so that the pane's first script stays small: the table view (tree, menus,
// dropdowns) when its tab opens, the confirmation when something is about to be written.
const TableView = React.lazy(() => import('./TableView'));
const ConfirmChangesDialog = React.lazy(() => import('./ConfirmChangesDialog'));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  title: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  tabs: { flexWrap: 'wrap' },
});

export interface PaneProps {
  env: AddinEnv;
  /** Called after anything was written or selected, so a host view (the preview grid) can refresh. */
  onChanged?: () => void;
  /** Clock (tests pass a fixed one). */
  now?: () => Date;
}

type Section = 'findings' | 'table' | 'ignored';

export function CapaianPane({ env, onChanged, now }: PaneProps): React.ReactElement {
  const styles = useStyles();
  const pane = usePane(env, onChanged, now);
  const { t, scan, busy, notice } = pane;
  const [section, setSection] = React.useState<Section>('findings');
  const tabId = useId('capaian-tab');

  // Once the first check is shown, fetch the dialogs in the background: the first click does not wait.
  const shown = scan !== null;
  React.useEffect(() => {
    if (!shown) return undefined;
    const timer = setTimeout(() => {
      void import('./ConfirmChangesDialog');
      void import('./IgnoreDialog');
    }, 1000);
    return () => clearTimeout(timer);
  }, [shown]);

  const report = scan?.report ?? null;
  const findings = report ? allFindings(report) : [];
  const certain = certainFixes(report).length;
  const empty = scan ? isEmptyWorkbook(scan.read.snapshot) : false;
  const tableFound = report ? hasTable(report) : false;
  // Protected sheets that hold a table (a protected cover page does not matter).
  const protectedSheets = scan ? scan.read.protectedSheets.filter((s) => !isOwnSheet(s) && scan.report.sheets.some((r) => r.name === s && r.layout)) : [];
  const disabled = busy !== null;
  const busyLabel = busy === 'reading' ? (pane.progress ? t.checkingSheets(pane.progress.done, pane.progress.total) : t.reading) : busy === 'writing' ? t.writing : busy === 'report' ? t.writingReport : busy === 'saving' ? t.savingChoice : '';

  return (
    <section className={styles.root} aria-label={t.paneLabel} aria-busy={busy !== null} data-testid="capaian-pane">
      <Title3 as="h1" className={styles.title}>
        {t.paneTitle}
      </Title3>

      <div role="status" aria-live="polite">
        {busy && (
          <Field label={busyLabel} data-testid="progress">
            <ProgressBar
              thickness="large"
              value={busy === 'reading' && pane.progress ? pane.progress.done / pane.progress.total : undefined}
            />
          </Field>
        )}
      </div>

      <div aria-live="polite">
        {notice && (
          <MessageBar layout="multiline" intent={notice.intent} data-testid="message">
            <MessageBarBody data-testid="message-text">{notice.text}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" size="small" onClick={pane.dismissNotice}>
                  {t.close}
                </Button>
              }
            />
          </MessageBar>
        )}
      </div>

      {scan && empty && (
        <MessageBar layout="multiline" intent="info" data-testid="state-empty">
          <MessageBarBody>{t.emptyWorkbook}</MessageBarBody>
        </MessageBar>
      )}
      {scan && !empty && !tableFound && (
        <MessageBar layout="multiline" intent="warning" data-testid="state-no-table">
          <MessageBarBody>
            {t.noTable} {t.noTableHint}
          </MessageBarBody>
        </MessageBar>
      )}
      {protectedSheets.length > 0 && (
        <MessageBar layout="multiline" intent="warning" data-testid="protected-notice">
          <MessageBarBody>{t.protectedNotice(protectedSheets)}</MessageBarBody>
        </MessageBar>
      )}

      {report && tableFound && <Verdict report={report} t={t} />}

      <div className={styles.actions} role="group" aria-label={t.actionsLabel}>
        {tableFound && (
          <Button appearance="primary" disabled={disabled || certain === 0} onClick={pane.askFixAll} data-testid="fix-all">
            {t.fixAll(certain)}
          </Button>
        )}
        <Button disabled={disabled || !pane.canUndo} onClick={() => void pane.undo()} data-testid="undo">
          {t.undo}
        </Button>
        <Button disabled={disabled} onClick={() => void pane.refresh()} data-testid="recheck">
          {t.recheck}
        </Button>
        {tableFound && (
          <Button disabled={disabled} onClick={() => void pane.writeReport()} data-testid="write-report">
            {t.reportButton}
          </Button>
        )}
      </div>

      {scan && !empty && (
        <>
          <TabList
            className={styles.tabs}
            selectedValue={section}
            onTabSelect={(_, d) => setSection(d.value as Section)}
            aria-label={t.sectionsLabel}
            size="small"
          >
            <Tab value="findings" id={`${tabId}-findings`}>
              {t.tabFindings}
            </Tab>
            <Tab value="table" id={`${tabId}-table`}>
              {t.tabTable}
            </Tab>
            <Tab value="ignored" id={`${tabId}-ignored`}>
              {t.tabIgnored(pane.ignored.filter((g) => !isOwnSheet(g.sheet)).length)}
            </Tab>
          </TabList>
          <div role="tabpanel" aria-labelledby={`${tabId}-${section}`}>
            {section === 'findings' && report && <FindingsView pane={pane} report={report} findings={findings} />}
            {section === 'table' && report && (
              <React.Suspense fallback={<Spinner size="small" label={t.reading} />}>
                <TableView pane={pane} report={report} snapshot={scan.read.snapshot} />
              </React.Suspense>
            )}
            {section === 'ignored' && <IgnoredView pane={pane} />}
          </div>
        </>
      )}

      {pane.pending && (
        <React.Suspense fallback={null}>
          <ConfirmChangesDialog pane={pane} protectedSheets={protectedSheets} />
        </React.Suspense>
      )}
    </section>
  );
}

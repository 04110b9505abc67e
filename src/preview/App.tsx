// The preview page: Capaian working without Excel. A workbook shown as a grid, the ribbon's
// actions as buttons, and the real task pane beside it — all through the same office-js adapter,
// over an in-memory implementation of the Excel API.
import * as React from 'react';
import { Button, Divider, MessageBar, MessageBarBody, Tab, TabList, Text, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { hitungUlangCapaian, type AddinEnv } from '../addin/recalculate';
import { analyzeHere, noteRouteOnPage, workerEngine, type Analyze } from '../addin/engine-client';
import { langOf, strings } from '../addin/i18n';
import type { ExcelLike, OfficeContextLike } from '../addin/excel-like';
import { CapaianPane } from '../taskpane/Pane';
import { createFakeExcel } from './fake-excel';
import { SheetGrid } from './grid';
import { openXlsx, saveXlsx, type OpenedWorkbook } from './xlsx-io';

const useStyles = makeStyles({
  page: { display: 'grid', gridTemplateRows: 'auto auto auto 1fr', height: '100vh', fontFamily: tokens.fontFamilyBase },
  ribbon: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, padding: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexWrap: 'wrap' },
  group: { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: '2px' },
  body: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 380px', minHeight: 0 },
  sheet: { display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0 },
  pane: { borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, overflowY: 'auto', minHeight: 0 },
});

const query = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
// ?lang=en: the preview's Office speaks English (as Office with an English display language).
const displayLanguage = query.get('lang') === 'en' ? 'en-US' : 'id-ID';
// One engine worker for the page's life; the page notes which way each check ran (data-capaian-engine).
// ?engine=here runs the engine on the page's thread instead (to compare, e.g. how long the page is blocked).
const previewEngine: Analyze =
  query.get('engine') === 'here'
    ? (snapshot, options) => (noteRouteOnPage('here'), analyzeHere(snapshot, options))
    : workerEngine({ onRoute: noteRouteOnPage });

export function PreviewApp(): React.ReactElement {
  const styles = useStyles();
  const t = strings(langOf(displayLanguage));
  const [opened, setOpened] = React.useState<OpenedWorkbook | null>(null);
  const [fileName, setFileName] = React.useState('seed.xlsx');
  const [version, setVersion] = React.useState(0);
  const [status, setStatus] = React.useState<string | null>(null);
  const [paneOpen, setPaneOpen] = React.useState(true);
  const [paneKey, setPaneKey] = React.useState(0);
  const [running, setRunning] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);

  const fake = React.useMemo(() => (opened ? createFakeExcel(opened.model, {}) : null), [opened]);
  const env: AddinEnv | null = React.useMemo(
    () => (fake ? { Excel: fake.Excel as ExcelLike, office: fake.Office.context as OfficeContextLike, analyze: previewEngine } : null),
    [fake],
  );

  const load = React.useCallback(async (data: ArrayBuffer, name: string) => {
    const o = await openXlsx(data);
    o.model.displayLanguage = displayLanguage;
    document.documentElement.lang = langOf(displayLanguage);
    setOpened(o);
    setFileName(name);
    setStatus(null);
    setPaneKey((k) => k + 1);
    setVersion((v) => v + 1);
  }, []);

  React.useEffect(() => {
    void (async () => {
      const res = await fetch('seed.xlsx');
      await load(await res.arrayBuffer(), 'seed.xlsx');
    })();
  }, [load]);

  if (!opened || !env) return <Text role="status">{t.preview.loading}</Text>;
  const model = opened.model;
  const visible = model.sheets.filter((s) => s.visibility === 'Visible');

  const recalc = async () => {
    setRunning(true);
    try {
      const r = await hitungUlangCapaian(env);
      setStatus(r.message);
    } finally {
      setRunning(false);
      setVersion((v) => v + 1);
      setPaneKey((k) => k + 1);
    }
  };
  const save = async () => {
    const bytes = await saveXlsx(opened);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName.replace(/\.xlsx$/i, '') + '-capaian.xlsx';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  };

  return (
    <div className={styles.page}>
      <header className={styles.ribbon} aria-label={t.preview.ribbon}>
        <Text weight="semibold">{t.preview.title}</Text>
        <Divider vertical />
        <div className={styles.group} role="group" aria-label={t.ribbonGroup}>
          <Toolbar>
            <Button appearance="primary" disabled={running} onClick={() => void recalc()}>
              {t.recalcButton}
            </Button>
            <Button onClick={() => setPaneOpen((o) => !o)} aria-pressed={paneOpen}>
              {t.checkButton}
            </Button>
          </Toolbar>
          <Text size={200}>{t.ribbonGroup}</Text>
        </div>
        <Divider vertical />
        <Toolbar aria-label={t.preview.files}>
          <Button onClick={() => fileInput.current?.click()}>{t.preview.open}</Button>
          <Button onClick={() => void save()}>{t.preview.save}</Button>
        </Toolbar>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx"
          hidden
          aria-label={t.preview.chooseFile}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void f.arrayBuffer().then((b) => load(b, f.name));
          }}
        />
        <Text size={200}>{fileName}</Text>
      </header>
      <div aria-live="polite">
        {status && (
          <MessageBar intent="success" data-testid="status">
            <MessageBarBody>{status}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <TabList
        selectedValue={model.activeSheet}
        onTabSelect={(_, d) => {
          model.activeSheet = String(d.value);
          setVersion((v) => v + 1);
        }}
        aria-label={t.preview.sheets}
      >
        {visible.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.body} style={paneOpen ? undefined : { gridTemplateColumns: '1fr' }}>
        <section className={styles.sheet} aria-label={t.preview.workbook}>
          <SheetGrid
            model={model}
            sheetName={model.activeSheet}
            version={version}
            onSelect={(address) => {
              model.selection = { sheet: model.activeSheet, address };
              setVersion((v) => v + 1);
            }}
          />
        </section>
        {paneOpen && (
          <aside className={styles.pane} aria-label={t.preview.pane}>
            <CapaianPane key={paneKey} env={env} onChanged={() => setVersion((v) => v + 1)} />
          </aside>
        )}
      </div>
    </div>
  );
}

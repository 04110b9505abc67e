// What is still wrong, grouped by program or by rule: each finding with its message, cell, value
// found and value expected; a click selects the cell; "Perbaiki" applies its repair (after the
// confirmation), "Abaikan" sets it aside with an optional reason.
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Finding, Fix, Severity, WorkbookReport } from '../engine/types';
import { findingKey, findingPlace, fixForFinding, formatValue, groupByProgram, groupByRule, messageOf, ruleTitle } from './model';
import type { PaneController } from './usePane';

// The dialog loads when first needed (the pane's first script stays small).
const IgnoreDialog = React.lazy(() => import('./IgnoreDialog'));

/** Findings shown per group before "Tampilkan semua". */
export const GROUP_LIMIT = 50;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
  select: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    height: 'auto',
    minWidth: 0,
    width: '100%',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightRegular,
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, alignItems: 'flex-start', whiteSpace: 'normal', minWidth: 0, overflowWrap: 'anywhere' },
  meta: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  cell: { fontFamily: tokens.fontFamilyMonospace },
  values: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, justifyContent: 'flex-end', flexWrap: 'wrap' },
  header: { minWidth: 0, overflowWrap: 'anywhere' },
  empty: { paddingTop: tokens.spacingVerticalS },
});

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

type Grouping = 'program' | 'rule';

export function FindingsView({
  pane,
  report,
  findings,
}: {
  pane: PaneController;
  report: WorkbookReport;
  findings: Finding[];
}): React.ReactElement {
  const styles = useStyles();
  const { t, lang } = pane;
  const [grouping, setGrouping] = React.useState<Grouping>('program');
  const [ignoring, setIgnoring] = React.useState<Finding | null>(null);
  const groups =
    grouping === 'program' ? groupByProgram(report, findings, { sheetLevel: t.sheetLevel, unnamedRow: t.unnamedRow }) : groupByRule(findings, lang);
  const sheetOf = new Map(report.sheets.map((s) => [s.name, s]));

  return (
    <div className={styles.root}>
      <Field label={t.groupLabel}>
        <RadioGroup layout="horizontal" value={grouping} onChange={(_, d) => setGrouping(d.value as Grouping)} data-testid="grouping">
          <Radio value="program" label={t.groupByProgram} />
          <Radio value="rule" label={t.groupByRule} />
        </RadioGroup>
      </Field>
      {findings.length === 0 ? (
        <Text className={styles.empty} data-testid="no-findings">
          {t.allCorrect}
        </Text>
      ) : (
        <Accordion key={grouping} multiple collapsible defaultOpenItems={groups.map((g) => g.key)} data-testid="finding-groups" data-grouping={grouping}>
          {groups.map((g) => (
            <AccordionItem key={g.key} value={g.key} data-testid="finding-group" data-group={g.key}>
              <AccordionHeader size="small">
                <span className={styles.header}>
                  {g.title} <Text size={200}>({t.groupCount(g.findings.length)})</Text>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <GroupList
                  findings={g.findings}
                  fixOf={(f) => fixForFinding(sheetOf.get(f.sheet), f)}
                  pane={pane}
                  onIgnore={setIgnoring}
                />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
      {ignoring && (
        <React.Suspense fallback={null}>
          <IgnoreDialog
            finding={ignoring}
            t={t}
            lang={lang}
            onCancel={() => setIgnoring(null)}
            onConfirm={(f, reason) => {
              setIgnoring(null);
              void pane.ignore(f, reason);
            }}
          />
        </React.Suspense>
      )}
    </div>
  );
}

function GroupList({
  findings,
  fixOf,
  pane,
  onIgnore,
}: {
  findings: Finding[];
  fixOf: (f: Finding) => Fix | undefined;
  pane: PaneController;
  onIgnore: (f: Finding) => void;
}): React.ReactElement {
  const styles = useStyles();
  const [all, setAll] = React.useState(false);
  const shown = all ? findings : findings.slice(0, GROUP_LIMIT);
  return (
    <>
      <ul className={styles.list}>
        {shown.map((f, i) => (
          <FindingItem key={`${findingKey(f)}#${i}`} finding={f} fix={fixOf(f)} pane={pane} onIgnore={onIgnore} />
        ))}
      </ul>
      {!all && findings.length > GROUP_LIMIT && (
        <Button appearance="subtle" onClick={() => setAll(true)}>
          {pane.t.showAll(findings.length)}
        </Button>
      )}
    </>
  );
}

function FindingItem({ finding: f, fix, pane, onIgnore }: { finding: Finding; fix: Fix | undefined; pane: PaneController; onIgnore: (f: Finding) => void }): React.ReactElement {
  const styles = useStyles();
  const { t, lang } = pane;
  const place = findingPlace(f);
  const disabled = pane.busy !== null;
  const showValues = f.actual !== null || f.expected !== null;
  return (
    <li className={styles.item} data-testid="finding" data-cell={place} data-rule={f.rule} data-severity={f.severity}>
      <Button appearance="subtle" className={styles.select} onClick={() => void pane.select(f)} data-testid="finding-select">
        <span className={styles.text}>
          <span className={styles.meta}>
            <Badge size="small" appearance="tint" color={SEVERITY_COLOR[f.severity]}>
              {t.severity[f.severity]}
            </Badge>
            <Text size={200} className={styles.cell}>
              {place}
            </Text>
            <Text size={200}>{ruleTitle(f, lang)}</Text>
          </span>
          <Text>{messageOf(f, lang)}</Text>
          {showValues && (
            <Text size={200} className={styles.values}>
              {`${t.foundLabel}: ${formatValue(f.actual, lang)}`}
              {f.expected !== null && ` · ${t.expectedLabel}: ${formatValue(f.expected, lang)}`}
            </Text>
          )}
        </span>
      </Button>
      <div className={styles.actions}>
        {fix && (
          <Button size="small" disabled={disabled} onClick={() => pane.askFix(fix)} aria-label={t.fixOneLabel(place)} data-testid="finding-fix" data-certain={fix.certain}>
            {fix.certain ? t.fixOne : `${t.fixOne} (${t.suggestionTag})`}
          </Button>
        )}
        <Button size="small" appearance="subtle" disabled={disabled} onClick={() => onIgnore(f)} aria-label={t.ignoreLabel(place)} data-testid="finding-ignore">
          {t.ignore}
        </Button>
      </div>
    </li>
  );
}

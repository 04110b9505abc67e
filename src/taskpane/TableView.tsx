// "Tabel yang dipahami": per sheet, which columns were taken as what (a dropdown per role to
// correct one, or to say "(tidak ada)": the role is not in this table), the budget tree
// (program → kegiatan → sub kegiatan) with capaian and predicate band and a menu to set a row's
// level, and each indicator with its polarity. Every choice is saved in the workbook's document
// settings (it travels with the file) and the table is checked again.
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Dropdown,
  Field,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Option,
  Text,
  Tree,
  TreeItem,
  TreeItemLayout,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { BudgetRow, ColumnRole, Level, Polarity, SheetReport, SheetSnapshot, WorkbookReport, WorkbookSnapshot } from '../engine/types';
import {
  BUDGET_ROLES,
  INDICATOR_ROLES,
  budgetCapaian,
  columnOptions,
  flattenTree,
  formatPercent,
  indicatorViews,
  predicateOf,
  uncertainRows,
  type ColumnOption,
} from './model';
import type { PaneController } from './usePane';

const LEVELS: Level[] = ['program', 'kegiatan', 'subKegiatan'];
/** Option value of "(tidak ada)": the role is not in the table. */
const NONE = 'none';
const POLARITIES: Polarity[] = ['higher', 'lower', 'lowerRatio', 'range'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  dropdown: { minWidth: 0, width: '100%' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  indicator: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  aside: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  band: { whiteSpace: 'nowrap', flexShrink: 0 },
  name: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
  node: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS, minWidth: 0 },
});

type BandColor = 'success' | 'brand' | 'warning' | 'severe' | 'danger';

function bandColor(capaian: number | null): BandColor {
  if (capaian === null) return 'brand';
  if (capaian >= 91) return 'success';
  if (capaian >= 76) return 'brand';
  if (capaian >= 66) return 'warning';
  if (capaian >= 51) return 'severe';
  return 'danger';
}

function hasContent(sheet: SheetSnapshot | undefined): boolean {
  return !!sheet?.cells.some((r) => r?.some((c) => c && c.value !== null && c.value !== ''));
}

function optionText(o: ColumnOption): string {
  return o.header ? `${o.letter} — ${o.header}` : o.letter;
}

export default function TableView({ pane, report, snapshot }: { pane: PaneController; report: WorkbookReport; snapshot: WorkbookSnapshot }): React.ReactElement {
  const styles = useStyles();
  const { t } = pane;
  // Sheets with a table, and sheets with content but no recognised table (so the person can point it out).
  const sheets = report.sheets.filter((s) => s.layout || hasContent(snapshot.sheets.find((x) => x.name === s.name)));
  const first = sheets.find((s) => s.layout) ?? sheets[0];
  return (
    <div className={styles.root} data-testid="table-view">
      <Text as="p" size={200}>
        {t.tableIntro}
      </Text>
      <Accordion multiple collapsible defaultOpenItems={first ? [first.name] : []}>
        {sheets.map((s) => (
          <AccordionItem key={s.name} value={s.name} data-testid="table-sheet" data-sheet={s.name}>
            <AccordionHeader size="small">
              {s.name}
              {s.layout?.quarter ? ` · ${t.quarter(s.layout.quarter)}` : ''}
            </AccordionHeader>
            <AccordionPanel>
              <SheetTable pane={pane} sheet={s} snapshot={snapshot} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}

function SheetTable({ pane, sheet, snapshot }: { pane: PaneController; sheet: SheetReport; snapshot: WorkbookSnapshot }): React.ReactElement {
  const styles = useStyles();
  const { t } = pane;
  const layout = sheet.layout;
  const sheetSnapshot = snapshot.sheets.find((s) => s.name === sheet.name);
  const options = React.useMemo(() => columnOptions(sheetSnapshot, layout), [sheetSnapshot, layout]);
  const overrides = pane.choices.columnOverrides?.[sheet.name] ?? {};
  const disabled = pane.busy !== null;
  const roleField = (role: ColumnRole) => {
    const col = layout?.columns[role];
    const current = col !== undefined ? options.find((o) => o.col === col) : undefined;
    const chosen = overrides[role] !== undefined;
    // Set to "(tidak ada)" by the person: the role is not in this table. Not found by the detection:
    // the placeholder says so and nothing is selected.
    const none = overrides[role] === null && col === undefined;
    return (
      <Field key={role} label={t.role[role]} hint={chosen ? t.columnChosen : undefined} size="small">
        <Dropdown
          className={styles.dropdown}
          size="small"
          disabled={disabled}
          placeholder={t.columnNotFound}
          value={current ? optionText(current) : none ? t.columnNone : ''}
          selectedOptions={current ? [String(current.col)] : none ? [NONE] : []}
          onOptionSelect={(_, d) => {
            if (d.optionValue === NONE) {
              if (!none) void pane.setColumn(sheet.name, role, null);
            } else if (d.optionValue !== undefined && Number(d.optionValue) !== col) void pane.setColumn(sheet.name, role, Number(d.optionValue));
          }}
          data-testid="column-role"
          data-role={role}
        >
          <Option key={NONE} value={NONE} text={t.columnNone}>
            {t.columnNone}
          </Option>
          {options.map((o) => (
            <Option key={o.col} value={String(o.col)} text={optionText(o)}>
              {optionText(o)}
            </Option>
          ))}
        </Dropdown>
      </Field>
    );
  };

  return (
    <div className={styles.panel}>
      <Text size={200}>
        {layout
          ? t.sheetSummary(layout.headerTop + 1, layout.headerBottom + 1, layout.firstDataRow + 1, layout.lastDataRow + 1)
          : t.noLayoutSheet}
      </Text>

      <section aria-label={`${t.columnsTitle} ${sheet.name}`} className={styles.fields}>
        <Text as="h3" weight="semibold" className={styles.heading}>
          {t.columnsTitle}
        </Text>
        <Text as="h4" size={200} weight="semibold" className={styles.heading}>
          {t.budgetColumns}
        </Text>
        {BUDGET_ROLES.map(roleField)}
        <Text as="h4" size={200} weight="semibold" className={styles.heading}>
          {t.indicatorColumns}
        </Text>
        {INDICATOR_ROLES.map(roleField)}
        {Object.keys(overrides).length > 0 && (
          <Button size="small" disabled={disabled} onClick={() => void pane.resetColumns(sheet.name)} data-testid="reset-columns">
            {t.resetColumns}
          </Button>
        )}
      </section>

      {layout && (
        <>
          <section aria-label={t.treeLabel(sheet.name)} className={styles.fields}>
            <Text as="h3" weight="semibold" className={styles.heading}>
              {t.treeTitle}
            </Text>
            {sheet.programs.length === 0 ? <Text>{t.noTree}</Text> : <BudgetTree pane={pane} sheet={sheet} />}
          </section>
          <section aria-label={`${t.indicatorsTitle} ${sheet.name}`} className={styles.fields}>
            <Text as="h3" weight="semibold" className={styles.heading}>
              {t.indicatorsTitle}
            </Text>
            <Indicators pane={pane} sheet={sheet} snapshot={snapshot} />
          </section>
        </>
      )}
    </div>
  );
}

/** Up to this many rows the whole tree opens; a larger one opens its programs only. */
export const TREE_OPEN_ALL = 200;

function BudgetTree({ pane, sheet }: { pane: PaneController; sheet: SheetReport }): React.ReactElement {
  const uncertain = uncertainRows(sheet);
  const rows = flattenTree(sheet.programs);
  const open = (rows.length <= TREE_OPEN_ALL ? rows.filter((r) => r.children.length) : sheet.programs).map((r) => `${sheet.name}!${r.row}`);
  return (
    <Tree aria-label={pane.t.treeLabel(sheet.name)} size="small" defaultOpenItems={open} data-testid="budget-tree">
      {sheet.programs.map((p) => (
        <BudgetNode key={p.row} pane={pane} sheet={sheet} row={p} uncertain={uncertain} />
      ))}
    </Tree>
  );
}

function BudgetNode({ pane, sheet, row, uncertain }: { pane: PaneController; sheet: SheetReport; row: BudgetRow; uncertain: Set<number> }): React.ReactElement {
  const styles = useStyles();
  const { t, lang } = pane;
  const capaian = budgetCapaian(row);
  const band = predicateOf(capaian, lang);
  const levelText = row.level ? t.level[row.level] : t.levelUnknown;
  const doubt = uncertain.has(row.row);
  return (
    <TreeItem itemType={row.children.length ? 'branch' : 'leaf'} value={`${sheet.name}!${row.row}`} data-testid="tree-item" data-row={row.row + 1} data-level={row.level ?? ''}>
      <TreeItemLayout actions={<LevelMenu pane={pane} sheet={sheet.name} row={row} />}>
        <span className={styles.node}>
          <span className={styles.name}>
            <Text size={200} weight="semibold">
              {levelText}
              {row.levelBy === 'user' ? ` (${t.levelChosen})` : ''}
              {doubt ? ` (${t.levelUnknown.toLowerCase()})` : ''}
            </Text>{' '}
            <Text size={200}>{row.nama || t.rowLabel(row.row + 1)}</Text>
          </span>
          <span className={styles.aside}>
            <Text size={200}>{`${t.capaianLabel} ${formatPercent(capaian)}`}</Text>
            {band && (
              <Badge size="small" appearance="tint" color={bandColor(capaian)} className={styles.band}>
                {band}
              </Badge>
            )}
          </span>
        </span>
      </TreeItemLayout>
      {row.children.length > 0 && (
        <Tree>
          {row.children.map((c) => (
            <BudgetNode key={c.row} pane={pane} sheet={sheet} row={c} uncertain={uncertain} />
          ))}
        </Tree>
      )}
    </TreeItem>
  );
}

function LevelMenu({ pane, sheet, row }: { pane: PaneController; sheet: string; row: BudgetRow }): React.ReactElement {
  const { t } = pane;
  return (
    <Menu
      checkedValues={{ level: row.level ? [row.level] : [] }}
      onCheckedValueChange={(_, d) => {
        const level = d.checkedItems[0] as Level | undefined;
        if (level && level !== row.level) void pane.setLevel(sheet, row.row, level);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle" disabled={pane.busy !== null} aria-label={t.levelMenuLabel(row.row + 1, row.nama)} data-testid="level-menu">
          {t.levelMenu}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {LEVELS.map((l) => (
            <MenuItemRadio key={l} name="level" value={l}>
              {t.level[l]}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function Indicators({ pane, sheet, snapshot }: { pane: PaneController; sheet: SheetReport; snapshot: WorkbookSnapshot }): React.ReactElement {
  const styles = useStyles();
  const { t, lang } = pane;
  const views = indicatorViews(sheet, snapshot.sheets.find((s) => s.name === sheet.name), pane.choices.polarity);
  if (views.length === 0) return <Text>{t.noIndicators}</Text>;
  return (
    <ul className={styles.list}>
      {views.map((v) => {
        const band = predicateOf(v.capaian, lang);
        return (
          <li key={v.row} className={styles.indicator} data-testid="indicator" data-row={v.row + 1} data-polarity={v.polarity}>
            <Field label={t.polarityLabel(v.nama, v.row + 1)} hint={v.chosen ? t.columnChosen : undefined} size="small">
              <Dropdown
                className={styles.dropdown}
                size="small"
                disabled={pane.busy !== null}
                value={t.polarity[v.polarity]}
                selectedOptions={[v.polarity]}
                onOptionSelect={(_, d) => {
                  const p = d.optionValue as Polarity | undefined;
                  if (p && p !== v.polarity) void pane.setPolarity(sheet.name, v.row, p);
                }}
                data-testid="polarity"
              >
                {POLARITIES.map((p) => (
                  <Option key={p} value={p}>
                    {t.polarity[p]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <span className={styles.aside}>
              <Text size={200}>{`${t.capaianLabel}: ${formatPercent(v.capaian)}`}</Text>
              {band && (
                <Badge size="small" appearance="tint" color={bandColor(v.capaian)} className={styles.band}>
                  {band}
                </Badge>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}


// Findings set aside ("Abaikan"), with their reason; each can be raised again.
import * as React from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ruleMeta } from '../engine/rules/catalogue';
import { findingPlace, isOwnSheet } from './model';
import type { PaneController } from './usePane';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none', paddingTop: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
  place: { fontFamily: tokens.fontFamilyMonospace },
  reason: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

export function IgnoredView({ pane }: { pane: PaneController }): React.ReactElement {
  const styles = useStyles();
  const { t, lang } = pane;
  const list = pane.ignored.filter((g) => !isOwnSheet(g.sheet));
  if (list.length === 0) return <Text as="p">{t.noIgnored}</Text>;
  return (
    <ul className={styles.list} aria-label={t.ignoredTitle} data-testid="ignored-list">
      {list.map((g) => {
        const place = findingPlace({ sheet: g.sheet, cell: g.cell ?? undefined });
        return (
          <li key={`${place}#${g.rule}`} className={styles.item} data-testid="ignored" data-cell={place} data-rule={g.rule}>
            <Text>
              <span className={styles.place}>{place}</span> · {ruleMeta(g.rule).title[lang]}
            </Text>
            <Text size={200} className={styles.reason}>
              {g.reason || t.noReason}
            </Text>
            <div className={styles.actions}>
              <Button size="small" disabled={pane.busy !== null} onClick={() => void pane.unignore(g)} aria-label={t.unignoreLabel(place)}>
                {t.unignore}
              </Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

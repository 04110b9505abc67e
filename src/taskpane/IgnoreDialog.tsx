// "Abaikan": the finding, why it will not be raised again, and an optional reason.
import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Text, Textarea } from '@fluentui/react-components';
import type { Finding } from '../engine/types';
import type { Lang, Strings } from '../addin/i18n';
import { findingPlace, messageOf } from './model';

export default function IgnoreDialog({
  finding,
  t,
  lang,
  onCancel,
  onConfirm,
}: {
  finding: Finding | null;
  t: Strings;
  lang: Lang;
  onCancel: () => void;
  onConfirm: (f: Finding, reason: string) => void;
}): React.ReactElement {
  const [reason, setReason] = React.useState('');
  React.useEffect(() => setReason(''), [finding]);
  return (
    <Dialog open={finding !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        {finding && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              onConfirm(finding, reason);
            }}
          >
            <DialogBody>
              <DialogTitle>{t.ignoreTitle}</DialogTitle>
              <DialogContent>
                <Text as="p" block>
                  <Text weight="semibold">{findingPlace(finding)}</Text> — {messageOf(finding, lang)}
                </Text>
                <Text as="p" block size={200}>
                  {t.ignoreIntro}
                </Text>
                <Field label={t.reasonLabel}>
                  <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" data-testid="ignore-reason" />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button type="submit" appearance="primary" data-testid="confirm-ignore">
                  {t.ignoreConfirm}
                </Button>
                <Button onClick={onCancel}>{t.cancel}</Button>
              </DialogActions>
            </DialogBody>
          </form>
        )}
      </DialogSurface>
    </Dialog>
  );
}

/** @jest-environment jsdom */
import * as React from 'react';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme, Dialog, DialogSurface, DialogBody, DialogTitle, DialogActions, Button, Dropdown, Option, Field } from '@fluentui/react-components';

function T() {
  const [open, setOpen] = React.useState(false);
  const [v, setV] = React.useState('a');
  return (
    <FluentProvider theme={webLightTheme}>
      <Button onClick={() => setOpen(true)}>Open</Button>
      <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
        <DialogSurface><DialogBody><DialogTitle>Sure?</DialogTitle><DialogActions><Button onClick={() => setOpen(false)}>Yes</Button></DialogActions></DialogBody></DialogSurface>
      </Dialog>
      <Field label="Pagu"><Dropdown value={v} selectedOptions={[v]} onOptionSelect={(_, d) => setV(d.optionValue!)}><Option value="a">a</Option><Option value="b">b</Option></Dropdown></Field>
      <span data-testid="v">{v}</span>
    </FluentProvider>
  );
}
test('smoke', async () => {
  render(<T />);
  fireEvent.click(screen.getByText('Open'));
  expect(await screen.findByRole('dialog')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Yes' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  fireEvent.click(screen.getByRole('combobox', { name: 'Pagu' }));
  fireEvent.click(await screen.findByRole('option', { name: 'b' }));
  expect(screen.getByTestId('v').textContent).toBe('b');
});

// Renders the task pane over the in-memory Excel, and small tables to check it with.
import * as React from 'react';
import { act, configure, render, screen, waitFor, within, type RenderResult } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ExcelLike, OfficeContextLike } from '../../src/addin/excel-like';
import type { AddinEnv } from '../../src/addin/recalculate';
import type { WorkbookSnapshot } from '../../src/engine/types';
import { createFakeExcel, modelFromSnapshot, type FakeExcel, type FakeWorkbookModel } from '../../src/preview/fake-excel';
import { CapaianPane } from '../../src/taskpane/Pane';
import { snapshotFromWorkbook } from '../../src/xlsx/snapshot';
import { buildFixture } from '../fixtures/build-fixtures';

// jsdom has no ResizeObserver (Fluent's MessageBar watches its own width); browsers and Office webviews do.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as unknown as { ResizeObserver?: unknown };
g.ResizeObserver ??= NoResizeObserver;

// A check of the seed workbook takes a few seconds under jsdom.
configure({ asyncUtilTimeout: 15000 });

export const NOW = new Date('2025-05-12T03:30:00Z');

export function isDisabled(el: HTMLElement): boolean {
  return (el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true';
}

export interface Rendered extends RenderResult {
  fake: FakeExcel;
  env: AddinEnv;
  changed: jest.Mock;
}

/** The pane over the in-memory Excel; `analyze` stands for the engine's worker when given. */
export function renderPane(model: FakeWorkbookModel, analyze?: AddinEnv['analyze']): Rendered {
  const fake = createFakeExcel(model);
  const env: AddinEnv = { Excel: fake.Excel as ExcelLike, office: fake.Office.context as OfficeContextLike, analyze };
  const changed = jest.fn();
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <CapaianPane env={env} onChanged={changed} now={() => NOW} />
    </FluentProvider>,
  );
  return { ...utils, fake, env, changed };
}

export function renderSnapshot(snapshot: WorkbookSnapshot, extra: Parameters<typeof modelFromSnapshot>[1] = {}): Rendered {
  return renderPane(modelFromSnapshot(snapshot, extra));
}

/** Waits until the pane has finished reading or writing. */
export async function settled(): Promise<void> {
  await waitFor(() => expect(screen.getByTestId('capaian-pane').getAttribute('aria-busy')).toBe('false'), { timeout: 20000 });
}

/** The list item of the finding at "sheet!cell" (of a rule, when given). */
export function findingItem(place: string, rule?: string): HTMLElement {
  const items = screen.getAllByTestId('finding').filter((e) => e.getAttribute('data-cell') === place && (!rule || e.getAttribute('data-rule') === rule));
  if (items.length !== 1) throw new Error(`expected one finding at ${place}${rule ? ` (${rule})` : ''}, found ${items.length}`);
  return items[0];
}

/**
 * The open dialog, once it is usable. jsdom quirk: tabster activates a Fluent dialog's modalizer when
 * focus enters it, and in jsdom the dialog's own initial focus does not always count; until then the
 * dialog is aria-hidden. Focusing its first button (what a keyboard or mouse user does) activates it.
 */
export async function openDialog(): Promise<HTMLElement> {
  const dialog = await waitFor(() => {
    const d = document.querySelector<HTMLElement>('[role="dialog"]');
    if (!d) throw new Error('no dialog');
    return d;
  });
  const first = dialog.querySelector<HTMLElement>('button, textarea');
  act(() => first?.focus());
  await waitFor(() => expect(dialog.getAttribute('aria-hidden')).toBeNull());
  return dialog;
}

/** Waits until the dialog is gone and the pane is accessible again (tabster lifts aria-hidden a moment later). */
export async function dialogClosed(): Promise<void> {
  await waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
  await waitFor(() => expect(screen.getByTestId('capaian-pane').closest('[aria-hidden="true"]')).toBeNull());
}

export function queryFindingItems(place: string): HTMLElement[] {
  return screen.queryAllByTestId('finding').filter((e) => e.getAttribute('data-cell') === place);
}

export function countOf(kind: 'errors' | 'warnings' | 'notes'): number {
  return Number(screen.getByTestId(`count-${kind}`).getAttribute('data-count'));
}

export function message(): string {
  return screen.getByTestId('message-text').textContent ?? '';
}

export { within };

// ---------------------------------------------------------------------------
// Tables.

export { correctSheet, faultySheet } from './helpers-data';

let seed: WorkbookSnapshot | null = null;
/** The seed workbook (four quarterly tables of 2022, defects kept), as a snapshot. */
export async function seedSnapshot(): Promise<WorkbookSnapshot> {
  seed ??= snapshotFromWorkbook(await buildFixture('seed'));
  return JSON.parse(JSON.stringify(seed)) as WorkbookSnapshot;
}

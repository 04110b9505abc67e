// Small builders for the fake-excel tests.
import { createFakeExcel, type FakeExcelOptions } from '../../src/preview/fake-excel/excel';
import { createSheet, createWorkbookModel, setCell, type FakeWorkbookModel } from '../../src/preview/fake-excel/model';

/** { Sheet1: { A1: 1, B1: '=A1*2' } } -> a model (cells written as typed, then recalculated). */
export function modelWith(
  sheets: Record<string, Record<string, number | string | boolean>>,
  extra: Partial<FakeWorkbookModel> = {},
): FakeWorkbookModel {
  const model = createWorkbookModel({ ...extra, sheets: Object.keys(sheets).map((name) => createSheet(name)) });
  for (const [name, cells] of Object.entries(sheets)) for (const [a1, v] of Object.entries(cells)) setCell(model, name, a1, v);
  return model;
}

export function fake(sheets: Record<string, Record<string, number | string | boolean>>, extra: Partial<FakeWorkbookModel> = {}, opts: FakeExcelOptions = {}) {
  return createFakeExcel(modelWith(sheets, extra), opts);
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ code?: string; message: string; name?: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; message: string };
  }
  throw new Error('expected the promise to reject');
}

/** The error thrown by f (fails the test when it does not throw). */
export function thrown(f: () => unknown): { code?: string; message: string } {
  try {
    f();
  } catch (e) {
    return e as { code?: string; message: string };
  }
  throw new Error('expected a throw');
}

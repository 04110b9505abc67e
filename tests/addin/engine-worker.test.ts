// The engine behind the pane's Web Worker: the same report as on the pane's thread, progress on the
// way, and a clean fall back to the pane's thread whenever the worker cannot do the job.
import { analyzeWorkbook } from '../../src/engine/analyze';
import type { WorkbookReport, WorkbookSnapshot } from '../../src/engine/types';
import type { EngineRequest, EngineResponse } from '../../src/addin/engine-protocol';
import { analyzeHere, workerEngine, type WorkerLike } from '../../src/addin/engine-client';
import { handleEngineRequest } from '../../src/addin/engine-worker-core';
import { scan } from '../../src/addin/recalculate';
import { snapshotFromWorkbook } from '../../src/xlsx/snapshot';
import { createFakeExcel } from '../../src/preview/fake-excel';
import { openXlsx } from '../../src/preview/xlsx-io';
import type { ExcelLike, OfficeContextLike } from '../../src/addin/excel-like';
import { buildFixture } from '../fixtures/build-fixtures';

let seed: WorkbookSnapshot;
let direct: WorkbookReport;

beforeAll(async () => {
  seed = snapshotFromWorkbook(await buildFixture('seed'));
  direct = analyzeWorkbook(seed);
});

/** A worker that runs the real worker code in this process, copying every message as a browser would. */
function inProcessWorker(measure?: () => ((t: string, f: string, s: number) => number) | undefined) {
  const listeners: Record<string, ((e: unknown) => void)[]> = {};
  const posted: EngineRequest[] = [];
  let terminated = false;
  const w: WorkerLike & { posted: EngineRequest[]; fire(type: string): void; terminated(): boolean } = {
    posted,
    postMessage(m: EngineRequest) {
      const copy = structuredClone(m);
      posted.push(copy);
      setImmediate(() =>
        handleEngineRequest(copy, (r: EngineResponse) => {
          const back = structuredClone(r);
          for (const l of listeners.message ?? []) l({ data: back });
        }, measure),
      );
    },
    addEventListener(type: string, l: (e: never) => void) {
      (listeners[type] ??= []).push(l as (e: unknown) => void);
    },
    terminate() {
      terminated = true;
    },
    fire(type: string) {
      for (const l of listeners[type] ?? []) l({});
    },
    terminated: () => terminated,
  };
  return w;
}

test('the report crosses the worker boundary intact (no functions, no class instances lost)', () => {
  expect(structuredClone(direct)).toStrictEqual(direct);
});

test('the worker code answers with the same report as the engine on this thread, telling progress per sheet', () => {
  const out: EngineResponse[] = [];
  handleEngineRequest({ id: 7, snapshot: structuredClone(seed), options: {}, measure: false }, (m) => out.push(m));
  const progress = out.filter((m) => m.kind === 'progress') as Extract<EngineResponse, { kind: 'progress' }>[];
  const total = seed.sheets.length + 1;
  expect(progress.map((p) => p.done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  expect(progress.every((p) => p.total === total && p.id === 7)).toBe(true);
  const last = out[out.length - 1];
  expect(last.kind).toBe('report');
  expect(last.kind === 'report' && last.report).toStrictEqual(direct);
});

test('workerEngine: analysis in the worker, progress relayed, the saved choices passed along', async () => {
  const w = inProcessWorker();
  const routes: string[] = [];
  const analyze = workerEngine({ createWorker: () => w, fallback: () => Promise.reject(new Error('must not run here')), onRoute: (r) => routes.push(r) });
  const steps: number[] = [];
  const options = { levels: { 'TW I!10': 'kegiatan' as const }, onProgress: (d: number) => steps.push(d) };
  const report = await analyze(seed, options);
  expect(report).toStrictEqual(analyzeWorkbook(seed, { levels: options.levels }));
  expect(routes).toEqual(['worker']);
  expect(steps[steps.length - 1]).toBe(seed.sheets.length + 1);
  expect(w.posted[0].options).toEqual({ levels: { 'TW I!10': 'kegiatan' } });
  // The worker is made once and reused.
  await analyze(seed, {});
  expect(w.posted).toHaveLength(2);
});

test('no Worker in this browser: the same analysis runs on this thread', async () => {
  const routes: string[] = [];
  const analyze = workerEngine({
    createWorker: () => {
      throw new Error('no Worker in this browser');
    },
    onRoute: (r, why) => routes.push(`${r}:${why}`),
  });
  expect(await analyze(seed, {})).toStrictEqual(direct);
  expect(routes).toEqual(['here:no Worker in this browser']);
});

test('a worker that fails to load: the waiting analysis and every later one run on this thread', async () => {
  const listeners: ((e: unknown) => void)[] = [];
  const dead: WorkerLike = {
    postMessage: () => setImmediate(() => listeners.forEach((l) => l({}))),
    addEventListener: (type: string, l: (e: never) => void) => {
      if (type === 'error') listeners.push(l as (e: unknown) => void);
    },
    terminate: () => undefined,
  };
  let made = 0;
  const routes: string[] = [];
  const analyze = workerEngine({ createWorker: () => (made++, dead), onRoute: (r) => routes.push(r) });
  expect(await analyze(seed, {})).toStrictEqual(direct);
  expect(await analyze(seed, {})).toStrictEqual(direct);
  expect(routes).toEqual(['here', 'here']);
  expect(made).toBe(1);
});

test('asked to measure text where the worker has no OffscreenCanvas: measured on this thread instead, never estimated', async () => {
  const w = inProcessWorker(() => undefined);
  const widths: string[] = [];
  const measureText = (text: string) => (widths.push(text), text.length * 6);
  const analyze = workerEngine({ createWorker: () => w });
  const report = await analyze(seed, { measureText });
  expect(report).toStrictEqual(analyzeWorkbook(seed, { measureText }));
  expect(widths.length).toBeGreaterThan(0);
  expect(w.terminated()).toBe(true);
});

test('an error of the engine is reported, not hidden by running it twice', async () => {
  const w = inProcessWorker();
  let fellBack = 0;
  const analyze = workerEngine({ createWorker: () => w, fallback: (s, o) => (fellBack++, analyzeHere(s, o)) });
  const broken = { sheets: null } as unknown as WorkbookSnapshot;
  await expect(analyze(broken, {})).rejects.toThrow();
  expect(fellBack).toBe(0);
});

test('scan() uses the environment\'s engine and relays its progress', async () => {
  const wb = await buildFixture('seed');
  const opened = await openXlsx((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const fake = createFakeExcel(opened.model, {});
  const w = inProcessWorker();
  const steps: number[] = [];
  const env = { Excel: fake.Excel as ExcelLike, office: fake.Office.context as OfficeContextLike, analyze: workerEngine({ createWorker: () => w }) };
  const r = await scan(env, (d) => steps.push(d));
  expect(w.posted).toHaveLength(1);
  expect(r.report.summary).toEqual(direct.summary);
  expect(steps.length).toBeGreaterThan(1);
});

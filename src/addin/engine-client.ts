// The pane's way to the engine: in a Web Worker when the browser allows it, so that reading a big
// workbook does not freeze the pane; on the pane's own thread otherwise (same engine, same report).
import type { AnalyzeOptions, WorkbookReport, WorkbookSnapshot } from '../engine/types';
import { plainOptions, type EngineRequest, type EngineResponse } from './engine-protocol';

/** Analyzes a snapshot; options may carry measureText (asks the worker to measure too) and onProgress. */
export type Analyze = (snapshot: WorkbookSnapshot, options: AnalyzeOptions) => Promise<WorkbookReport>;

/** The part of the Worker API used here. */
export interface WorkerLike {
  postMessage(m: EngineRequest): void;
  addEventListener(type: 'message', listener: (e: { data: EngineResponse }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (e: unknown) => void): void;
  terminate(): void;
}

declare const __CAPAIAN_BUILD__: string | undefined;

/** URL of the worker's script, next to the page; the build id keeps a cached old worker from being used. */
export function engineWorkerUrl(): string {
  return typeof __CAPAIAN_BUILD__ === 'string' ? `engine-worker.js?v=${encodeURIComponent(__CAPAIAN_BUILD__)}` : 'engine-worker.js';
}

/** The engine on this thread, loaded when first needed (it is not part of the pane's first script). */
export const analyzeHere: Analyze = async (snapshot, options) => {
  const { analyzeWorkbook } = await import('../engine/analyze');
  return analyzeWorkbook(snapshot, options);
};

/** Notes on the page which way the last analysis ran (`<html data-capaian-engine="worker|here">`). */
export function noteRouteOnPage(route: 'worker' | 'here'): void {
  document.documentElement.dataset.capaianEngine = route;
}

export interface WorkerEngineOptions {
  /** Makes the worker; default `new Worker(url)`. */
  createWorker?: () => WorkerLike;
  /** Used when there is no worker, or it failed to start, or it cannot measure text. */
  fallback?: Analyze;
  /** Told which way each analysis went (for the page's diagnostics and the tests). */
  onRoute?: (route: 'worker' | 'here', why?: string) => void;
}

interface Pending {
  req: EngineRequest;
  options: AnalyzeOptions;
  resolve: (r: WorkbookReport) => void;
  reject: (e: Error) => void;
}

/**
 * An Analyze that runs in a Web Worker. The worker is made on first use and kept; if it cannot be made,
 * fails to load, or answers "unavailable", this and every later analysis runs on this thread instead.
 */
export function workerEngine(opts: WorkerEngineOptions = {}): Analyze {
  const fallback = opts.fallback ?? analyzeHere;
  const create =
    opts.createWorker ??
    (() => {
      if (typeof Worker === 'undefined') throw new Error('no Worker in this browser');
      return new Worker(engineWorkerUrl()) as unknown as WorkerLike;
    });
  let worker: WorkerLike | null = null;
  let broken: string | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const runHere = (p: Pending, why: string) => {
    pending.delete(p.req.id);
    opts.onRoute?.('here', why);
    fallback(p.req.snapshot, p.options).then(p.resolve, p.reject);
  };

  const giveUp = (why: string) => {
    broken = why;
    if (worker) {
      try {
        worker.terminate();
      } catch {
        // Already gone.
      }
    }
    worker = null;
    for (const p of [...pending.values()]) runHere(p, why);
  };

  const start = (): WorkerLike | null => {
    if (worker || broken) return worker;
    try {
      const w = create();
      w.addEventListener('message', (e) => {
        const m = e.data;
        const p = pending.get(m.id);
        if (!p) return;
        if (m.kind === 'progress') p.options.onProgress?.(m.done, m.total);
        else if (m.kind === 'report') {
          pending.delete(m.id);
          opts.onRoute?.('worker');
          p.resolve(m.report);
        } else if (m.kind === 'error') {
          pending.delete(m.id);
          p.reject(new Error(m.message));
        } else giveUp(m.reason);
      });
      // A script that does not load (or a message that cannot be read) is not the workbook's fault.
      w.addEventListener('error', () => giveUp('the worker failed to start'));
      w.addEventListener('messageerror', () => giveUp('a message to the worker could not be read'));
      worker = w;
    } catch (e) {
      broken = e instanceof Error ? e.message : String(e);
    }
    return worker;
  };

  return (snapshot, options) =>
    new Promise<WorkbookReport>((resolve, reject) => {
      const req: EngineRequest = { id: nextId++, snapshot, options: plainOptions(options), measure: !!options.measureText };
      const p: Pending = { req, options, resolve, reject };
      const w = start();
      if (!w) return runHere(p, broken ?? 'no worker');
      pending.set(req.id, p);
      try {
        w.postMessage(req);
      } catch (e) {
        // DataCloneError and the like: this thread can still do it.
        runHere(p, e instanceof Error ? e.message : String(e));
      }
    });
}

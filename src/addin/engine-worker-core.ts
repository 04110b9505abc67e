// What the engine's worker does with one request: analyze, telling progress on the way.
// Kept apart from the worker's entry so that tests can run it in-process.
import { analyzeWorkbook } from '../engine/analyze';
import type { AnalyzeOptions } from '../engine/types';
import type { EngineRequest, EngineResponse } from './engine-protocol';
import { canvasMeasure } from './measure';

type Measure = NonNullable<AnalyzeOptions['measureText']>;

/** A canvas text measure from OffscreenCanvas, or undefined where the worker has none. */
export function offscreenMeasure(): Measure | undefined {
  if (typeof OffscreenCanvas === 'undefined') return undefined;
  const ctx = new OffscreenCanvas(1, 1).getContext('2d');
  return ctx ? canvasMeasure(ctx) : undefined;
}

export function handleEngineRequest(req: EngineRequest, post: (m: EngineResponse) => void, measure: () => Measure | undefined = offscreenMeasure): void {
  let measureText: Measure | undefined;
  if (req.measure) {
    measureText = measure();
    if (!measureText) {
      post({ id: req.id, kind: 'unavailable', reason: 'no OffscreenCanvas in the worker' });
      return;
    }
  }
  try {
    const report = analyzeWorkbook(req.snapshot, {
      ...req.options,
      measureText,
      onProgress: (done, total) => post({ id: req.id, kind: 'progress', done, total }),
    });
    post({ id: req.id, kind: 'report', report });
  } catch (e) {
    post({ id: req.id, kind: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

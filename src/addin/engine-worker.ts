// Entry of the engine's Web Worker (webpack entry "engine-worker"): the pane posts a workbook
// snapshot, the worker answers with the report, so the pane stays responsive meanwhile.
import type { AnalyzeOptions } from '../engine/types';
import type { EngineRequest, EngineResponse } from './engine-protocol';
import { handleEngineRequest, offscreenMeasure } from './engine-worker-core';

interface WorkerScope {
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
  postMessage(m: EngineResponse): void;
}

const scope = self as unknown as WorkerScope;
// One canvas for the worker's life, made when first asked for.
let measure: { fn: AnalyzeOptions['measureText'] } | null = null;
const sharedMeasure = () => (measure ??= { fn: offscreenMeasure() }).fn;

scope.onmessage = (e) => handleEngineRequest(e.data, (m) => scope.postMessage(m), sharedMeasure);

// Messages between the pane and the engine's Web Worker (src/addin/engine-worker.ts).
import type { AnalyzeOptions, WorkbookReport, WorkbookSnapshot } from '../engine/types';

/** The analysis options that can cross into a worker (no functions). */
export type PlainAnalyzeOptions = Pick<AnalyzeOptions, 'columnOverrides' | 'polarity' | 'levels' | 'sheets'>;

export interface EngineRequest {
  id: number;
  snapshot: WorkbookSnapshot;
  options: PlainAnalyzeOptions;
  /** Measure text widths with a canvas (as the pane does) rather than estimate them. */
  measure: boolean;
}

export type EngineResponse =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'report'; report: WorkbookReport }
  | { id: number; kind: 'error'; message: string }
  /** The worker cannot do what was asked the way the pane would (no OffscreenCanvas to measure text). */
  | { id: number; kind: 'unavailable'; reason: string };

export function plainOptions(options: AnalyzeOptions): PlainAnalyzeOptions {
  const { columnOverrides, polarity, levels, sheets } = options;
  return { columnOverrides, polarity, levels, sheets };
}

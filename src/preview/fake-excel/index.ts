// In-memory Excel for tests and the preview page: see model.ts (the workbook) and excel.ts (the API).
export * from './model';
export * from './address';
export { createFakeExcel, DEFAULT_PAYLOAD_LIMIT, MAX_MERGED_AREAS, MAX_READ_CELLS } from './excel';
export type { FakeExcel, FakeExcelOptions, FakeExcelStats, RunRecord } from './excel';
export { ErrorCodes, FakeExcelError, isPayloadLimitError } from './errors';
export type { FakeDebugInfo } from './errors';

// Errors shaped like office-js's OfficeExtension.Error (runtime name "RichApi.Error"): `code`,
// `message`, `debugInfo { code, message, errorLocation }`, and toString() "Code: message".

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

export class FakeExcelError extends Error {
  readonly code: string;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    // Keep instanceof working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, FakeExcelError.prototype);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

const DOCS_LIMITS = 'https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins';

export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidObjectPath: 'InvalidObjectPath',
  invalidOperation: 'InvalidOperation',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  propertyNotLoaded: 'PropertyNotLoaded',
  rangeExceedsLimit: 'RangeExceedsLimit',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  runMustReturnPromise: 'RunMustReturnPromise',
} as const;

export function propertyNotLoaded(property: string, entity?: string): FakeExcelError {
  return new FakeExcelError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    entity ? `${entity}.${property}` : property,
  );
}

/** Reading a property of an object whose isNullObject is true (stricter than office-js, which returns undefined). */
export function nullObjectRead(property: string, entity: string): FakeExcelError {
  return new FakeExcelError(
    ErrorCodes.invalidObjectPath,
    `The object path '${entity}' isn't working for what you're trying to do: the object is a null object (isNullObject is true), so its property '${property}' has no value. Check isNullObject before reading it.`,
    `${entity}.${property}`,
  );
}

export function invalidObjectPath(location: string, why: string): FakeExcelError {
  return new FakeExcelError(
    ErrorCodes.invalidObjectPath,
    `The object path '${location}' isn't working for what you're trying to do. ${why}`,
    location,
  );
}

export function itemNotFound(location: string): FakeExcelError {
  return new FakeExcelError(ErrorCodes.itemNotFound, "The requested resource doesn't exist.", location);
}

export function itemAlreadyExists(location: string): FakeExcelError {
  return new FakeExcelError(ErrorCodes.itemAlreadyExists, 'The resource already exists.', location);
}

export function invalidArgument(location: string, message = 'The argument is invalid or missing or has an incorrect format.'): FakeExcelError {
  return new FakeExcelError(ErrorCodes.invalidArgument, message, location);
}

export function dimensionMismatch(location: string): FakeExcelError {
  return invalidArgument(location, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
}

export function protectedSheet(location: string): FakeExcelError {
  return new FakeExcelError(
    ErrorCodes.accessDenied,
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
    location,
  );
}

export function generalException(location: string): FakeExcelError {
  return new FakeExcelError(ErrorCodes.generalException, 'There was an internal error while processing the request.', location);
}

export function apiNotFound(location: string, set: string, version: string): FakeExcelError {
  return new FakeExcelError(
    ErrorCodes.apiNotFound,
    `The API you are trying to use could not be found. It may be available in a newer version of Excel (${location} needs ${set} ${version}). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/reference/requirement-sets/excel-api-requirement-sets" for more information.`,
    location,
  );
}

export function requestTooLarge(bytes: number, limit: number): FakeExcelError {
  return new FakeExcelError(
    ErrorCodes.requestPayloadSizeLimitExceeded,
    `The request payload size has exceeded the limit (${bytes} > ${limit} bytes). Please refer to the documentation: "${DOCS_LIMITS}".`,
  );
}

export function responseTooLarge(bytes: number, limit: number): FakeExcelError {
  return new FakeExcelError(
    ErrorCodes.responsePayloadSizeLimitExceeded,
    `The response payload size has exceeded the limit (${bytes} > ${limit} bytes). Please refer to the documentation: "${DOCS_LIMITS}".`,
  );
}

export function rangeTooLarge(location: string, cells: number): FakeExcelError {
  return new FakeExcelError(
    ErrorCodes.rangeExceedsLimit,
    `The cell count in the range has exceeded the maximum supported number (${cells} > 5000000 cells for a read).`,
    location,
  );
}

export function runMustReturnPromise(): FakeExcelError {
  return new FakeExcelError(
    ErrorCodes.runMustReturnPromise,
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  );
}

/** True for either payload limit error (request or response). */
export function isPayloadLimitError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === ErrorCodes.requestPayloadSizeLimitExceeded || code === ErrorCodes.responsePayloadSizeLimitExceeded;
}

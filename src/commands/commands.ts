// Function commands of the ribbon: manifest.xml <FunctionFile> -> commands.html -> this bundle.
//
// "Hitung Ulang Capaian" (ExecuteFunction, FunctionName hitungUlangCapaian) runs the one-click repair of
// src/addin/recalculate.ts and tells the user what it did in a small dialog (message.html): a function
// command has no UI of its own, and the docs name displayDialogAsync as the way for one to show a result
// or an error. Office closes the command's runtime when event.completed() is called (and after 5 minutes
// in any case), so completed() is called once the dialog is gone, at the latest before the 5 minutes:
// always, also when the repair or the dialog fails.
import { analyzeWorkbook } from '../engine/analyze';
import type { ExcelLike, OfficeContextLike } from '../addin/excel-like';
import { langOf, type Lang } from '../addin/i18n';
import { hitungUlangCapaian } from '../addin/recalculate';

/** The <FunctionName> of the button in manifest.xml (tests/manifest checks they match). */
export const RECALC_ACTION = 'hitungUlangCapaian';

/** Office ends a function command after 5 minutes; everything here is done within this budget. */
export const COMMAND_BUDGET_MS = 4.5 * 60_000;
/** Of that budget, the repair itself may take this long before the user is told it did not finish. */
export const RUN_BUDGET_MS = 4 * 60_000;

/** The part of Office.AddinCommands.Event used here. */
export interface CommandEvent {
  completed(options?: unknown): void;
}

const FAILURE = {
  id: {
    failed: (msg: string) => `Hitung Ulang Capaian tidak dapat dijalankan: ${msg}`,
    timeout: 'Hitung Ulang Capaian belum selesai setelah 4 menit. Periksa hasilnya dengan Periksa Sebelum Kirim.',
  },
  en: {
    failed: (msg: string) => `Recalculate Capaian could not run: ${msg}`,
    timeout: 'Recalculate Capaian did not finish within 4 minutes. Check the result with Check Before Sending.',
  },
} as const;

class CommandTimeout extends Error {}

function errorText(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  if (e && typeof e === 'object' && 'message' in e && typeof (e as { message: unknown }).message === 'string') return (e as { message: string }).message;
  return String(e);
}

/** The sentence shown when the repair threw or did not finish. */
export function failureMessage(lang: Lang, e: unknown): string {
  return e instanceof CommandTimeout ? FAILURE[lang].timeout : FAILURE[lang].failed(errorText(e));
}

function withTimeout<T>(promise: Promise<T>, ms: number, timers: Timers): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = timers.setTimeout(() => reject(new CommandTimeout()), ms);
    promise.then(
      (v) => {
        timers.clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        timers.clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface RecalcDeps {
  /** Runs the repair; resolves with the sentence for the user. */
  run(): Promise<{ message: string }>;
  /** Language of the messages (Office's display language). */
  lang(): Lang;
  /** Shows the sentence; resolves when the user has seen it (dialog closed) or `budgetMs` is over. */
  notify(message: string, lang: Lang, budgetMs: number): Promise<void>;
  timers?: Timers;
  log?(e: unknown): void;
}

/** The handler associated with RECALC_ACTION: run, tell, and always complete the event. */
export function makeRecalcHandler(deps: RecalcDeps): (event: CommandEvent) => Promise<void> {
  const timers = deps.timers ?? realTimers;
  const log = deps.log ?? ((e: unknown) => console.error('Capaian:', e));
  return async (event) => {
    const started = timers.now();
    try {
      let lang: Lang = 'id';
      try {
        lang = deps.lang();
      } catch (e) {
        log(e);
      }
      let message: string;
      try {
        message = (await withTimeout(deps.run(), RUN_BUDGET_MS, timers)).message;
      } catch (e) {
        log(e);
        message = failureMessage(lang, e);
      }
      try {
        await deps.notify(message, lang, Math.max(0, COMMAND_BUDGET_MS - (timers.now() - started)));
      } catch (e) {
        log(e);
      }
    } finally {
      try {
        event.completed();
      } catch (e) {
        log(e);
      }
    }
  };
}

// ---------------------------------------------------------------------------
// The message dialog (message.html).

/** Dialog size in percent of the screen (Office enforces at least 250 × 150 px). */
export const DIALOG_OPTIONS = { height: 30, width: 35, displayInIframe: true } as const;

/** At most this much of the sentence goes into the dialog URL. */
const MAX_MESSAGE_CHARS = 1500;

/** https://…/message.html?m=<sentence>&l=<id|en>, next to the page this code runs in (same origin: required). */
export function messagePageUrl(baseHref: string, message: string, lang: Lang): string {
  const url = new URL('message.html', baseHref);
  const text = message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS - 1)}…` : message;
  url.searchParams.set('m', text);
  url.searchParams.set('l', lang);
  return url.toString();
}

/** The parts of Office.Dialog and Office.context.ui used by showMessageDialog. */
export interface DialogLike {
  addEventHandler(eventType: unknown, handler: (arg: unknown) => void): void;
  close(): void;
}
export interface DialogAsyncResult {
  status: unknown;
  value: DialogLike;
  error?: { code?: number; message?: string };
}
export interface DialogUiLike {
  displayDialogAsync(startAddress: string, options: typeof DIALOG_OPTIONS, callback: (result: DialogAsyncResult) => void): void;
}
export interface DialogConstants {
  /** Office.AsyncResultStatus.Succeeded */
  succeeded: unknown;
  /** Office.EventType.DialogMessageReceived (the page asks to be closed) */
  messageReceived: unknown;
  /** Office.EventType.DialogEventReceived (closed with its X, or it failed to load) */
  eventReceived: unknown;
}

/**
 * Opens message.html with the sentence; resolves once it is closed (its "Tutup" button or its own
 * countdown send a message, then this closes it; or the user closes it), when it cannot be opened,
 * or after `budgetMs` (then it is closed here). Never rejects.
 */
export function showMessageDialog(
  ui: DialogUiLike,
  url: string,
  budgetMs: number,
  constants: DialogConstants,
  timers: Timers = realTimers,
  log: (e: unknown) => void = () => {},
): Promise<void> {
  return new Promise<void>((resolve) => {
    let done = false;
    let dialog: DialogLike | null = null;
    let timer: unknown = null;
    const finish = (closeIt: boolean) => {
      if (done) return;
      done = true;
      if (timer !== null) timers.clearTimeout(timer);
      if (closeIt && dialog) {
        try {
          dialog.close();
        } catch (e) {
          log(e);
        }
      }
      resolve();
    };
    timer = timers.setTimeout(() => finish(true), budgetMs);
    try {
      ui.displayDialogAsync(url, DIALOG_OPTIONS, (result) => {
        if (result.status !== constants.succeeded) {
          log(result.error ?? result);
          finish(false);
          return;
        }
        dialog = result.value;
        if (done) {
          // The budget ran out while the dialog was opening.
          try {
            dialog.close();
          } catch (e) {
            log(e);
          }
          return;
        }
        dialog.addEventHandler(constants.messageReceived, () => finish(true));
        dialog.addEventHandler(constants.eventReceived, () => finish(false));
      });
    } catch (e) {
      log(e);
      finish(false);
    }
  });
}

// ---------------------------------------------------------------------------
// Wiring in the real function-file runtime.

function register(): void {
  const handler = makeRecalcHandler({
    run: () =>
      hitungUlangCapaian({
        Excel: Excel as unknown as ExcelLike,
        office: Office.context as unknown as OfficeContextLike,
        // The engine is part of this bundle: a function command has no UI to keep responsive, and its
        // runtime then needs no further script to load.
        analyze: async (snapshot, options) => analyzeWorkbook(snapshot, options),
      }),
    lang: () => langOf(Office.context.displayLanguage),
    notify: (message, lang, budgetMs) =>
      showMessageDialog(
        Office.context.ui as unknown as DialogUiLike,
        messagePageUrl(window.location.href, message, lang),
        budgetMs,
        {
          succeeded: Office.AsyncResultStatus.Succeeded,
          messageReceived: Office.EventType.DialogMessageReceived,
          eventReceived: Office.EventType.DialogEventReceived,
        },
        realTimers,
        (e) => console.error('Capaian:', e),
      ),
  });
  // The id is written out (not RECALC_ACTION) so that tests/manifest can find it next to the manifest's FunctionName.
  Office.actions.associate('hitungUlangCapaian', (event?: CommandEvent) => {
    void handler(event ?? { completed: () => {} });
  });
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => register());
}

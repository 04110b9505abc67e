// The ribbon's function command (src/commands/commands.ts) and its message dialog (src/commands/message.ts),
// without Office: the handler always completes the event, the dialog is closed and waited for.
import {
  COMMAND_BUDGET_MS,
  DIALOG_OPTIONS,
  RUN_BUDGET_MS,
  failureMessage,
  makeRecalcHandler,
  messagePageUrl,
  showMessageDialog,
  type DialogAsyncResult,
  type DialogLike,
  type Timers,
} from '../../src/commands/commands';
import { autoCloseSeconds, readParams } from '../../src/commands/message';

/** Timers driven by the test: advance(ms) fires what is due. */
function fakeTimers(): Timers & { advance(ms: number): void; pending(): number } {
  let now = 1_000_000;
  let next = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++;
      due.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => {
      due.delete(id as number);
    },
    advance(ms) {
      now += ms;
      for (const [id, t] of [...due].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now && due.has(id)) {
          due.delete(id);
          t.fn();
        }
      }
    },
    pending: () => due.size,
  };
}

const flush = () => new Promise<void>((r) => setImmediate(r));

function event() {
  const e = { completed: jest.fn() };
  return e;
}

describe('makeRecalcHandler', () => {
  test('runs, shows the sentence, then completes the event once', async () => {
    const order: string[] = [];
    const notify = jest.fn(async (m: string, _lang: string, _budgetMs: number) => {
      order.push(`notify:${m}`);
    });
    const e = event();
    e.completed.mockImplementation(() => order.push('completed'));
    const handler = makeRecalcHandler({
      run: async () => ({ message: '3 sel diperbaiki, 0 perlu diperiksa.' }),
      lang: () => 'id',
      notify,
      log: () => {},
    });
    await handler(e);
    expect(order).toEqual(['notify:3 sel diperbaiki, 0 perlu diperiksa.', 'completed']);
    expect(e.completed).toHaveBeenCalledTimes(1);
    const budget = notify.mock.calls[0][2];
    expect(budget).toBeGreaterThan(0);
    expect(budget).toBeLessThanOrEqual(COMMAND_BUDGET_MS);
  });

  test('a failing repair is told to the user (in the display language) and the event still completes', async () => {
    const notify = jest.fn(async () => {});
    const e = event();
    await makeRecalcHandler({
      run: async () => {
        throw new Error('RichApi.Error: The request failed');
      },
      lang: () => 'en',
      notify,
      log: () => {},
    })(e);
    expect(notify).toHaveBeenCalledWith('Recalculate Capaian could not run: RichApi.Error: The request failed', 'en', expect.any(Number));
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  test('a failing dialog, a failing language lookup, even a throwing completed(): the handler never rejects', async () => {
    const e = event();
    e.completed.mockImplementation(() => {
      throw new Error('already completed');
    });
    const log = jest.fn();
    const notify = jest.fn(async () => {
      throw new Error('12007');
    });
    await expect(
      makeRecalcHandler({
        run: async () => ({ message: 'ok' }),
        lang: () => {
          throw new Error('no context');
        },
        notify,
        log,
      })(e),
    ).resolves.toBeUndefined();
    expect(notify).toHaveBeenCalledWith('ok', 'id', expect.any(Number)); // Bahasa Indonesia by default
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledTimes(3);
  });

  test('failureMessage: the error text, in either language', () => {
    expect(failureMessage('id', new Error('boom'))).toBe('Hitung Ulang Capaian tidak dapat dijalankan: boom');
    expect(failureMessage('en', { message: 'OfficeExtension.Error' })).toBe('Recalculate Capaian could not run: OfficeExtension.Error');
    expect(failureMessage('id', 'teks')).toBe('Hitung Ulang Capaian tidak dapat dijalankan: teks');
  });

  test('a synchronous throw in run() completes too', async () => {
    const e = event();
    await makeRecalcHandler({
      run: () => {
        throw new TypeError('Excel is not defined');
      },
      lang: () => 'id',
      notify: async () => {},
      log: () => {},
    })(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  test('a repair that never finishes: after RUN_BUDGET_MS the user is told, the event completes before 5 minutes', async () => {
    const timers = fakeTimers();
    const e = event();
    const notify = jest.fn(async () => {});
    const done = makeRecalcHandler({ run: () => new Promise(() => {}), lang: () => 'id', notify, timers, log: () => {} })(e);
    await flush();
    expect(e.completed).not.toHaveBeenCalled();
    timers.advance(RUN_BUDGET_MS);
    await done;
    expect(notify).toHaveBeenCalledWith(expect.stringMatching(/belum selesai setelah 4 menit/), 'id', COMMAND_BUDGET_MS - RUN_BUDGET_MS);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(COMMAND_BUDGET_MS).toBeLessThan(5 * 60_000);
  });
});

describe('showMessageDialog', () => {
  const constants = { succeeded: 'succeeded', messageReceived: 'DialogMessageReceived', eventReceived: 'DialogEventReceived' };

  function fakeUi(result: Partial<DialogAsyncResult> | 'throw' | 'later') {
    const handlers = new Map<unknown, (arg: unknown) => void>();
    const dialog: DialogLike & { close: jest.Mock } = {
      addEventHandler: (type, fn) => handlers.set(type, fn),
      close: jest.fn(),
    };
    let callback: ((r: DialogAsyncResult) => void) | null = null;
    const ui = {
      displayDialogAsync: jest.fn((_url: string, _options: unknown, cb: (r: DialogAsyncResult) => void) => {
        if (result === 'throw') throw new Error('no ui');
        if (result === 'later') callback = cb;
        else cb({ status: 'succeeded', value: dialog, ...result });
      }),
    };
    return { ui, dialog, handlers, open: () => callback?.({ status: 'succeeded', value: dialog }) };
  }

  test('opens message.html in a small dialog and resolves when the page asks to close (then closes it)', async () => {
    const timers = fakeTimers();
    const { ui, dialog, handlers } = fakeUi({});
    let resolved = false;
    const p = showMessageDialog(ui, 'https://localhost:3000/message.html?m=x', 60_000, constants, timers).then(() => (resolved = true));
    expect(ui.displayDialogAsync).toHaveBeenCalledWith('https://localhost:3000/message.html?m=x', DIALOG_OPTIONS, expect.any(Function));
    await flush();
    expect(resolved).toBe(false);
    handlers.get('DialogMessageReceived')!({ message: 'tutup' });
    await p;
    expect(dialog.close).toHaveBeenCalledTimes(1);
    expect(timers.pending()).toBe(0);
  });

  test('closed with its X (DialogEventReceived 12006): resolves without closing again', async () => {
    const { ui, dialog, handlers } = fakeUi({});
    const p = showMessageDialog(ui, 'u', 60_000, constants, fakeTimers());
    handlers.get('DialogEventReceived')!({ error: 12006 });
    await p;
    expect(dialog.close).not.toHaveBeenCalled();
  });

  test('cannot open (e.g. 12007, or displayDialogAsync throws): resolves at once', async () => {
    const failed = fakeUi({ status: 'failed', error: { code: 12007, message: 'A dialog box is already opened' } });
    await showMessageDialog(failed.ui, 'u', 60_000, constants, fakeTimers());
    expect(failed.dialog.close).not.toHaveBeenCalled();
    await showMessageDialog(fakeUi('throw').ui, 'u', 60_000, constants, fakeTimers());
  });

  test('still open when the budget ends: closed and resolved', async () => {
    const timers = fakeTimers();
    const { ui, dialog } = fakeUi({});
    const p = showMessageDialog(ui, 'u', 30_000, constants, timers);
    timers.advance(30_000);
    await p;
    expect(dialog.close).toHaveBeenCalledTimes(1);
  });

  test('the budget ends before the dialog has opened: it is closed as soon as it opens', async () => {
    const timers = fakeTimers();
    const f = fakeUi('later');
    const p = showMessageDialog(f.ui, 'u', 1_000, constants, timers);
    timers.advance(1_000);
    await p;
    f.open();
    expect(f.dialog.close).toHaveBeenCalledTimes(1);
  });
});

describe('the message page', () => {
  test('messagePageUrl: next to the function file (same origin, also under a hosting path), sentence and language encoded', () => {
    const url = new URL(messagePageUrl('https://example.org/capaian/commands.html?_host_Info=Excel', 'Lembar "TW III" dilindungi & 2 sel berubah.', 'id'));
    expect(url.origin + url.pathname).toBe('https://example.org/capaian/message.html');
    expect(readParams(url.search)).toEqual({ message: 'Lembar "TW III" dilindungi & 2 sel berubah.', lang: 'id' });
    const long = messagePageUrl('https://localhost:3000/commands.html', 'x'.repeat(5000), 'en');
    expect(readParams(new URL(long).search).message.length).toBe(1500);
    expect(readParams(new URL(long).search).lang).toBe('en');
  });

  test('readParams: Bahasa Indonesia unless l=en; an empty sentence still says something', () => {
    expect(readParams('?m=Halo&l=xx')).toEqual({ message: 'Halo', lang: 'id' });
    expect(readParams('')).toEqual({ message: 'Selesai.', lang: 'id' });
    expect(readParams('?l=en')).toEqual({ message: 'Done.', lang: 'en' });
  });

  test('autoCloseSeconds: a few seconds, longer for longer sentences, at most 20', () => {
    expect(autoCloseSeconds('Semua capaian sudah benar; tidak ada yang diubah.')).toBeGreaterThanOrEqual(6);
    expect(autoCloseSeconds('x'.repeat(100))).toBeGreaterThan(autoCloseSeconds('x'));
    expect(autoCloseSeconds('x'.repeat(5000))).toBe(20);
  });
});

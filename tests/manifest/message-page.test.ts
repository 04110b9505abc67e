/**
 * @jest-environment jsdom
 */
// message.html + message.ts in a DOM: the sentence as text, the countdown that closes the dialog through
// messageParent, a click that stops it, "Tutup" before office.js is ready, and the fallback without office.js.
import * as fs from 'fs';
import * as path from 'path';
import { autoCloseSeconds, setupMessagePage, type OfficeForDialog } from '../../src/commands/message';

const html = fs.readFileSync(path.resolve(__dirname, '../../src/commands/message.html'), 'utf8');
const body = /<body>([\s\S]*)<\/body>/.exec(html)![1];

function load(search: string): void {
  window.history.replaceState({}, '', `/message.html${search}`);
  document.body.innerHTML = body;
}

function fakeOffice() {
  let ready: (() => void) | null = null;
  const messageParent = jest.fn();
  const office: OfficeForDialog = {
    onReady: (cb) => {
      ready = cb;
    },
    context: { ui: { messageParent } },
  };
  return { office, messageParent, makeReady: () => ready?.() };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('shows the sentence as text, counts down, then asks the command to close the dialog', () => {
  const message = '<b>2</b> sel diperbaiki, 1 perlu diperiksa — buka Periksa Sebelum Kirim.';
  load(`?m=${encodeURIComponent(message)}&l=id`);
  const { office, messageParent, makeReady } = fakeOffice();
  setupMessagePage(document, office);
  makeReady();
  expect(document.getElementById('pesan')!.textContent).toBe(message);
  expect(document.querySelector('#pesan b')).toBeNull(); // never parsed as HTML
  expect(document.getElementById('tutup')!.textContent).toBe('Tutup');
  const seconds = autoCloseSeconds(message);
  expect(document.getElementById('hitung')!.textContent).toBe(`Ditutup otomatis dalam ${seconds} detik`);
  jest.advanceTimersByTime((seconds - 1) * 1000);
  expect(messageParent).not.toHaveBeenCalled();
  jest.advanceTimersByTime(1000);
  expect(messageParent).toHaveBeenCalledTimes(1);
  jest.advanceTimersByTime(60_000);
  expect(messageParent).toHaveBeenCalledTimes(1); // the countdown stopped
});

test('a click in the text stops the countdown; "Tutup" closes', () => {
  load('?m=Halo&l=en');
  const { office, messageParent, makeReady } = fakeOffice();
  setupMessagePage(document, office);
  makeReady();
  expect(document.getElementById('tutup')!.textContent).toBe('Close');
  document.getElementById('pesan')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
  expect(document.getElementById('hitung')!.textContent).toBe('');
  jest.advanceTimersByTime(60_000);
  expect(messageParent).not.toHaveBeenCalled();
  document.getElementById('tutup')!.click();
  expect(messageParent).toHaveBeenCalledWith('tutup');
});

test('"Tutup" before office.js is ready is sent once it is; Escape closes too', () => {
  load('?m=Halo');
  const { office, messageParent, makeReady } = fakeOffice();
  setupMessagePage(document, office);
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
  expect(messageParent).not.toHaveBeenCalled();
  makeReady();
  expect(messageParent).toHaveBeenCalledTimes(1);
});

test('without office.js the page closes its own window', () => {
  load('?m=Halo');
  const close = jest.spyOn(window, 'close').mockImplementation(() => {});
  setupMessagePage(document, undefined);
  document.getElementById('tutup')!.click();
  expect(close).toHaveBeenCalled();
});

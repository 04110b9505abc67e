// The message dialog of "Hitung Ulang Capaian" (message.html?m=<sentence>&l=<id|en>, opened by commands.ts).
// Shows the sentence as text, counts down and closes itself, or closes with "Tutup" / Escape. A click or a key
// anywhere else stops the countdown (the user is reading). Closing = messageParent: the command then closes
// the dialog and completes; without office.js (the page opened on its own) it falls back to window.close().
import type { Lang } from '../addin/i18n';

export const MESSAGE_TEXT = {
  id: {
    close: 'Tutup',
    countdown: (s: number) => `Ditutup otomatis dalam ${s} detik`,
    empty: 'Selesai.',
  },
  en: {
    close: 'Close',
    countdown: (s: number) => `Closes in ${s} s`,
    empty: 'Done.',
  },
} as const;

/** What the URL carries: the sentence (m) and the language (l). */
export function readParams(search: string): { message: string; lang: Lang } {
  const params = new URLSearchParams(search);
  const lang: Lang = params.get('l') === 'en' ? 'en' : 'id';
  const message = (params.get('m') ?? '').trim() || MESSAGE_TEXT[lang].empty;
  return { message, lang };
}

/** Seconds before the dialog closes itself: 6 s plus time to read, at most 20 s. */
export function autoCloseSeconds(message: string): number {
  return Math.min(20, 6 + Math.ceil(message.length / 25));
}

/** The part of office.js this page uses. */
export interface OfficeForDialog {
  onReady(callback: () => void): unknown;
  context: { ui: { messageParent(message: string): void } };
}

export function setupMessagePage(doc: Document, office: OfficeForDialog | undefined): void {
  const win = doc.defaultView;
  const { message, lang } = readParams(win?.location.search ?? '');
  const t = MESSAGE_TEXT[lang];
  doc.documentElement.lang = lang;
  const text = doc.getElementById('pesan');
  const counter = doc.getElementById('hitung');
  const button = doc.getElementById('tutup') as HTMLButtonElement | null;
  if (text) text.textContent = message; // text, never HTML
  if (button) button.textContent = t.close;

  let ready = false;
  let closeRequested = false;
  const send = () => {
    try {
      office?.context.ui.messageParent('tutup');
    } catch {
      win?.close();
    }
  };
  const close = () => {
    stop();
    if (!office) {
      win?.close();
      return;
    }
    if (ready) send();
    else closeRequested = true;
  };
  if (office) {
    office.onReady(() => {
      ready = true;
      if (closeRequested) send();
    });
  }

  let left = autoCloseSeconds(message);
  let timer: ReturnType<typeof setInterval> | null = null;
  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    if (counter) counter.textContent = '';
  }
  const show = () => {
    if (counter) counter.textContent = t.countdown(left);
  };
  show();
  timer = setInterval(() => {
    left -= 1;
    if (left <= 0) close();
    else show();
  }, 1000);

  button?.addEventListener('click', close);
  button?.focus();
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
    else if (e.target !== button) stop();
  });
  doc.addEventListener('pointerdown', (e) => {
    if (e.target !== button) stop();
  });
}

/** In message.html (the bundle is deferred, so the elements exist); nothing happens anywhere else. */
function start(): void {
  if (!document.getElementById('pesan')) return;
  setupMessagePage(document, typeof Office !== 'undefined' ? (Office as unknown as OfficeForDialog) : undefined);
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}

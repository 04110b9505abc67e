// Task pane placeholder: the real "Periksa Sebelum Kirim" pane comes in the next release.
// For now the page only explains the command line and offers to copy the command.
// Uses no Office API and loads nothing from the network.

/** Copies `text` to the clipboard; false when the host does not allow it. */
async function copyText(doc: Document, text: string): Promise<boolean> {
  try {
    if (doc.defaultView?.navigator.clipboard) {
      await doc.defaultView.navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Clipboard API refused (no permission in the Office iframe): fall back below.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = doc.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** Wires the "Salin" button (hidden until the script runs). */
export function setupPage(doc: Document = document): void {
  const command = doc.getElementById('perintah');
  const button = doc.getElementById('salin') as HTMLButtonElement | null;
  const status = doc.getElementById('status');
  if (!command || !button || !status) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    const text = (command.textContent ?? '').trim();
    void copyText(doc, text).then((ok) => {
      status.textContent = ok ? 'Perintah disalin.' : 'Tidak dapat menyalin; pilih teks perintah lalu salin secara manual.';
    });
  });
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => setupPage());
  else setupPage();
}

// Entry of the task pane in Excel ("Periksa Sebelum Kirim"): waits for office.js, then renders the pane
// over the real Excel API. The same pane runs in the preview page over the in-memory Excel.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ExcelLike, OfficeContextLike } from '../addin/excel-like';
import { noteRouteOnPage, workerEngine } from '../addin/engine-client';
import { canvasMeasure } from '../addin/measure';
import { CapaianPane } from './Pane';

/** Canvas text measure: the width of a text in a font, in points (for "####" detection in Excel). */
function measureText(): ((text: string, fontName: string, fontSize: number) => number) | undefined {
  const ctx = document.createElement('canvas').getContext('2d');
  return ctx ? canvasMeasure(ctx) : undefined;
}

Office.onReady(() => {
  const env = {
    Excel: Excel as unknown as ExcelLike,
    office: Office.context as unknown as OfficeContextLike,
    measureText: measureText(),
    // The engine runs in a Web Worker (measuring with an OffscreenCanvas there), so the pane stays responsive.
    analyze: workerEngine({ onRoute: noteRouteOnPage }),
  };
  document.documentElement.lang = /^en\b/i.test(Office.context.displayLanguage ?? '') ? 'en' : 'id';
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <CapaianPane env={env} />
    </FluentProvider>,
  );
});

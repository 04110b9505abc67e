// Entry of the task pane in Excel ("Periksa Sebelum Kirim"): waits for office.js, then renders the pane
// over the real Excel API. The same pane runs in the preview page over the in-memory Excel.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ExcelLike, OfficeContextLike } from '../addin/excel-like';
import { CapaianPane } from './Pane';

/** Canvas text measure: the width of a text in a font, in points (for "####" detection in Excel). */
function measureText(): ((text: string, fontName: string, fontSize: number) => number) | undefined {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  return (text, fontName, fontSize) => {
    ctx.font = `${fontSize}pt "${fontName}"`;
    return ctx.measureText(text).width * 0.75;
  };
}

Office.onReady(() => {
  const env = {
    Excel: Excel as unknown as ExcelLike,
    office: Office.context as unknown as OfficeContextLike,
    measureText: measureText(),
  };
  document.documentElement.lang = /^en\b/i.test(Office.context.displayLanguage ?? '') ? 'en' : 'id';
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <CapaianPane env={env} />
    </FluentProvider>,
  );
});

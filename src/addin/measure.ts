// Text width in points with a canvas 2D context (a page's canvas or a worker's OffscreenCanvas):
// what Excel would need to show a number instead of "####".
interface TextContext {
  font: string;
  measureText(text: string): { width: number };
}

export function canvasMeasure(ctx: TextContext): (text: string, fontName: string, fontSize: number) => number {
  return (text, fontName, fontSize) => {
    ctx.font = `${fontSize}pt "${fontName}"`;
    // Canvas widths are CSS pixels (96 per inch); points are 72 per inch.
    return ctx.measureText(text).width * 0.75;
  };
}

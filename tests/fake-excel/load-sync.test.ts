// Proxy semantics of the in-memory Excel: load + sync before reads, queued writes, sync counting.
import { readCell, setCell } from '../../src/preview/fake-excel/model';
import { fake, rejection, thrown } from './helpers';

describe('load and sync', () => {
  test('reading a property before load + sync throws PropertyNotLoaded', async () => {
    const { Excel } = fake({ Sheet1: { A1: 5 } });
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(thrown(() => r.values).code).toBe('PropertyNotLoaded');
      r.load('values');
      // loaded but not synced yet: still not available
      const e = thrown(() => r.values);
      expect(e.code).toBe('PropertyNotLoaded');
      expect(e.message).toMatch(/The property 'values' is not available.*context\.sync\(\)/);
      await ctx.sync();
      expect(r.values).toEqual([[5]]);
      // a property that was not loaded is still unavailable
      expect(thrown(() => r.numberFormat).code).toBe('PropertyNotLoaded');
    });
  });

  test('load accepts comma lists, arrays and nested paths', async () => {
    const { Excel } = fake({ Data: { B2: 1.5, C3: 'x' } });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      const r = ws.getRange('B2:C3').load('values, numberFormat');
      const r2 = ws.getRange('B2').load(['address', 'text']);
      r2.load('format/columnWidth,format/font/name');
      const sheets = ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      expect(r.values).toEqual([
        [1.5, ''],
        ['', 'x'],
      ]);
      expect(r.numberFormat).toEqual([
        ['General', 'General'],
        ['General', 'General'],
      ]);
      expect(r2.address).toBe('Data!B2');
      expect(r2.text).toEqual([['1,5']]);
      expect(r2.format.columnWidth).toBe(48);
      expect(r2.format.font.name).toBe('Calibri');
      expect(thrown(() => r2.format.font.size).code).toBe('PropertyNotLoaded');
      expect(sheets.items.map((s) => s.name)).toEqual(['Data']);
      expect(thrown(() => sheets.items[0].visibility).code).toBe('PropertyNotLoaded');
    });
  });

  test('load() with no argument loads every scalar property; collection items need loading', async () => {
    const { Excel } = fake({ S: { A1: 1 } });
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(thrown(() => sheets.items).code).toBe('PropertyNotLoaded');
      // excel-like.ts types load(props) with an argument; office-js (and the fake) also take none
      (sheets as unknown as { load(): void }).load();
      const r = sheets.getItem('S').getRange('A1');
      (r as unknown as { load(): void }).load();
      await ctx.sync();
      expect(sheets.items[0].visibility).toBe('Visible');
      expect(sheets.items[0].position).toBe(0);
      expect(r.address).toBe('S!A1');
      expect(r.valueTypes).toEqual([['Double']]);
      expect(r.formulas).toEqual([[1]]);
    });
  });

  test('an unknown property in load fails the sync', async () => {
    const { Excel } = fake({ S: { A1: 1 } });
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').load('valuez');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    expect(e.message).toContain('valuez');
  });

  test('writes are queued and applied only at sync, in order', async () => {
    const { Excel, model } = fake({ S: { A1: 1 } });
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      r.values = [[2]];
      r.values = [[3]];
      expect(readCell(model.sheets[0], 0, 0)?.value).toBe(1);
      // office-js keeps what was assigned on the proxy
      expect(r.values).toEqual([[3]]);
      const p = ctx.sync();
      expect(readCell(model.sheets[0], 0, 0)?.value).toBe(1); // not even synchronously inside sync()
      await p;
      expect(readCell(model.sheets[0], 0, 0)?.value).toBe(3);
    });
  });

  test('a load queued before a write sees the old value, after it the new one', async () => {
    const { Excel } = fake({ S: { A1: 1 } });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const before = ws.getRange('A1').load('values');
      ws.getRange('A1').values = [[7]];
      const after = ws.getRange('A1').load('values');
      await ctx.sync();
      expect(before.values).toEqual([[1]]);
      expect(after.values).toEqual([[7]]);
    });
  });

  test('loaded values are a snapshot until the next load + sync', async () => {
    const { Excel, model } = fake({ S: { A1: 1 } });
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await ctx.sync();
      setCell(model, 'S', 'A1', 9); // someone else edits
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([[9]]);
    });
  });

  test('Excel.run syncs what is still queued when the batch ends', async () => {
    const { Excel, model, stats } = fake({ S: {} });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('B2').values = [['hi']];
    });
    expect(readCell(model.sheets[0], 1, 1)?.value).toBe('hi');
    expect(stats.syncs).toBe(1);
  });

  test('a batch that throws drops what it had queued', async () => {
    const { Excel, model } = fake({ S: {} });
    await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('B2').values = [['hi']];
        throw new Error('boom');
      }),
    );
    expect(readCell(model.sheets[0], 1, 1)).toBeUndefined();
  });

  test('counts every sync and returns the batch result', async () => {
    const { Excel, stats } = fake({ S: { A1: 1 } });
    const result = await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await ctx.sync();
      await ctx.sync(); // empty, still a call
      r.values = [[2]];
      await ctx.sync();
      return 'done';
    });
    expect(result).toBe('done');
    expect(stats.syncs).toBe(3);
    expect(stats.bytesPerSync).toHaveLength(3);
    expect(stats.bytesPerSync[0]).toBeGreaterThan(0);
    expect(stats.bytesPerSync[1]).toBe(0);
    expect(stats.requestBytesPerSync[2]).toBeGreaterThan(0);
  });

  test('a batch that does not return a promise is rejected like office-js', async () => {
    const { Excel } = fake({ S: {} });
    const e = await rejection(Excel.run(((_ctx: unknown) => 1) as never));
    expect(e.code).toBe('RunMustReturnPromise');
  });

  test('objects cannot be used after their Excel.run batch ended', async () => {
    const { Excel } = fake({ S: { A1: 1 } });
    let saved: { range: { values: unknown; load(p: string): unknown }; sync: () => Promise<void> } | undefined;
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await ctx.sync();
      saved = { range, sync: () => ctx.sync() };
    });
    expect(saved!.range.values).toEqual([[1]]); // what was loaded stays readable
    saved!.range.load('values');
    expect((await rejection(saved!.sync())).code).toBe('InvalidObjectPath');
  });

  test('errors look like OfficeExtension.Error', async () => {
    const { Excel } = fake({ S: {} });
    const e = (await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Nope').load('name');
        await ctx.sync();
      }),
    )) as { code: string; name: string; message: string; debugInfo: { code: string; errorLocation: string }; toString(): string };
    expect(e.name).toBe('RichApi.Error');
    expect(e.code).toBe('ItemNotFound');
    expect(e.debugInfo).toMatchObject({ code: 'ItemNotFound', errorLocation: 'WorksheetCollection.getItem' });
    expect(e.toString()).toBe(`ItemNotFound: ${e.message}`);
  });
});

describe('null objects', () => {
  test('isNullObject is readable after a sync, without load', async () => {
    const { Excel } = fake({ S: { A1: 1 } });
    await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const there = ctx.workbook.worksheets.getItemOrNullObject('s'); // names are case-insensitive
      expect(thrown(() => missing.isNullObject).code).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
  });

  test('reading a property of a null object throws InvalidObjectPath', async () => {
    const { Excel } = fake({ S: {} });
    await Excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('S').getUsedRangeOrNullObject().load('address');
      await ctx.sync();
      expect(used.isNullObject).toBe(true);
      expect(thrown(() => used.address).code).toBe('InvalidObjectPath');
    });
  });

  test('objects derived from a null object are null objects; writing through them fails', async () => {
    const { Excel } = fake({ S: {} });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('Log');
      const used = ws.getUsedRangeOrNullObject(true).load('rowCount');
      ws.protection.load('protected');
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(thrown(() => ws.protection.protected).code).toBe('InvalidObjectPath');
    });
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItemOrNullObject('Log').getRange('A1').values = [[1]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidObjectPath');
  });

  test('getItem on a missing sheet fails the sync with ItemNotFound only when used', async () => {
    const { Excel } = fake({ S: {} });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Nope'); // never used: no error
      await ctx.sync();
    });
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Nope').getRange('A1').values = [[1]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemNotFound');
  });

  test('an *OrNullObject result is evaluated where it was queued', async () => {
    const { Excel } = fake({ S: {} });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const before = ws.getUsedRangeOrNullObject();
      ws.getRange('C3').values = [[1]];
      const after = ws.getUsedRangeOrNullObject().load('address');
      await ctx.sync();
      expect(before.isNullObject).toBe(true);
      expect(after.address).toBe('S!C3');
    });
  });
});

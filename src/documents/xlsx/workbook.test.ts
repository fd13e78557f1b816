import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { addAboutSheet, addTableSheet, dateTimeFormat, newWorkbook, wallClock, workbookBuffer } from './workbook.js';

const at = new Date('2026-03-12T17:30:00Z');

async function readBack(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const read = new ExcelJS.Workbook();
  await read.xlsx.load((await workbookBuffer(workbook)) as unknown as ArrayBuffer);
  return read;
}

describe('wallClock', () => {
  it('gives the time a clock in the zone shows, as UTC fields, on the next day when the zone is past midnight', () => {
    assert.equal(wallClock(at, 'Asia/Jakarta').toISOString(), '2026-03-13T00:30:00.000Z');
    assert.equal(wallClock(at, 'Asia/Jayapura').toISOString(), '2026-03-13T02:30:00.000Z');
  });

  it('keeps the seconds', () => {
    assert.equal(wallClock(new Date('2026-03-12T01:02:03Z'), 'Asia/Makassar').toISOString(), '2026-03-12T09:02:03.000Z');
  });
});

describe('the workbook kit', () => {
  it('dates the workbook from its data and names Aduan as its creator', async () => {
    const read = await readBack(newWorkbook(at));
    assert.equal(read.creator, 'Aduan');
    assert.equal(read.created.toISOString(), at.toISOString());
  });

  it('writes a table under a bold, frozen, filtered header, a row per record added', async () => {
    const workbook = newWorkbook(at);
    const table = addTableSheet(workbook, 'Data', [{ header: 'Nama', key: 'name', width: 10 }, { header: 'Jumlah', key: 'count', width: 8 }]);
    table.addRows([{ name: 'Satu', count: 1 }, { name: 'Dua', count: 2 }]);
    const sheet = (await readBack(workbook)).getWorksheet('Data');
    assert.ok(sheet);
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['Nama', 'Jumlah']);
    assert.equal(sheet.getRow(1).getCell(1).font?.bold, true);
    assert.deepEqual((sheet.getRow(3).values as unknown[]).slice(1), ['Dua', 2]);
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.ok(sheet.autoFilter);
  });

  it('writes the facts of an export as labelled rows, times in the date format', async () => {
    const workbook = newWorkbook(at);
    addAboutSheet(workbook, 'Keterangan', [{ label: 'Oleh', value: 'Koordinator' }, { label: 'Waktu', value: wallClock(at, 'Asia/Jakarta') }]);
    const sheet = (await readBack(workbook)).getWorksheet('Keterangan');
    assert.ok(sheet);
    assert.equal(sheet.getCell('A1').value, 'Oleh');
    assert.equal(sheet.getCell('B1').numFmt, undefined);
    assert.equal(sheet.getCell('B2').numFmt, dateTimeFormat);
    assert.equal((sheet.getCell('B2').value as Date).toISOString(), '2026-03-13T00:30:00.000Z');
  });
});

import ExcelJS from 'exceljs';

/** How a time is shown in a cell: Excel keeps no zone, so the column header names it. */
export const dateTimeFormat = 'yyyy-mm-dd hh:mm';

/** A workbook that names Aduan and is dated by its data, never by the clock. */
export function newWorkbook(datedAt: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Aduan';
  workbook.created = datedAt;
  workbook.modified = datedAt;
  return workbook;
}

/**
 * A sheet for one row per record (add them with `addRow`, keyed by the columns' keys) under a
 * header row that stays in view when scrolling, in bold, with a filter on every column.
 */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, columns: Partial<ExcelJS.Column>[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** A sheet of labelled facts about the export (who, when, which filters), labels in bold. */
export function addAboutSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  facts: { label: string; value: string | number | Date }[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [{ key: 'label', width: 28 }, { key: 'value', width: 80 }];
  sheet.addRows(facts);
  sheet.getColumn('label').font = { bold: true };
  facts.forEach((fact, index) => {
    if (fact.value instanceof Date) sheet.getCell(`B${index + 1}`).numFmt = dateTimeFormat;
  });
  return sheet;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The instant as a Date whose UTC fields are the wall-clock time in `timeZone`, which is what Excel shows. */
export function wallClock(at: Date, timeZone: string): Date {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at).map((part) => [part.type, Number(part.value)]));
  return new Date(Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0));
}

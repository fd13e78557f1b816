import ExcelJS from 'exceljs';
import { timeZoneAbbreviation } from '../../domain/service-level/working-calendar.js';
import { statusLabels } from '../../i18n/status-labels.js';
import type { InboxExport } from './export-inbox.js';

/**
 * The exported inbox as an Excel workbook: one row per case (never the reporter's identity:
 * the inbox does not carry it), and a second sheet saying who exported what, when, with which
 * filters. Times are the exporting officer's wall-clock time (Excel dates have no zone), named
 * in the column headers.
 */
export async function renderInboxWorkbook(exported: InboxExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Aduan';
  workbook.created = exported.exportedAt;
  workbook.modified = exported.exportedAt;
  const zone = timeZoneAbbreviation(exported.timeZone, exported.exportedAt);

  const sheet = workbook.addWorksheet('Pengaduan', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Nomor register', key: 'registerNumber', width: 16 },
    { header: 'Judul', key: 'title', width: 48 },
    { header: 'Status', key: 'status', width: 24 },
    { header: 'Saluran', key: 'channel', width: 14 },
    { header: 'Kategori', key: 'categoryCode', width: 22 },
    { header: 'Prioritas', key: 'priority', width: 10 },
    { header: 'Unit', key: 'unitName', width: 28 },
    { header: 'Penangan', key: 'handlerName', width: 24 },
    { header: `Diterima (${zone})`, key: 'receivedAt', width: 18, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    { header: `Batas waktu tanggapan (${zone})`, key: 'responseDueAt', width: 18, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    { header: 'Whistleblowing', key: 'isWhistleblowing', width: 14 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of exported.rows) {
    sheet.addRow({
      registerNumber: row.registerNumber, title: row.title, status: statusLabels[row.status].id,
      channel: row.channel, categoryCode: row.categoryCode, priority: row.priority, unitName: row.unitName, handlerName: row.handlerName,
      receivedAt: wallClock(row.receivedAt, exported.timeZone), responseDueAt: row.responseDueAt === null ? null : wallClock(row.responseDueAt, exported.timeZone),
      isWhistleblowing: row.isWhistleblowing ? 'Ya' : 'Tidak',
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };

  const about = workbook.addWorksheet('Keterangan');
  about.columns = [{ key: 'label', width: 28 }, { key: 'value', width: 80 }];
  about.addRows([
    { label: 'Diekspor oleh', value: exported.exportedBy ?? '' },
    { label: `Waktu ekspor (${zone})`, value: wallClock(exported.exportedAt, exported.timeZone) },
    { label: 'Jumlah baris', value: exported.rows.length },
    { label: 'Terpotong', value: exported.isTruncated ? `Ya: hanya ${exported.rows.length} pengaduan pertama; persempit saringan` : 'Tidak' },
    { label: 'Saringan', value: JSON.stringify(exported.filters) },
    { label: 'Catatan audit', value: `#${exported.auditSequence}` },
  ]);
  about.getColumn('label').font = { bold: true };
  about.getCell('B2').numFmt = 'yyyy-mm-dd hh:mm';

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The instant as a Date whose UTC fields are the wall-clock time in `timeZone`, which is what Excel shows. */
function wallClock(at: Date, timeZone: string): Date {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at).map((part) => [part.type, Number(part.value)]));
  return new Date(Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0));
}

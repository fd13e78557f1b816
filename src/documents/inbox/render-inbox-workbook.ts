import { timeZoneAbbreviation } from '../../domain/service-level/working-calendar.js';
import { statusLabels } from '../../i18n/status-labels.js';
import type { InboxWorkbook } from './inbox-workbook.js';
import { addAboutSheet, addTableSheet, dateTimeFormat, newWorkbook, wallClock, workbookBuffer } from '../xlsx/workbook.js';

/**
 * The exported inbox as an Excel workbook: one row per case (never the reporter's identity:
 * the inbox does not carry it), and a second sheet saying who exported what, when, with which
 * filters. Times are the exporting officer's wall-clock time (Excel dates have no zone), named
 * in the column headers.
 */
export async function renderInboxWorkbook(exported: InboxWorkbook): Promise<Buffer> {
  const workbook = newWorkbook(exported.exportedAt);
  const zone = timeZoneAbbreviation(exported.timeZone, exported.exportedAt);

  const sheet = addTableSheet(workbook, 'Pengaduan', [
    { header: 'Nomor register', key: 'registerNumber', width: 16 },
    { header: 'Judul', key: 'title', width: 48 },
    { header: 'Status', key: 'status', width: 24 },
    { header: 'Saluran', key: 'channel', width: 14 },
    { header: 'Kategori', key: 'categoryCode', width: 22 },
    { header: 'Prioritas', key: 'priority', width: 10 },
    { header: 'Unit', key: 'unitName', width: 28 },
    { header: 'Penangan', key: 'handlerName', width: 24 },
    { header: `Diterima (${zone})`, key: 'receivedAt', width: 18, style: { numFmt: dateTimeFormat } },
    { header: `Batas waktu tanggapan (${zone})`, key: 'responseDueAt', width: 18, style: { numFmt: dateTimeFormat } },
    { header: 'Whistleblowing', key: 'isWhistleblowing', width: 14 },
  ]);
  for (const row of exported.rows) {
    sheet.addRow({
      registerNumber: row.registerNumber, title: row.title, status: statusLabels[row.status].id,
      channel: row.channel, categoryCode: row.categoryCode, priority: row.priority, unitName: row.unitName, handlerName: row.handlerName,
      receivedAt: wallClock(row.receivedAt, exported.timeZone), responseDueAt: row.responseDueAt === null ? null : wallClock(row.responseDueAt, exported.timeZone),
      isWhistleblowing: row.isWhistleblowing ? 'Ya' : 'Tidak',
    });
  }

  addAboutSheet(workbook, 'Keterangan', [
    { label: 'Diekspor oleh', value: exported.exportedBy ?? '' },
    { label: `Waktu ekspor (${zone})`, value: wallClock(exported.exportedAt, exported.timeZone) },
    { label: 'Jumlah baris', value: exported.rows.length },
    { label: 'Terpotong', value: exported.isTruncated ? `Ya: hanya ${exported.rows.length} pengaduan pertama; persempit saringan` : 'Tidak' },
    { label: 'Saringan', value: JSON.stringify(exported.filters) },
    { label: 'Catatan audit', value: `#${exported.auditSequence}` },
  ]);

  return workbookBuffer(workbook);
}

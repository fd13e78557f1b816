import PDFDocument from 'pdfkit';
import { timeZoneAbbreviation } from '../../../domain/service-level/working-calendar.js';
import { statusLabels } from '../../../i18n/status-labels.js';
import type { CaseDossier } from '../export-case.js';
import { toWinAnsi } from '../letters/win-ansi.js';
import type { CaseEvent } from '../../../domain/case-event.js';
import { channelLabels, describeCaseEvent, findingLabels, priorityLabels, type DossierNames } from './dossier-wording.js';

export interface RenderOptions {
  /** Deflate the page streams (default). Tests turn it off to read the text. */
  compress?: boolean;
}

const mm = 72 / 25.4;
const margins = { top: 18 * mm, left: 20 * mm, right: 20 * mm, bottom: 22 * mm };
const regular = 'Helvetica';
const bold = 'Helvetica-Bold';
const bodySize = 10;
const smallSize = 8;
/** One event's data is shown up to this length; the JSON export carries it whole. */
const maxValueLength = 3000;

const modeLabels = { identified: 'Teridentifikasi', confidential: 'Rahasia (identitas disegel)', anonymous: 'Anonim' } as const;

/**
 * The case dossier as an A4 PDF for the file (berkas pengaduan): the case, the reporter as the
 * exporting officer may see them, the whole timeline with who did what, and the attachments'
 * fingerprints. Every page names who exported it, when, and the event that records the export.
 * Staff-facing, so in Indonesian. Nothing is looked up: it draws the dossier it is given.
 */
export function renderCaseDossier(dossier: CaseDossier, options: RenderOptions = {}): Promise<Buffer> {
  const { case: view } = dossier;
  const timeZone = dossier.unit?.timeZone ?? 'Asia/Jakarta';
  const doc = new PDFDocument({
    size: 'A4', margins, bufferPages: true, compress: options.compress ?? true, lang: 'id-ID', displayTitle: true,
    info: {
      Title: text(`Berkas Pengaduan ${view.registerNumber}`), Creator: 'Aduan', Producer: 'Aduan (PDFKit)',
      CreationDate: dossier.exportedAt, ModDate: dossier.exportedAt,
    },
  });
  const done = collect(doc);
  const width = doc.page.width - margins.left - margins.right;
  const at = (date: Date | null) => (date === null ? '-' : dateTime(date, timeZone));
  const names: DossierNames = {
    unit: (id) => dossier.names.units[id] ?? (dossier.unit?.id === id ? dossier.unit.name : 'unit yang sudah dihapus'),
    staff: (id) => dossier.names.staff[id] ?? 'pegawai yang tidak lagi terdaftar',
    category: (code) => dossier.names.categories[code] ?? code,
  };

  const heading = (title: string) => {
    if (doc.y > doc.page.height - margins.bottom - 60) doc.addPage();
    doc.moveDown(0.8).font(bold).fontSize(12).text(text(title), margins.left, doc.y, { width });
    doc.save().lineWidth(0.5).strokeColor('#9ca3af').moveTo(margins.left, doc.y + 1).lineTo(margins.left + width, doc.y + 1).stroke().restore();
    doc.moveDown(0.4).font(regular).fontSize(bodySize);
  };
  const rows = (pairs: [string, string][]) => {
    const labelWidth = 130;
    for (const [label, value] of pairs) {
      const y = doc.y;
      doc.font(bold).fontSize(bodySize).text(text(label), margins.left, y, { width: labelWidth });
      const labelBottom = doc.y;
      doc.font(regular).text(text(value === '' ? '-' : value), margins.left + labelWidth + 8, y, { width: width - labelWidth - 8 });
      doc.y = Math.max(doc.y, labelBottom) + 2;
    }
  };
  const paragraph = (value: string) => doc.font(regular).fontSize(bodySize).text(text(value), margins.left, doc.y, { width, paragraphGap: 4 });

  doc.font(bold).fontSize(16).text('BERKAS PENGADUAN', margins.left, margins.top, { width, align: 'center' });
  doc.font(regular).fontSize(12).text(text(`Nomor register ${view.registerNumber}`), { width, align: 'center' });
  if (view.isWhistleblowing || view.reporter.mode === 'confidential' || dossier.includesIdentity) {
    doc.moveDown(0.3).font(bold).fontSize(11).fillColor('#b91c1c').text('RAHASIA', { width, align: 'center' }).fillColor('black');
  }

  heading('Pengaduan');
  rows([
    ['Judul', view.title],
    ['Status', statusLabels[view.status].id],
    ['Saluran', channelLabels[view.channel as keyof typeof channelLabels] ?? view.channel],
    ['Kategori', view.categoryCode === null ? '-' : names.category(view.categoryCode)],
    ['Prioritas', view.priority === null ? '-' : priorityLabels[view.priority as keyof typeof priorityLabels] ?? view.priority],
    ['Whistleblowing', view.isWhistleblowing ? 'Ya' : 'Tidak'],
    ['Unit', dossier.unit ? `${dossier.unit.name} (${dossier.unit.code})` : names.unit(view.unitId)],
    ['Penangan', dossier.handlerName ?? '-'],
    ['Diterima', at(view.receivedAt)],
    ['Dicatat', at(view.submittedAt)],
    ['Batas waktu tanggapan', at(view.responseDueAt)],
    ['Kelengkapan 5W1H', `${view.completeness.score}`],
  ]);

  heading('Pelapor');
  const identity = view.reporter.identity;
  rows([
    ['Jenis identitas', modeLabels[view.reporter.mode]],
    ['Nama samaran', view.reporter.pseudonym ?? '-'],
    ...(identity === null ? [] : [
      ['Nama', identity.name], ['NIK', identity.nik ?? '-'], ['Surel', identity.email ?? '-'], ['Telepon', identity.phone ?? '-'], ['Alamat', identity.address ?? '-'],
    ] as [string, string][]),
  ]);
  if (identity === null && view.reporter.mode !== 'anonymous') paragraph('Identitas pelapor tidak dimuat dalam berkas ini.');

  heading('Uraian');
  paragraph(view.description);
  rows([
    ['Apa', view.facts.what], ['Di mana', view.facts.where], ['Kapan', view.facts.when], ['Siapa', view.facts.who], ['Bagaimana', view.facts.how],
    ...(view.facts.why ? [['Mengapa', view.facts.why] as [string, string]] : []),
  ]);

  if (view.draft !== null) {
    heading(`Rancangan tanggapan ${view.draft.draftNumber}`);
    rows([['Temuan', findingLabels[view.draft.finding as keyof typeof findingLabels] ?? view.draft.finding], ['Tingkat persetujuan', `${view.draft.level} dari ${view.draft.levels}`]]);
    paragraph(view.draft.text);
  }
  if (view.correctiveActions.length > 0) {
    heading('Tindakan perbaikan');
    for (const action of view.correctiveActions) paragraph(`${action.isCompleted ? '[selesai]' : '[berjalan]'} ${action.description} (batas ${action.dueOn})`);
  }

  heading('Riwayat');
  for (const entry of view.timeline) {
    if (doc.y > doc.page.height - margins.bottom - 40) doc.addPage();
    const who = entry.actor.kind === 'staff' ? entry.actor.name ?? `staf #${entry.actor.userId ?? '?'}` : entry.actor.kind === 'reporter' ? 'pelapor' : 'sistem';
    // The entry was built from the recorded event: its type and data belong together.
    const sentence = clip(describeCaseEvent({ type: entry.type, data: entry.data } as CaseEvent, names));
    doc.font(bold).fontSize(bodySize).text(text(`${at(entry.at)} — ${who}`), margins.left, doc.y, { width });
    doc.font(regular).fontSize(bodySize).text(text(sentence), margins.left + 14, doc.y, { width: width - 14 });
    doc.moveDown(0.3);
  }

  heading('Lampiran');
  if (dossier.attachments.length === 0) paragraph('Tidak ada lampiran.');
  for (const attachment of dossier.attachments) {
    paragraph(`${attachment.fileName} (${attachment.mediaType}, ${attachment.sizeBytes} bita, oleh ${attachment.addedBy}, ${at(attachment.addedAt)})`);
    doc.font(regular).fontSize(smallSize).text(`SHA-256 ${attachment.sha256}`, margins.left + 14, doc.y, { width: width - 14 }).fontSize(bodySize);
  }

  const footer = text(`Diekspor oleh ${dossier.exportedBy.name ?? `staf #${dossier.exportedBy.userId}`} pada ${at(dossier.exportedAt)}; tercatat sebagai peristiwa #${dossier.exportEventSequence} pengaduan ${view.registerNumber}`);
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing below the bottom margin would make pdfkit start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 14 * mm;
    const page = `Halaman ${index - range.start + 1} dari ${range.count}`;
    doc.save().fillColor('#4b5563').font(regular).fontSize(smallSize);
    doc.text(footer, margins.left, y, { width: width - doc.widthOfString(page) - 12, lineBreak: true, height: 20, ellipsis: true });
    doc.text(page, margins.left + width - doc.widthOfString(page), y, { lineBreak: false });
    doc.restore();
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}

function clip(value: string): string {
  return value.length > maxValueLength ? `${value.slice(0, maxValueLength)} … (dipotong; lihat ekspor JSON)` : value;
}

function dateTime(at: Date, timeZone: string): string {
  const formatted = new Intl.DateTimeFormat('id-ID', {
    timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(at);
  return `${formatted} ${timeZoneAbbreviation(timeZone, at)}`;
}

function text(value: string): string {
  return toWinAnsi(value);
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

import type { CaseEvent } from '../../domain/case-event.js';
import { defaultTimeZone, timeZoneAbbreviation } from '../../domain/service-level/working-calendar.js';
import type { Locale } from '../../i18n/locale.js';
import { drawOnEveryPage, fonts, mm, openPdf } from '../pdf/pdf-document.js';
import { drawLabelledRows, drawSectionHeading } from '../pdf/sections.js';
import { toWinAnsi as text } from '../pdf/win-ansi.js';
import type { CaseDossier } from './case-dossier.js';
import { day, dossierWording, type DossierNames } from './dossier-wording.js';

export interface RenderOptions {
  /** Deflate the page streams (default). Tests turn it off to read the text. */
  compress?: boolean;
  /** Indonesian unless the exporting officer reads English. */
  locale?: Locale;
}

const margins = { top: 18 * mm, left: 20 * mm, right: 20 * mm, bottom: 22 * mm };
const { regular, bold } = fonts;
const bodySize = 10;
const smallSize = 8;
/** One event's data is shown up to this length; the JSON export carries it whole. */
const maxValueLength = 3000;

/**
 * The case dossier as an A4 PDF for the file (berkas pengaduan): the case, the reporter as the
 * exporting officer may see them, the whole timeline with who did what, and the attachments'
 * fingerprints. Every page names who exported it, when, and the event that records the export.
 * In Indonesian, or English for the officer who reads it. Nothing is looked up: it draws the
 * dossier it is given.
 */
export function renderCaseDossier(dossier: CaseDossier, options: RenderOptions = {}): Promise<Buffer> {
  const { case: view } = dossier;
  const timeZone = dossier.unit?.timeZone ?? defaultTimeZone;
  const locale = options.locale ?? 'id';
  const words = dossierWording[locale];
  const label = words.labels;
  const { doc, done } = openPdf({
    locale, margins, bufferPages: true, compress: options.compress ?? true, datedAt: dossier.exportedAt, title: label.documentTitle(view.registerNumber),
  });
  const width = doc.page.width - margins.left - margins.right;
  const at = (date: Date | null) => (date === null ? '-' : dateTime(words.intl, date, timeZone));
  const names: DossierNames = {
    unit: (id) => dossier.names.units[id] ?? (dossier.unit?.id === id ? dossier.unit.name : label.deletedUnit),
    staff: (id) => dossier.names.staff[id] ?? label.formerStaff,
    category: (code) => dossier.names.categories[code] ?? code,
  };

  const column = { left: margins.left, width, bottomMargin: margins.bottom, bodySize };
  const heading = (title: string) => drawSectionHeading(doc, column, title);
  const rows = (pairs: [string, string][]) => drawLabelledRows(doc, column, pairs);
  const paragraph = (value: string) => doc.font(regular).fontSize(bodySize).text(text(value), margins.left, doc.y, { width, paragraphGap: 4 });

  doc.font(bold).fontSize(16).text(text(label.fileTitle), margins.left, margins.top, { width, align: 'center' });
  doc.font(regular).fontSize(12).text(text(label.registerNumber(view.registerNumber)), { width, align: 'center' });
  if (view.isWhistleblowing || view.reporter.mode === 'confidential' || dossier.includesIdentity) {
    doc.moveDown(0.3).font(bold).fontSize(11).fillColor('#b91c1c').text(text(label.confidential), { width, align: 'center' }).fillColor('black');
  }

  heading(label.complaint);
  rows([
    [label.title, view.title],
    [label.status, words.statuses[view.status]],
    [label.channel, words.channels[view.channel as keyof typeof words.channels] ?? view.channel],
    [label.category, view.categoryCode === null ? '-' : names.category(view.categoryCode)],
    [label.priority, view.priority === null ? '-' : words.priorities[view.priority as keyof typeof words.priorities] ?? view.priority],
    [label.whistleblowing, view.isWhistleblowing ? label.yes : label.no],
    [label.unit, dossier.unit ? `${dossier.unit.name} (${dossier.unit.code})` : names.unit(view.unitId)],
    [label.handler, dossier.handlerName ?? '-'],
    [label.receivedAt, at(view.receivedAt)],
    [label.recordedAt, at(view.submittedAt)],
    [label.responseDue, at(view.responseDueAt)],
    [label.completeness, `${view.completeness.score}`],
  ]);

  heading(label.reporter);
  const identity = view.reporter.identity;
  rows([
    [label.identityMode, words.modes[view.reporter.mode]],
    [label.pseudonym, view.reporter.pseudonym ?? '-'],
    ...(identity === null ? [] : [
      [label.name, identity.name], [label.nik, identity.nik ?? '-'], [label.email, identity.email ?? '-'], [label.phone, identity.phone ?? '-'], [label.address, identity.address ?? '-'],
    ] as [string, string][]),
  ]);
  if (identity === null && view.reporter.mode !== 'anonymous') paragraph(label.identityWithheld);

  heading(label.description);
  paragraph(view.description);
  rows([
    [label.what, view.facts.what], [label.where, view.facts.where], [label.when, view.facts.when], [label.who, view.facts.who], [label.how, view.facts.how],
    ...(view.facts.why ? [[label.why, view.facts.why] as [string, string]] : []),
  ]);

  if (view.draft !== null) {
    heading(label.draft(view.draft.draftNumber));
    rows([[label.finding, words.findings[view.draft.finding as keyof typeof words.findings] ?? view.draft.finding], [label.approval, label.approvalLevel(view.draft.level, view.draft.levels)]]);
    paragraph(view.draft.text);
  }
  if (view.correctiveActions.length > 0) {
    heading(label.correctiveActions);
    for (const action of view.correctiveActions) {
      paragraph(`[${action.isCompleted ? label.done : label.ongoing}] ${action.description} (${label.due(day(words.intl, action.dueOn))})`);
    }
  }

  heading(label.history);
  for (const entry of view.timeline) {
    if (doc.y > doc.page.height - margins.bottom - 40) doc.addPage();
    const who = entry.actor.kind === 'staff' ? entry.actor.name ?? label.staffNumber(entry.actor.userId ?? '?') : entry.actor.kind === 'reporter' ? label.theReporter : label.theSystem;
    // The entry was built from the recorded event: its type and data belong together.
    const sentence = clip(words.describe({ type: entry.type, data: entry.data } as CaseEvent, names), label.clipped);
    doc.font(bold).fontSize(bodySize).text(text(`${at(entry.at)} — ${who}`), margins.left, doc.y, { width });
    doc.font(regular).fontSize(bodySize).text(text(sentence), margins.left + 14, doc.y, { width: width - 14 });
    doc.moveDown(0.3);
  }

  heading(label.attachments);
  if (dossier.attachments.length === 0) paragraph(label.noAttachments);
  for (const attachment of dossier.attachments) {
    const size = new Intl.NumberFormat(words.intl).format(attachment.sizeBytes);
    paragraph(`${attachment.fileName} (${label.attachment(attachment.mediaType, size, attachment.addedBy, at(attachment.addedAt))})`);
    doc.font(regular).fontSize(smallSize).text(`SHA-256 ${attachment.sha256}`, margins.left + 14, doc.y, { width: width - 14 }).fontSize(bodySize);
  }

  const footer = text(label.exported(dossier.exportedBy.name ?? label.staffNumber(dossier.exportedBy.userId), at(dossier.exportedAt), dossier.exportEventSequence, view.registerNumber));
  drawOnEveryPage(doc, (pageNumber, pageCount) => {
    const y = doc.page.height - 14 * mm;
    const page = text(label.page(pageNumber, pageCount));
    doc.save().fillColor('#4b5563').font(regular).fontSize(smallSize);
    doc.text(footer, margins.left, y, { width: width - doc.widthOfString(page) - 12, lineBreak: true, height: 20, ellipsis: true });
    doc.text(page, margins.left + width - doc.widthOfString(page), y, { lineBreak: false });
    doc.restore();
  });
  doc.end();
  return done;
}

function clip(value: string, note: string): string {
  return value.length > maxValueLength ? `${value.slice(0, maxValueLength)} … (${note})` : value;
}

function dateTime(intl: string, at: Date, timeZone: string): string {
  const formatted = new Intl.DateTimeFormat(intl, {
    timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(at);
  return `${formatted} ${timeZoneAbbreviation(timeZone, at)}`;
}

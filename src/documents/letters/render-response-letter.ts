import QRCode from 'qrcode';
import type { Finding } from '../../domain/workflow/workflow-values.js';
import { drawLetterhead } from '../pdf/letterhead.js';
import { drawOnEveryPage, fonts, mm, openPdf } from '../pdf/pdf-document.js';
import { toWinAnsi as text } from '../pdf/win-ansi.js';
import { responseLetterWording, type LetterLocale, type ResponseLetterWording } from './response-letter-wording.js';

/** Everything a signed response letter (surat tanggapan pengaduan) says; nothing is looked up. */
export interface ResponseLetterInput {
  locale: LetterLocale;
  /** The unit that answers; its time zone dates the letter. */
  unit: { name: string; timeZone: string };
  /** The kop surat: the body's logo, full name and contacts (site settings), over the unit's name. */
  letterhead: {
    organisation: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
    website: string | null;
    /** PNG or JPEG bytes. */
    logo: Buffer | null;
  };
  /** The outgoing-mail number the unit gave the letter, e.g. `123/ADUAN/XI/2026`. */
  letterNumber: string;
  signedAt: Date;
  /** Where it was signed, printed before the date: "Pekanbaru, 23 November 2026". */
  place: string;
  registerNumber: string;
  /** When the complaint reached the body (not when it was typed in). */
  receivedAt: Date;
  reporter: { kind: 'named'; name: string; address?: string } | { kind: 'pseudonymous' };
  /**
   * A confidential reporter's identity is sealed: the letter is marked "Rahasia" and names
   * nobody, even when a name is passed, so a leaked copy reveals no one.
   */
  isConfidential: boolean;
  finding: Finding;
  /** Paragraphs are separated by a blank line; a single newline breaks the line. */
  responseText: string;
  correctiveActions: { description: string; dueOn: string }[];
  /** Who gave the last approval: their jabatan, unit and NIP as recorded on their account. */
  signer: { name: string; position: string | null; unitName: string; nip: string | null };
  /** Whether the PDF will carry an electronic signature; without one the letter says so. */
  isSignedElectronically: boolean;
  /** The public page that confirms this letter; printed as a QR code and a short code. */
  verification: { code: string; url: string } | null;
  approvals: { name: string; positionTitle: string; approvedAt: Date }[];
  appealWindowDays: number;
  /** The public page where a reporter follows the case with register number and tracking code. */
  trackingPageUrl: string;
}

export interface RenderOptions {
  /** Deflate the page streams (default). Tests turn it off to read the text. */
  compress?: boolean;
}

const margins = { top: 15 * mm, left: 25 * mm, right: 20 * mm, bottom: 25 * mm };
const bodySize = 11;
const smallSize = 8;
const { regular, bold, italic } = fonts;
const stampHeight = 34;
const qrSize = 26 * mm;
const verificationHeight = qrSize + 14;

/**
 * Renders the signed response to a complaint as an A4 PDF in the layout of an Indonesian
 * official letter (kop surat, nomor/sifat/perihal, addressee, body, signature block).
 * The same input always gives the same bytes: the PDF's dates and file ID come from `signedAt`.
 */
export function renderResponseLetter(input: ResponseLetterInput, options: RenderOptions = {}): Promise<Buffer> {
  if (!Number.isInteger(input.appealWindowDays) || input.appealWindowDays < 1) {
    throw new RangeError('appealWindowDays must be a positive whole number');
  }
  const words = responseLetterWording(input.locale);
  const { doc, done } = openPdf({
    locale: input.locale,
    margins,
    bufferPages: true,
    compress: options.compress ?? true,
    datedAt: input.signedAt,
    title: `${words.subject(input.registerNumber)} (${input.letterNumber})`,
    subject: words.subject(input.registerNumber),
    author: input.unit.name,
  });
  const letter = new LetterWriter(doc, input, words);
  letter.letterhead();
  letter.heading();
  letter.addressee();
  letter.body();
  letter.signature();
  letter.footers();
  doc.end();
  return done;
}

class LetterWriter {
  private readonly left: number;
  private readonly width: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly input: ResponseLetterInput,
    private readonly words: ResponseLetterWording,
  ) {
    this.left = margins.left;
    this.width = doc.page.width - margins.left - margins.right;
  }

  letterhead(): void {
    const { input, words } = this;
    const head = input.letterhead;
    const contacts = [
      head.phone ? `${words.phoneLabel} ${head.phone}` : '',
      head.email ? `${words.emailLabel} ${head.email}` : '',
      head.website ? `${words.websiteLabel} ${head.website}` : '',
    ].filter((part) => part !== '');
    drawLetterhead(this.doc, {
      organisation: head.organisation, unitName: input.unit.name, address: head.address, contacts, logo: head.logo,
    }, { left: this.left, top: margins.top, width: this.width });
  }

  heading(): void {
    const { doc, input, words, left, width } = this;
    doc.font(regular).fontSize(bodySize);
    const date = this.date(input.signedAt);
    const top = doc.y;
    doc.text(date, left, top, { width, align: 'right' });
    const dateWidth = doc.widthOfString(date) + 12;
    const rows: [string, string][] = [
      [words.numberLabel, input.letterNumber],
      [words.classificationLabel, words.classification(input.isConfidential)],
      [words.attachmentLabel, words.noAttachment],
      [words.subjectLabel, words.subject(input.registerNumber)],
    ];
    const labelWidth = Math.max(...rows.map(([label]) => doc.widthOfString(label))) + 8;
    doc.y = top;
    rows.forEach(([label, value], index) => {
      const y = doc.y;
      const valueX = left + labelWidth + 10;
      const valueWidth = width - labelWidth - 10 - (index === 0 ? dateWidth : 0);
      doc.font(regular).text(label, left, y, { lineBreak: false });
      doc.text(':', left + labelWidth, y, { lineBreak: false });
      const isClassified = index === 1 && input.isConfidential;
      const isSubject = index === rows.length - 1;
      doc.font(isClassified || isSubject ? bold : regular).text(text(value), valueX, y, { width: valueWidth });
    });
    doc.font(regular);
    doc.y += bodySize * 1.5;
  }

  addressee(): void {
    const { doc, input, words, left, width } = this;
    doc.font(regular).fontSize(bodySize);
    const named = this.namedReporter();
    if (named) {
      doc.text(text(words.addresseeNamed(named.name)), left, doc.y, { width: width * 0.6 });
      if (named.address) doc.text(text(named.address), { width: width * 0.6 });
      else if (words.atPlace) doc.text(words.atPlace, { width: width * 0.6 });
    } else {
      doc.text(text(words.addresseeWithoutIdentity(input.registerNumber)), left, doc.y, { width: width * 0.6 });
    }
    doc.y += bodySize * 1.5;
  }

  body(): void {
    const { doc, input, words } = this;
    const named = this.namedReporter();
    this.paragraph(words.salutation(named?.name));
    this.paragraph(words.opening(input.registerNumber, this.date(input.receivedAt)));

    const [before, phrase, after] = words.finding(input.finding);
    doc.font(regular).fontSize(bodySize).text(text(before), this.left, doc.y, { width: this.width, continued: true });
    doc.font(bold).text(text(phrase), { continued: true });
    doc.font(regular).text(text(after), { paragraphGap: 8 });

    for (const paragraph of paragraphs(input.responseText)) this.paragraph(paragraph);

    if (input.correctiveActions.length > 0) {
      this.paragraph(words.correctiveActionsIntro, 4);
      const indent = 18;
      input.correctiveActions.forEach((action, index) => {
        const item = `${action.description.trim()} ${words.dueOn(this.calendarDate(action.dueOn))}`;
        const itemWidth = this.width - indent;
        doc.font(regular).fontSize(bodySize);
        if (doc.y + doc.heightOfString(text(item), { width: itemWidth }) > this.bottom()) doc.addPage();
        const y = doc.y;
        doc.text(`${index + 1}.`, this.left, y, { lineBreak: false });
        doc.text(text(item), this.left + indent, y, { width: itemWidth, align: 'justify', paragraphGap: 3 });
      });
      doc.y += 5;
    }

    this.paragraph(words.appeal(input.appealWindowDays, input.registerNumber, input.trackingPageUrl));
  }

  /** The closing sentence and the signature block, kept together so a page never holds a signature alone. */
  signature(): void {
    const { doc, words } = this;
    doc.font(regular).fontSize(bodySize);
    const closingHeight = doc.heightOfString(text(words.closing), { width: this.width, align: 'justify' }) + 8;
    if (doc.y + closingHeight + this.signatureHeight() > this.bottom()) doc.addPage();
    this.paragraph(words.closing);
    this.signatureBlock();
  }

  private signatureLines() {
    const { input } = this;
    return {
      blockWidth: this.width * 0.48,
      placeDate: text(input.place ? `${input.place}, ${this.date(input.signedAt)}` : this.date(input.signedAt)),
      position: text(`${input.signer.position ?? ''}${input.signer.position ? '\n' : ''}${input.signer.unitName},`),
      name: text(input.signer.name),
      nip: input.signer.nip ? text(`NIP. ${input.signer.nip}`) : '',
      stamp: input.isSignedElectronically ? this.words.signedElectronically : this.words.notSignedElectronically,
      trail: this.approvalTrail(),
    };
  }

  private signatureHeight(): number {
    const { doc } = this;
    const { blockWidth, placeDate, position, name, trail, nip } = this.signatureLines();
    const height =
      10 +
      doc.font(regular).fontSize(bodySize).heightOfString(placeDate, { width: blockWidth }) +
      doc.heightOfString(position, { width: blockWidth }) +
      8 + stampHeight + 10 +
      doc.font(bold).heightOfString(name, { width: blockWidth }) +
      (nip ? doc.font(regular).heightOfString(nip, { width: blockWidth }) : 0) +
      (this.input.verification ? verificationHeight : 0) +
      (trail ? 18 + doc.font(regular).fontSize(smallSize).heightOfString(trail, { width: this.width, lineGap: 1 }) : 0);
    doc.font(regular).fontSize(bodySize);
    return height;
  }

  private signatureBlock(): void {
    const { doc, input } = this;
    const { blockWidth, placeDate, position, name, trail, nip, stamp } = this.signatureLines();
    const x = this.left + this.width - blockWidth;
    doc.y += 10;

    doc.font(regular).fontSize(bodySize).text(placeDate, x, doc.y, { width: blockWidth });
    doc.text(position, x, doc.y, { width: blockWidth });
    // No drawn box: the words say what is true of this copy, signed or not.
    const stampTop = doc.y + 8;
    doc.save().fillColor('#374151').font(italic).fontSize(9)
      .text(text(stamp), x, stampTop + stampHeight / 2 - 5, { width: blockWidth });
    doc.restore();
    doc.y = stampTop + stampHeight + 10;
    doc.font(bold).fontSize(bodySize).text(name, x, doc.y, { width: blockWidth, underline: true });
    if (nip) doc.font(regular).fontSize(bodySize).text(nip, x, doc.y, { width: blockWidth });

    if (input.verification) this.verificationBox(input.verification);
    if (trail) {
      doc.y += 18;
      doc.save().fillColor('#4b5563').font(regular).fontSize(smallSize)
        .text(trail, this.left, doc.y, { width: this.width, lineGap: 1 });
      doc.restore();
    }
  }

  /** A QR code and the short code beside it, so anyone holding a copy can check it on the public page. */
  private verificationBox(verification: { code: string; url: string }): void {
    const { doc, words } = this;
    const top = doc.y + 14;
    const size = qrSize;
    const qr = QRCode.create(verification.url, { errorCorrectionLevel: 'M' });
    const count = qr.modules.size;
    // Four modules of quiet zone around the symbol, as readers expect.
    const cell = size / (count + 8);
    doc.save().fillColor('#000000');
    for (let row = 0; row < count; row++) {
      for (let column = 0; column < count; column++) {
        if (qr.modules.data[row * count + column]) doc.rect(this.left + (column + 4) * cell, top + (row + 4) * cell, cell, cell);
      }
    }
    doc.fill().restore();
    const textLeft = this.left + size + 8;
    const textWidth = this.width - size - 8;
    doc.save().fillColor('#374151').font(regular).fontSize(smallSize + 1)
      .text(text(words.verifyHint), textLeft, top + cell * 4, { width: textWidth, lineGap: 1 })
      .font(bold).text(text(verification.url), { width: textWidth, lineGap: 1 })
      .font(regular).text(text(words.verificationCodeLabel), { width: textWidth, continued: true })
      .font(fonts.mono).text(` ${verification.code}`, { width: textWidth });
    doc.restore();
    doc.x = this.left;
    doc.y = Math.max(doc.y, top + size);
  }

  /** Numbers every page and repeats the register number, once the page count is known. */
  footers(): void {
    const { doc, words, input } = this;
    drawOnEveryPage(doc, (pageNumber, pageCount) => {
      const y = doc.page.height - 15 * mm;
      doc.save().lineWidth(0.4).strokeColor('#9ca3af')
        .moveTo(this.left, y - 5).lineTo(this.left + this.width, y - 5).stroke();
      doc.fillColor('#4b5563').font(regular).fontSize(smallSize);
      doc.text(text(words.footerRegister(input.registerNumber)), this.left, y, { lineBreak: false });
      const page = words.page(pageNumber, pageCount);
      doc.text(page, this.left + this.width - doc.widthOfString(page), y, { lineBreak: false });
      doc.restore();
    });
  }

  private approvalTrail(): string {
    const { input, words } = this;
    if (input.approvals.length === 0) return '';
    const entries = input.approvals.map(
      (approval, index) =>
        `${index + 1}. ${approval.name}, ${approval.positionTitle}, ${words.approvedOn(this.dateTime(approval.approvedAt))}`,
    );
    return text([words.approvalTrail, ...entries].join('\n'));
  }

  private paragraph(content: string, gap = 8): void {
    this.doc.font(regular).fontSize(bodySize)
      .text(text(content), this.left, this.doc.y, { width: this.width, align: 'justify', paragraphGap: gap });
  }

  private namedReporter(): { name: string; address?: string } | undefined {
    const { reporter, isConfidential } = this.input;
    return reporter.kind === 'named' && !isConfidential ? reporter : undefined;
  }

  private bottom(): number {
    return this.doc.page.height - margins.bottom;
  }

  private date(at: Date): string {
    return new Intl.DateTimeFormat(this.words.intlLocale, {
      timeZone: this.input.unit.timeZone, day: 'numeric', month: 'long', year: 'numeric',
    }).format(at);
  }

  private dateTime(at: Date): string {
    return new Intl.DateTimeFormat(this.words.intlLocale, {
      timeZone: this.input.unit.timeZone, day: 'numeric', month: 'long', year: 'numeric',
      hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
    }).format(at);
  }

  /** A due date is a calendar day (`2026-12-15`), not an instant: it is printed as written. */
  private calendarDate(day: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
    const at = new Date(`${day}T00:00:00Z`);
    if (Number.isNaN(at.getTime())) return day;
    return new Intl.DateTimeFormat(this.words.intlLocale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
      .format(at);
  }
}

function paragraphs(value: string): string[] {
  return text(value)
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

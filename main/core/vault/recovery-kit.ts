import { writeAtomically } from '../exports/output-file';

export interface RecoveryKit {
  storeId: string;
  recoveryKey: string;
  madeAt: number;
}

const MARGIN = 56;

/**
 * The printable recovery kit: one A4 page with the store's id, the date, the key in large monospaced groups, and
 * what to do with it. Written like card files: 0600 under a temporary name, renamed into place when complete.
 */
export async function writeRecoveryKit(file: string, kit: RecoveryKit, partialPath?: string): Promise<void> {
  // Loaded when a kit is written, not at every start (sheets are drawn in the card worker, which loads its own).
  const { default: PDFDocument } = await import('pdfkit');
  await writeAtomically(file, async (out) => {
    const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: 'Giftdesk recovery kit', Creator: 'Giftdesk' } });
    doc.pipe(out);
    drawKit(doc, kit);
    doc.end();
    await new Promise<void>((resolve, reject) => {
      out.once('finish', resolve);
      out.once('error', reject);
    });
  }, partialPath);
}

function drawKit(doc: PDFKit.PDFDocument, kit: RecoveryKit): void {
  const width = doc.page.width - 2 * MARGIN;
  const made = new Date(kit.madeAt);
  doc.font('Helvetica-Bold').fontSize(22).fillColor('#111111').text('Giftdesk recovery kit');
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(10).fillColor('#444444');
  doc.text(`Store: ${kit.storeId}`);
  doc.text(`Made: ${made.toISOString().slice(0, 10)} at ${made.toISOString().slice(11, 16)} UTC`);
  doc.moveDown(1.2);

  doc.font('Helvetica-Bold').fontSize(11).fillColor('#111111').text('Recovery key');
  doc.moveDown(0.4);
  const boxTop = doc.y;
  const groups = kit.recoveryKey.split('-');
  const lines = [groups.slice(0, 4).join('  '), groups.slice(4).join('  ')];
  doc.rect(MARGIN, boxTop, width, 96).lineWidth(1.5).strokeColor('#111111').stroke();
  doc.font('Courier-Bold').fontSize(24).fillColor('#000000');
  lines.forEach((line, i) => doc.text(line, MARGIN, boxTop + 18 + i * 34, { width, align: 'center', lineBreak: false }));
  doc.y = boxTop + 96 + 18;
  doc.x = MARGIN;

  const section = (title: string, body: string[]) => {
    doc.font('Helvetica-Bold').fontSize(11).fillColor('#111111').text(title, MARGIN, doc.y, { width });
    doc.moveDown(0.25);
    doc.font('Helvetica').fontSize(10).fillColor('#222222');
    doc.list(body, MARGIN, doc.y, { width, bulletRadius: 1.6, textIndent: 12, bulletIndent: 2, paragraphGap: 3 });
    doc.moveDown(0.8);
  };
  section('What this key does', [
    'It opens this store on its own, on any computer: the card store itself, or any Giftdesk backup of it.',
    'Whoever holds it and a backup holds every card in it. Treat it like the cards themselves.',
  ]);
  section('Keep it', [
    'Print this page and keep it offline: in a safe, or a locked drawer away from the computer. Do not photograph it, e-mail it or store it beside the backups.',
    'Delete the PDF file once the page is printed.',
  ]);
  section('When you need it', [
    'Passcode forgotten, or the system keychain reset: open Giftdesk and choose to use the recovery key, or run  giftdesk restore FILE  with a backup.',
    'New or reinstalled computer: install Giftdesk, choose "Restore from a backup", pick the backup file and type this key.',
    'Giftdesk then asks for a new passcode for that computer.',
  ]);
  section('When it is replaced', [
    'Making a new recovery key (Security, or  giftdesk recovery-kit) stops this one from opening the store. Backups made before that still open with this key: make a new backup and keep the new kit.',
  ]);
}

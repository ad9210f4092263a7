// What a card worker does with a job. Runs inside the worker thread; cards come from the main thread in batches.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Encrypter } from 'age-encryption';
import { configure, ZipWriter } from '@zip.js/zip.js';
import { alignmentDocument } from '../sheets/alignment-page';
import { recordDocument } from '../sheets/handout-record';
import { resolveLayout } from '../sheets/layouts';
import { createSheetDocument, drawSheet, type SheetJob } from '../sheets/render-sheet';
import type { PrintableCard } from '../sheets/printable-card';
import type { CardStreams } from './card-stream';
import { csvChunks } from './csv';
import { drain, writeAtomically } from './output-file';
import type { CardJob, CardJobResult } from './worker-protocol';

// We already are the worker thread; zip.js must not start web workers of its own.
configure({ useWebWorkers: false });

/** The job's file, written under the temporary name main noted (so a crash's leftover is found at the next start). */
const writeOut = (job: { outPath: string; partialPath?: string }, write: Parameters<typeof writeAtomically>[1]) => writeAtomically(job.outPath, write, job.partialPath);

export async function runCardJob(job: CardJob, streams: CardStreams): Promise<CardJobResult> {
  switch (job.kind) {
    case 'sheet-file': {
      let drawn = { pages: 0, cards: 0 };
      const bytes = await writeOut(job, async (out) => {
        const { doc, layout } = createSheetDocument(job.sheet);
        const written = pipeline(doc, out);
        // If drawing fails, writeAtomically destroys the file stream and this pipeline fails too; the drawing error is
        // the one to report, so the pipeline's is only awaited (and so reported) once drawing has finished.
        written.catch(() => {});
        drawn = await drawSheet(doc, layout, job.sheet, streams.open(), () => drain(() => doc.readableLength + out.writableLength));
        await written;
      });
      return { ...drawn, bytes };
    }
    case 'sheet-bytes': {
      const { doc, layout } = createSheetDocument(job.sheet);
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const ended = new Promise((resolve) => doc.on('end', resolve));
      const drawn = await drawSheet(doc, layout, job.sheet, streams.open());
      await ended;
      const pdf = new Uint8Array(Buffer.concat(chunks));
      return { ...drawn, bytes: pdf.byteLength, pdf };
    }
    case 'zip': {
      let cards = 0;
      let pages: number | null = null;
      const bytes = await writeOut(job, async (out) => {
        const zip = new ZipWriter(Writable.toWeb(out), { password: job.password, encryptionStrength: 3 });
        const counted = countCards(streams.open(), (n) => (cards = n));
        await zip.add('cards.csv', pullStream(csvChunks(counted, job.csv)));
        if (job.sheet) pages = await addSheet(zip, job.sheet, streams);
        await zip.close();
      });
      return { cards, pages, bytes };
    }
    case 'age': {
      let cards = 0;
      const encrypter = new Encrypter();
      if (job.passphrase !== null) encrypter.setPassphrase(job.passphrase);
      for (const r of job.recipients) encrypter.addRecipient(r);
      const bytes = await writeOut(job, async (out) => {
        const counted = countCards(streams.open(), (n) => (cards = n));
        const encrypted = await encrypter.encrypt(pullStream(csvChunks(counted, job.csv)));
        await pipeline(Readable.fromWeb(encrypted as unknown as NodeReadableStream<Uint8Array>), out);
      });
      return { cards, pages: null, bytes };
    }
    case 'alignment': {
      const bytes = await writeAtomically(job.outPath, (out) => pipeline(alignmentDocument(resolveLayout(job.layout)), out));
      return { cards: 0, pages: 1, bytes };
    }
    case 'record': {
      let pages = 0;
      const bytes = await writeAtomically(job.outPath, async (out) => {
        const made = recordDocument(job.record);
        pages = made.pages;
        await pipeline(made.doc, out);
      });
      return { cards: job.record.rows.length, pages, bytes };
    }
    case 'xlsx': {
      let cards = 0;
      // Loaded only for this job: exceljs is big, and every other job would pay for loading it when the worker starts.
      const { encryptedXlsx } = await import('./xlsx');
      const encrypted = await encryptedXlsx(countCards(streams.open(), (n) => (cards = n)), job.file, job.password);
      const bytes = await writeOut(job, (out) => new Promise<void>((resolve) => out.end(encrypted, resolve)));
      return { cards, pages: null, bytes };
    }
  }
}

async function addSheet(zip: ZipWriter<unknown>, sheet: SheetJob, streams: CardStreams): Promise<number> {
  const { doc, layout } = createSheetDocument(sheet);
  const added = zip.add('cards.pdf', Readable.toWeb(doc) as unknown as ReadableStream<Uint8Array>);
  added.catch(() => {}); // as above: a drawing error is reported first, the ZIP's own only after drawing succeeded
  const drawn = await drawSheet(doc, layout, sheet, streams.open(), () => drain(() => doc.readableLength));
  await added;
  return drawn.pages;
}

async function* countCards(cards: AsyncIterable<PrintableCard[]>, seen: (n: number) => void): AsyncGenerator<PrintableCard[]> {
  let n = 0;
  for await (const batch of cards) {
    n += batch.length;
    seen(n);
    yield batch;
  }
}

/** A web stream that asks the generator for the next chunk only when its reader wants one. */
function pullStream(chunks: AsyncIterator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return?.(undefined);
    },
  });
}

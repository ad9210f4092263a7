import type { CardJobControl } from '../../core/app/outputs';

// The long card jobs of this window's session (a big sheet, a big card file), by the id the window gave its request:
// the window asks how far one is and can cancel it. The worker stops at its next batch and removes its unfinished file.

interface Running {
  cards: number;
  total: number | null;
  abort: AbortController;
}

export class OutputJobs {
  private readonly running = new Map<string, Running>();

  /** Runs `work` under `jobId` (none: not followed), with the control the card job reports to and stops by. */
  async follow<T>(jobId: string | undefined, total: number | null, work: (control: CardJobControl) => Promise<T>): Promise<T> {
    if (!jobId) return work({});
    const job: Running = { cards: 0, total, abort: new AbortController() };
    this.running.set(jobId, job);
    try {
      return await work({ signal: job.abort.signal, onProgress: (cards) => (job.cards = cards) });
    } finally {
      this.running.delete(jobId);
    }
  }

  progress(jobId: string): { running: boolean; cards: number; total: number | null } {
    const job = this.running.get(jobId);
    return job ? { running: true, cards: job.cards, total: job.total } : { running: false, cards: 0, total: null };
  }

  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    job?.abort.abort();
    return job !== undefined;
  }
}

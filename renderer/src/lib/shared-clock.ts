// One clock for the whole window. Every countdown on screen (the next status check, a revealed card's time left)
// reads it, so there is a single timer however many rows show one; it runs only while something is listening, and
// each listener re-renders only when the value it shows (the time at its own resolution) changes.

type Listener = () => void;

const listeners = new Map<Listener, number>();
let timer: ReturnType<typeof setInterval> | null = null;
let period = 0;
let now = Date.now();

function restart(): void {
  const wanted = listeners.size === 0 ? 0 : Math.min(...listeners.values());
  if (wanted === period) return;
  if (timer !== null) clearInterval(timer);
  timer = null;
  period = wanted;
  if (wanted === 0) return;
  now = Date.now();
  timer = setInterval(() => {
    now = Date.now();
    for (const listener of [...listeners.keys()]) listener();
  }, wanted);
}

/** Listens to the one clock at `everyMs` (or finer, if another listener asks for it); returns how to stop. */
export function subscribeClock(listener: Listener, everyMs: number): () => void {
  listeners.set(listener, everyMs);
  restart();
  return () => {
    listeners.delete(listener);
    restart();
  };
}

/** The clock's time, as of its last tick (or now, while it is stopped: the first reader of a screen is not late). */
export function clockNow(): number {
  if (timer === null) now = Date.now();
  return now;
}

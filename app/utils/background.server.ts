/*
 * Background work (export batches) waits for its turn here: one waiter is let through per
 * event-loop iteration, whatever the number of exports running, so requests and timers are served
 * between any two batches and a stall is one batch long, never five exports' batches in a row.
 */
const waiting: (() => void)[] = [];
let pumping = false;
function pump() {
  const next = waiting.shift();
  if (!next) {
    pumping = false;
    return;
  }
  next();
  // An immediate queued while immediates run waits for the next iteration of the loop.
  setImmediate(pump);
}

/** Resolves on this process's next free turn for a batch of background work. */
export function nextBackgroundTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
  });
}

// Runs synchronous work, such as coding a batch of transcripts, so that it can be stopped: when it overruns a time
// budget (a regular expression term backtracking without end) and when Ctrl-C is pressed. JavaScript cannot
// interrupt a running regex, but V8 can: node:vm's timeout and breakOnSigint end whatever runs in the call,
// our own functions included, from a watchdog thread. A call costs ≈0.2 ms, so work is guarded in batches.
import vm from 'node:vm';

/** The work overran its budget. */
export class BudgetExceeded extends Error {
  constructor(readonly ms: number) {
    super(`took more than ${ms} ms`);
    this.name = 'BudgetExceeded';
  }
}

/** Ctrl-C (SIGINT) was pressed while the work ran. */
export class Interrupted extends Error {
  constructor(readonly signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP' = 'SIGINT') {
    super(`interrupted by ${signal}`);
    this.name = 'Interrupted';
  }
}

// The slot is emptied with a function made out here: one made inside withinBudget would keep the last work and its
// result (a batch's codings, and through them its transcripts' text) alive until the next call.
const nothing = (): void => undefined;
const slot: { work: () => void } = { work: nothing };
const context = vm.createContext(slot);
const script = new vm.Script('work()');

/** Runs `work`, stopping it after `ms` milliseconds or at Ctrl-C. */
export function withinBudget<T>(work: () => T, ms: number): T {
  let result: T | undefined;
  (context as typeof slot).work = () => void (result = work());
  try {
    script.runInContext(context, { timeout: Math.max(1, Math.round(ms)), breakOnSigint: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new BudgetExceeded(ms);
    if (code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') throw new Interrupted('SIGINT');
    throw e;
  } finally {
    (context as typeof slot).work = nothing;
  }
  return result as T;
}

/** Lets the event loop run: signal handlers, the spinner, pending writes. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

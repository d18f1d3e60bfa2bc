// A worker thread answering requests one reply each (the chart renderer, the leak check's name finder, the coding
// threads): requests are numbered, replies settle them, and a worker that fails or stops fails every request still
// waiting, and every later one.
import { Worker } from 'node:worker_threads';

export interface WorkerClient<Request, Result> {
  request(request: Request): Promise<Result>;
  /** Ends the worker; requests still waiting fail. */
  close(): Promise<void>;
}

/** What a worker replies to request `id`: its result, or the error that stopped it, as text. */
export type WorkerReply<Result> = { readonly id: number; readonly result: Result } | { readonly id: number; readonly error: string };

// A young generation smaller than V8's default (16 MB and more), for every worker: measured no slower and lighter at
// the peak, by 50 MB for two coding threads on 50 MB of text (410–415 MB against 463–465 MB), 20 MB for the name
// finder and 5 MB for the chart renderer on 10 MB (shape a of the bench, three runs each in turns).
const YOUNG_GENERATION_MB = 8;

/** `what` names the worker in errors ("the chart worker"); `workerData` is cloned into it as it starts. */
export function startWorker<Request, Result>(url: URL, what: string, workerData?: unknown): WorkerClient<Request, Result> {
  const worker = new Worker(url, { ...(workerData === undefined ? {} : { workerData }), resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  // An idle worker must not keep the process alive; one with a request waiting must.
  worker.unref();
  type Waiting = { resolve: (result: Result) => void; reject: (error: Error) => void };
  const pending = new Map<number, Waiting>();
  let next = 0;
  const settle = (id: number): Waiting | undefined => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    return waiting;
  };
  worker.on('message', (reply: WorkerReply<Result>) => {
    const waiting = settle(reply.id);
    if ('error' in reply) waiting?.reject(new Error(`${what} failed: ${reply.error}`));
    else waiting?.resolve(reply.result);
  });
  // Once the worker has failed or stopped, a request would wait for ever: it fails with the same error at once.
  let ended: Error | undefined;
  const failAll = (error: Error) => {
    ended ??= error;
    for (const id of [...pending.keys()]) settle(id)?.reject(error);
  };
  worker.on('error', (error) => failAll(new Error(`${what} failed: ${error.message}`)));
  worker.on('exit', (code) => failAll(new Error(`${what} stopped (exit code ${code})`)));
  return {
    request(request) {
      if (ended !== undefined) return Promise.reject(ended);
      const id = next++;
      worker.ref();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, request });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** In a worker: answers each request with `answer`, once `ready` has settled. */
export function answerRequests<Request, Result, Ready>(port: { on(event: 'message', listener: (message: { id: number; request: Request }) => void): unknown; postMessage(reply: WorkerReply<Result>): void }, ready: Promise<Ready>, answer: (ready: Ready, request: Request) => Result | Promise<Result>): void {
  port.on('message', ({ id, request }) => {
    ready
      .then((loaded) => answer(loaded, request))
      .then(
        (result) => port.postMessage({ id, result }),
        (error: unknown) => port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
}

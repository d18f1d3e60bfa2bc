// Progress on stderr: an ora spinner for a person at a terminal, nothing otherwise.
import type { CliIo } from '../io.js';
import { isInteractive } from '../io.js';

export interface Progress {
  update(text: string): void;
  /** Writes a message to stderr without garbling the spinner's line. */
  print(text: string): void;
  stop(): void;
}

export async function startProgress(io: CliIo, text: string): Promise<Progress> {
  if (!isInteractive(io)) return { update: () => undefined, print: io.stderr, stop: () => undefined };
  const { default: ora } = await import('ora');
  const spinner = ora({ text, stream: process.stderr }).start();
  return {
    update: (t) => void (spinner.text = t),
    print: (t) => {
      spinner.clear();
      io.stderr(t);
      spinner.render();
    },
    stop: () => void spinner.stop(),
  };
}

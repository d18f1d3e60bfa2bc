// Progress on stderr: an ora spinner for a person at a terminal, nothing otherwise.
import type { CliIo } from '../io.js';
import { isInteractive } from '../io.js';

export interface Progress {
  update(text: string): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

export async function startProgress(io: CliIo, text: string): Promise<Progress> {
  if (!isInteractive(io)) return silent;
  const { default: ora } = await import('ora');
  const spinner = ora({ text, stream: process.stderr }).start();
  return { update: (t) => void (spinner.text = t), stop: () => void spinner.stop() };
}

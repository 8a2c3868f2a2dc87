/** The CLI's only ways to write: injectable so tests can capture output without spawning a process. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout/stderr are terminals (colours, progress). */
  isTTY: boolean;
}

export const processOutput: Output = {
  out: (text) => void process.stdout.write(text + "\n"),
  err: (text) => void process.stderr.write(text + "\n"),
  isTTY: Boolean(process.stdout.isTTY),
};

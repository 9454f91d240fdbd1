// Runs the executor's remote calls one at a time, printing each as it completes
// and remembering what was done, so a failure can say exactly where it stopped.

export class StepError extends Error {
  constructor(
    readonly step: string,
    readonly original: unknown,
    readonly hint?: string,
  ) {
    super(`${step}: ${errorMessage(original)}`);
  }
}

export class Steps {
  /** Completed changes and checks, in order. */
  readonly done: string[] = [];
  readonly warnings: string[] = [];

  constructor(private readonly log: (line: string) => void) {}

  /** Runs one remote call; on failure throws a StepError naming the step (and hint, if any). */
  async run<T>(label: string, action: () => Promise<T>, hint?: string): Promise<T> {
    try {
      const result = await action();
      this.done.push(label);
      this.log(`  ✔ ${label}`);
      return result;
    } catch (err) {
      this.log(`  ✖ ${label}: ${errorMessage(err)}`);
      throw new StepError(label, err, hint);
    }
  }

  /** A check that failed without a remote call (e.g. an index in conflict). */
  fail(label: string, reason: string): never {
    this.log(`  ✖ ${label}: ${reason}`);
    throw new StepError(label, new Error(reason));
  }

  /** Something found, not changed (e.g. an index already there). */
  note(line: string): void {
    this.log(`  · ${line}`);
  }

  warn(line: string): void {
    this.warnings.push(line);
    this.log(`  ! ${line}`);
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' && code && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}

export function errorCode(err: unknown): string | undefined {
  const code = err && typeof err === 'object' ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

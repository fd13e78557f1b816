/**
 * Things to undo (child processes, temp dirs, scratch databases), undone in reverse order
 * whether the run ends normally, throws, or is interrupted with Ctrl-C / SIGTERM.
 */
export class Cleanup {
  private readonly tasks: { name: string; undo: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  /** Registers `undo`; the returned function runs it early (once) and forgets it. */
  defer(name: string, undo: () => Promise<void>): () => Promise<void> {
    const task = { name, undo };
    this.tasks.push(task);
    return async () => {
      const index = this.tasks.indexOf(task);
      if (index === -1) return;
      this.tasks.splice(index, 1);
      await undo();
    };
  }

  runAll(): Promise<void> {
    this.running ??= (async () => {
      while (this.tasks.length > 0) {
        const task = this.tasks.pop();
        if (!task) break;
        try {
          await task.undo();
        } catch (error) {
          console.error(`cleanup "${task.name}" failed:`, error);
        }
      }
    })();
    return this.running;
  }

  /**
   * On SIGINT/SIGTERM: undo everything, then exit with the signal's conventional code.
   * An uncaught error (e.g. an 'error' event nobody listens to) also undoes everything first.
   */
  onSignals(): void {
    process.once('uncaughtException', (error) => {
      console.error('uncaught error:', error);
      void this.runAll().finally(() => process.exit(1));
    });
    const handle = (signal: NodeJS.Signals, code: number) => {
      process.once(signal, () => {
        console.error(`\n${signal}: cleaning up…`);
        void this.runAll().finally(() => process.exit(code));
      });
    };
    handle('SIGINT', 130);
    handle('SIGTERM', 143);
  }
}

// A console-compatible logger; every line passes through the redactor before it is written.
/** A console-compatible logger (the client option `logger`); every message and data object is redacted first. */
export interface Logger {
  /** Token refreshes and other detail. */
  debug?(message: string, data?: Record<string, unknown>): void;
  /** Rate-limit pauses and shared state coming back. */
  info?(message: string, data?: Record<string, unknown>): void;
  /** Retries, response validation issues, shared state falling back to this process. */
  warn?(message: string, data?: Record<string, unknown>): void;
  /** Failures the client could not recover from. */
  error?(message: string, data?: Record<string, unknown>): void;
}

/** A level of the `Logger`. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

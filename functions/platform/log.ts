/**
 * Structured JSON logs, one line each, with the request id. Never pass personal data (names, phone numbers, ID numbers,
 * openids, texts residents wrote): log ids and codes only.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export type LogSink = (line: string) => void;
let sink: LogSink = (line) => process.stdout.write(`${line}\n`);
/** Writes one line as it is (a metric in the Embedded Metric Format: platform/metrics.ts), whatever the level. */
export function emitLine(line: string): void {
  sink(line);
}

/** Tests capture log lines through this. */
export function setLogSink(next: LogSink): LogSink {
  const prev = sink;
  sink = next;
  return prev;
}

export function createLogger(base: Record<string, unknown> = {}): Logger {
  const min = order[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? order.info;
  const write = (level: Level, msg: string, fields?: Record<string, unknown>) => {
    if (order[level] < min) return;
    sink(JSON.stringify({ level, time: new Date().toISOString(), msg, ...base, ...fields }));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger({ ...base, ...fields }),
  };
}

/**
 * Structured logs: one JSON object per line on stdout. Callers pass only metadata (route, status,
 * seq, sizes, counts); there is deliberately no field for a body, a token or a code, and
 * `redactFields` drops any key that looks like one in case a caller slips.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type Logger = (level: 'info' | 'warn' | 'error', msg: string, fields?: LogFields) => void;

const FORBIDDEN = /body|token|secret|code|payload|text|message|signed|authorization|ciphertext/i;

function redactFields(fields: LogFields): LogFields {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !FORBIDDEN.test(key)));
}

export function createLogger(write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  return (level, msg, fields = {}) => write(`${JSON.stringify({ t: new Date().toISOString(), level, msg, ...redactFields(fields) })}\n`);
}

export const silentLogger: Logger = () => undefined;

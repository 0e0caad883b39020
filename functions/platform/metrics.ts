import { emitLine } from './log';

/**
 * Custom CloudWatch metrics in the Embedded Metric Format: one JSON line in the function's log, which CloudWatch turns
 * into a metric without a PutMetricData call (no IAM action, no extra round trip). Namespace `linli`, dimension `Stage`
 * (cloud/alarms.js alarms on exactly these).
 */
export function metricLine(name: 'DeadLetters', value: number, stage: string, at = new Date()): string {
  return JSON.stringify({
    _aws: { Timestamp: at.getTime(), CloudWatchMetrics: [{ Namespace: 'linli', Dimensions: [['Stage']], Metrics: [{ Name: name, Unit: 'Count' }] }] },
    Stage: stage,
    [name]: value,
  });
}

/**
 * linli/DeadLetters: a worker calls this with the number of work items it gave up on in a run (and only when there are
 * some), so the DeadLettersAlarm fires on the first one.
 */
export function countDeadLetters(count: number, env: NodeJS.ProcessEnv = process.env): void {
  if (count > 0) emitLine(metricLine('DeadLetters', count, env.LINLI_STAGE ?? 'local'));
}

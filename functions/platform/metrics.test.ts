import { countDeadLetters } from './metrics';
import { setLogSink } from './log';

describe('the dead-letter metric', () => {
  it('is one Embedded Metric Format line that CloudWatch reads as linli/DeadLetters of the stage, as the alarm watches it', () => {
    // Prepare
    const lines: string[] = [];
    const prev = setLogSink((l) => lines.push(l));
    try {
      // Act
      countDeadLetters(3, { LINLI_STAGE: 'prod' });
      countDeadLetters(0, { LINLI_STAGE: 'prod' });
    } finally {
      setLogSink(prev);
    }
    // Assess
    expect(lines).toHaveLength(1);
    const emf = JSON.parse(lines[0]!);
    expect(emf._aws.CloudWatchMetrics).toEqual([{ Namespace: 'linli', Dimensions: [['Stage']], Metrics: [{ Name: 'DeadLetters', Unit: 'Count' }] }]);
    expect(emf).toMatchObject({ Stage: 'prod', DeadLetters: 3 });
    expect(typeof emf._aws.Timestamp).toBe('number');
  });
});

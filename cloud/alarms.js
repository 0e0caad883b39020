'use strict';
/**
 * CloudWatch alarms, all to one SNS topic (AlarmTopic; its e-mail subscriber is the `alarmEmail` param):
 *   - the HTTP API's 5xx (a 5xx is a bug, a timeout or DynamoDB contention the retries did not absorb),
 *   - per function: Lambda errors (for a job, a failed run: DeadLetters and the next run do the rest) and throttles
 *     (its reserved concurrency, or the account's, is too small for its traffic),
 *   - the dead letters: the custom metric linli/DeadLetters (namespace `linli`, metric `DeadLetters`, dimension
 *     `Stage` = the stage), which the workers emit (Embedded Metric Format) for each work item they give up on.
 * The functions come from the capability declarations, so a new function gets its alarms without an edit here.
 * serverless.yml takes `resources` from here (`${file(./cloud/alarms.js):resources}`).
 */
const { declarations } = require('./declarations');

const PERIOD = 300;

/** serverless's logical id of a function's AWS::Lambda::Function */
const lambdaLogicalId = (fn) => `${fn[0].toUpperCase()}${fn.slice(1).replace(/-/g, 'Dash').replace(/_/g, 'Underscore')}LambdaFunction`;
const alarmLogicalId = (fn, what) => `${fn[0].toUpperCase()}${fn.slice(1)}${what}Alarm`;

function alarm({ description, namespace, metric, dimensions, threshold = 1, periods = 1, statistic = 'Sum' }) {
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmDescription: description,
      Namespace: namespace,
      MetricName: metric,
      Dimensions: dimensions,
      Statistic: statistic,
      Period: PERIOD,
      EvaluationPeriods: periods,
      Threshold: threshold,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      // no data is no errors: a quiet night is not an alarm
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: 'AlarmTopic' }],
      OKActions: [{ Ref: 'AlarmTopic' }],
    },
  };
}

async function resources({ resolveVariable } = {}) {
  const stage = resolveVariable ? await resolveVariable('sls:stage') : 'dev';
  const email = resolveVariable ? await resolveVariable('param:alarmEmail') : '';
  const out = {
    AlarmTopic: {
      Type: 'AWS::SNS::Topic',
      Properties: { DisplayName: `linli ${stage} alarms` },
    },
    HttpApi5xxAlarm: alarm({
      description: `linli ${stage}: the HTTP API answered 5xx (5+ in 5 minutes): errors, timeouts or contention; see the functions' logs by request id`,
      namespace: 'AWS/ApiGateway',
      metric: '5xx',
      dimensions: [
        { Name: 'ApiId', Value: { Ref: 'HttpApi' } },
        { Name: 'Stage', Value: '$default' },
      ],
      threshold: 5,
    }),
    DeadLettersAlarm: alarm({
      description: `linli ${stage}: work items were dead-lettered (linli/DeadLetters): read them on the dead-letter list and retry or mend`,
      namespace: 'linli',
      metric: 'DeadLetters',
      dimensions: [{ Name: 'Stage', Value: stage }],
    }),
  };
  if (email) {
    out.AlarmEmailSubscription = { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'AlarmTopic' }, Protocol: 'email', Endpoint: email } };
  }
  for (const fn of declarations().functionDeclarations) {
    const dimensions = [{ Name: 'FunctionName', Value: { Ref: lambdaLogicalId(fn.name) } }];
    out[alarmLogicalId(fn.name, fn.kind === 'job' ? 'JobFailed' : 'Errors')] = alarm({
      description:
        fn.kind === 'job'
          ? `linli ${stage}: the job ${fn.name} failed (an error or its ${fn.timeout ?? 10} s timeout)`
          : `linli ${stage}: the function ${fn.name} failed outside its error handling (a refused configuration at start, a timeout)`,
      namespace: 'AWS/Lambda',
      metric: 'Errors',
      dimensions,
    });
    out[alarmLogicalId(fn.name, 'Throttles')] = alarm({
      description: `linli ${stage}: invocations of ${fn.name} were throttled (its reserved concurrency or the account's limit)`,
      namespace: 'AWS/Lambda',
      metric: 'Throttles',
      dimensions,
      // a schedule retries a throttled job itself; an API caller gets a 429 it may retry: alarm on a sustained pattern
      threshold: fn.kind === 'job' ? 1 : 10,
    });
  }
  return out;
}

module.exports = { resources, lambdaLogicalId };

import { startLocalStack } from '../../scripts/localStack';

/**
 * One local stack for the whole run: DynamoDB Local, s3rver and the WeChat stand-in on free ports. Each suite makes
 * its own table in it, so suites run in parallel without seeing each other.
 */
export default async function globalSetup(): Promise<void> {
  const stack = await startLocalStack({ dynamoPort: 0, s3Port: 0, wechatPort: 0, log: () => {}, corsOrigins: ['*'] });
  (globalThis as { __linliStack?: unknown }).__linliStack = stack;
  Object.assign(process.env, stack.env, { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', LINLI_STACK: '1' });
}

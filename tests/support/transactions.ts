import { TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Counts the items of every TransactWriteItems sent on `client` from now on (DynamoDB refuses more than 100), as
 * sent on the wire, retries included. `stop()` puts the client back as it was.
 */
export function watchTransactions(client: DynamoDBClient): { sizes: number[]; largest: () => number; stop: () => void } {
  const sizes: number[] = [];
  const send = client.send.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const spy = jest.spyOn(client, 'send').mockImplementation(((command: unknown, ...rest: unknown[]) => {
    if (command instanceof TransactWriteItemsCommand) sizes.push(command.input.TransactItems?.length ?? 0);
    return send(command, ...rest);
  }) as never);
  return { sizes, largest: () => Math.max(0, ...sizes), stop: () => spy.mockRestore() };
}

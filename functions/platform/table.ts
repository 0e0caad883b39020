/**
 * The one table. serverless.yml declares the same shape for the cloud; scripts/ create it on DynamoDB Local from here.
 * pk/sk for items and their collections; three generic indexes (gsi1..gsi3) whose meaning each capability's README lists;
 * `expiresAt` (epoch seconds) is the TTL attribute.
 */
export const tableIndexes = ['gsi1', 'gsi2', 'gsi3'] as const;
export type IndexName = (typeof tableIndexes)[number];

export const ttlAttribute = 'expiresAt';

export function tableDefinition(tableName: string) {
  const stringAttr = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [
      stringAttr('pk'),
      stringAttr('sk'),
      ...tableIndexes.flatMap((i) => [stringAttr(`${i}pk`), stringAttr(`${i}sk`)]),
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' as const },
      { AttributeName: 'sk', KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: tableIndexes.map((i) => ({
      IndexName: i,
      KeySchema: [
        { AttributeName: `${i}pk`, KeyType: 'HASH' as const },
        { AttributeName: `${i}sk`, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}

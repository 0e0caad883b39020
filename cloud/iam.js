'use strict';
/**
 * One IAM role per Lambda function, with only what its capability declaration says it needs
 * (functions/<capability>/capability.ts, `needs`). serverless.yml pulls these in with `${file(./cloud/iam.js):roles}`
 * and cloud/functions.js points each function at its role. The local guard (functions/platform/cloudRules.ts) checks
 * every call of the tests and of `npm start` against the same declarations, so a missing action fails there first.
 *
 * Every ARN is built with ${AWS::Partition}, so the same template deploys to AWS China (aws-cn) and global regions.
 * There is no Scan anywhere: no function may scan the table (DESIGN: no Scan on a request path).
 * DynamoDB has no separate IAM action for transactions: TransactWriteItems is checked against PutItem / UpdateItem /
 * DeleteItem / ConditionCheckItem on each item, TransactGetItems against GetItem.
 * The declared key prefixes are enforced by the local guard; IAM gets the actions on the table and its indexes (a
 * dynamodb:LeadingKeys condition would also bind the prefixes in AWS, but it applies to index queries differently and
 * is left until it can be tried against a real account).
 */
const { declarations } = require('./declarations');
const { secretStatements } = require('./secrets');

const TABLE = 'LinliTable';
const BUCKET = 'UploadBucket';
const RELIEF_KEY = 'ReliefKey';

function roleName(fn) {
  return `${fn[0].toUpperCase()}${fn.slice(1)}Role`;
}

/** The DynamoDB, S3 and KMS actions a function's declared needs come to. */
function actionsOf(needs) {
  const t = needs.table ?? {};
  const dynamodb = [];
  if (t.read?.length) dynamodb.push('GetItem', 'BatchGetItem', 'Query');
  if (t.write?.length) dynamodb.push('PutItem', 'UpdateItem', 'ConditionCheckItem');
  if (t.delete?.length) dynamodb.push('DeleteItem');
  const s3 = [];
  if (needs.bucket?.read?.length) s3.push('GetObject');
  if (needs.bucket?.write?.length) s3.push('PutObject');
  if (needs.bucket?.tag?.length) s3.push('PutObjectTagging');
  return { dynamodb, s3, kms: [...(needs.kms ?? [])] };
}


function role(fn) {
  const { dynamodb, s3, kms } = actionsOf(fn.needs);
  const statements = [
    {
      Sid: 'Logs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: {
        'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/\${AWS::StackName}-${fn.name}:*`,
      },
    },
  ];
  if (dynamodb.length) {
    statements.push({
      Sid: 'Table',
      Effect: 'Allow',
      Action: dynamodb.map((a) => `dynamodb:${a}`),
      Resource: [
        { 'Fn::GetAtt': [TABLE, 'Arn'] },
        { 'Fn::Join': ['', [{ 'Fn::GetAtt': [TABLE, 'Arn'] }, '/index/*']] },
      ],
    });
  }
  if (s3.length) {
    // only the declared prefixes of the bucket, for the actions declared on them
    for (const [sid, action, list] of [
      ['UploadsRead', 'GetObject', fn.needs.bucket.read ?? []],
      ['UploadsWrite', 'PutObject', fn.needs.bucket.write ?? []],
      ['UploadsTag', 'PutObjectTagging', fn.needs.bucket.tag ?? []],
    ]) {
      if (!list.length) continue;
      statements.push({
        Sid: sid,
        Effect: 'Allow',
        Action: [`s3:${action}`],
        Resource: list.map((p) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:s3:::\${${BUCKET}}/${p}*` })),
      });
    }
  }
  if (kms.length) {
    statements.push({
      Sid: 'ReliefKey',
      Effect: 'Allow',
      Action: kms.map((a) => `kms:${a}`),
      Resource: { 'Fn::GetAtt': [RELIEF_KEY, 'Arn'] },
      // only with relief's encryption context (platform/crypto.ts)
      Condition: { StringEquals: { 'kms:EncryptionContext:app': 'linli', 'kms:EncryptionContext:purpose': 'relief' } },
    });
  }
  statements.push(...secretStatements(fn.needs.secrets ?? []));
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: `linli ${fn.name}: least privilege, from functions/${fn.capability}/capability.ts`,
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      Policies: [{ PolicyName: fn.name, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
    },
  };
}

function roles() {
  const out = {};
  for (const fn of declarations().functionDeclarations) out[roleName(fn.name)] = role(fn);
  return out;
}

module.exports = {
  get roles() {
    return roles();
  },
  roleName,
  actionsOf,
};

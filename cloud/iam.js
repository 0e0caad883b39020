'use strict';
/**
 * One IAM role per Lambda function, with only what that function does. serverless.yml pulls these in with
 * `${file(./cloud/iam.js):roles}` and points each function at its role (`role: <Name>Role`).
 *
 * Every ARN is built with ${AWS::Partition}, so the same template deploys to AWS China (aws-cn) and global regions.
 * There is no Scan anywhere: no function may scan the table (DESIGN: no Scan on a request path).
 * DynamoDB has no separate IAM action for transactions: TransactWriteItems is checked against PutItem / UpdateItem /
 * DeleteItem / ConditionCheckItem on each item, TransactGetItems against GetItem.
 *
 * When a function starts using a new access (say, DeleteItem), add it here: the function gets AccessDenied in the
 * cloud otherwise (locally nothing checks IAM).
 */

const READ = ['GetItem', 'BatchGetItem', 'Query'];
const WRITE = ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'];

/** function key in serverless.yml → what it may do */
const permissions = {
  platform: { dynamodb: ['GetItem'] },
  auth: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'ConditionCheckItem'] },
  org: { dynamodb: [...READ, ...WRITE] },
  sayItDay: { dynamodb: [...READ, ...WRITE], s3: ['GetObject', 'PutObject', 'PutObjectTagging', 'DeleteObjectTagging'] },
  notifications: { dynamodb: [...READ, ...WRITE] },
  uploads: { dynamodb: ['GetItem', 'PutItem', 'ConditionCheckItem'], s3: ['PutObject', 'GetObject'] },
  // photos (matters, resolutions, evidence, attachments) are read back by presigned GET URLs signed with this role
  fiveLists: { dynamodb: [...READ, ...WRITE], s3: ['GetObject'] },
  escalateOverdue: { dynamodb: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'] },
  // poster images are read back by presigned GET URLs signed with this role; a volunteer's ID number is sealed
  // (GenerateDataKey) for the certificate of hours, which prints only its masked form: nothing here opens it (no Decrypt)
  signups: { dynamodb: [...READ, ...WRITE], s3: ['GetObject'], kms: ['GenerateDataKey'] },
  remindEvents: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'ConditionCheckItem'] },
  createSessions: { dynamodb: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'] },
  remindSessions: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'ConditionCheckItem'] },
  drainOutbox: { dynamodb: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'] },
  // documents are uploaded by presigned POST and read back by presigned GET, both signed with this role; sensitive data
  // is sealed with KMS data keys (GenerateDataKey) and opened for an audited read (Decrypt), on ReliefKey only
  reliefCases: { dynamodb: [...READ, ...WRITE], s3: ['PutObject', 'GetObject'], kms: ['GenerateDataKey', 'Decrypt'] },
  // payments, figures, registry and visits: never deletes; visit photos are read by presigned GET; a worker-added registry
  // head's ID number is sealed (GenerateDataKey) but nothing here opens sealed data (no Decrypt)
  reliefMoney: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'ConditionCheckItem'], s3: ['GetObject'], kms: ['GenerateDataKey'] },
  // reads the registry and writes its flags: no sensitive data, so no KMS
  screenRegistry: { dynamodb: ['GetItem', 'Query', 'PutItem', 'UpdateItem'] },
};

const TABLE = 'LinliTable';
const BUCKET = 'UploadBucket';
const RELIEF_KEY = 'ReliefKey';

function roleName(fn) {
  return `${fn[0].toUpperCase()}${fn.slice(1)}Role`;
}

function role(fn, perms) {
  const statements = [
    {
      Sid: 'Logs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: {
        'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/\${AWS::StackName}-${fn}:*`,
      },
    },
  ];
  if (perms.dynamodb && perms.dynamodb.length) {
    statements.push({
      Sid: 'Table',
      Effect: 'Allow',
      Action: perms.dynamodb.map((a) => `dynamodb:${a}`),
      Resource: [
        { 'Fn::GetAtt': [TABLE, 'Arn'] },
        { 'Fn::Join': ['', [{ 'Fn::GetAtt': [TABLE, 'Arn'] }, '/index/*']] },
      ],
    });
  }
  if (perms.s3 && perms.s3.length) {
    statements.push({
      Sid: 'Uploads',
      Effect: 'Allow',
      Action: perms.s3.map((a) => `s3:${a}`),
      Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:s3:::\${${BUCKET}}/*` },
    });
  }
  if (perms.kms && perms.kms.length) {
    statements.push({
      Sid: 'ReliefKey',
      Effect: 'Allow',
      Action: perms.kms.map((a) => `kms:${a}`),
      Resource: { 'Fn::GetAtt': [RELIEF_KEY, 'Arn'] },
      // only with relief's encryption context (platform/crypto.ts)
      Condition: { StringEquals: { 'kms:EncryptionContext:app': 'linli', 'kms:EncryptionContext:purpose': 'relief' } },
    });
  }
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: `linli ${fn}: least privilege`,
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      Policies: [{ PolicyName: `${fn}`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
    },
  };
}

function roles() {
  const out = {};
  for (const [fn, perms] of Object.entries(permissions)) out[roleName(fn)] = role(fn, perms);
  return out;
}

module.exports = { roles: roles(), permissions, roleName };

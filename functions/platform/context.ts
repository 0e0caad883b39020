import type { Principal } from '../../shared/org/schemas';
import { newId, systemClock, type Clock } from './clock';
import { readConfig, type Config } from './config';
import { Db, dynamoClient } from './db';
import { createLogger, type Logger } from './log';
import { resolveSecrets, setRuntimeEnv, type GetParameters } from './secrets';
import { s3Storage, type Storage } from './storage';
import { wechatClient, type WechatClient } from './wechat';

/** What a command may use: injected, so tests run the same code against DynamoDB Local with a fixed clock. */
export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
  wechat: WechatClient;
  storage: Storage;
  log: Logger;
}

export interface Ctx extends Deps {
  requestId: string;
  principal?: Principal;
  /** a new time-sorted id */
  newId(): string;
  /** set on creates that carry an Idempotency-Key */
  idempotency?: { key: string; hash: string };
}

export type UserCtx = Ctx & { principal: Principal };

let loading: Promise<Deps> | undefined;
let loaded: Deps | undefined;

/**
 * The dependencies of a Lambda entry point, built once per container: the configuration (its secrets read from SSM at
 * cold start in the cloud: platform/secrets.ts) and clients reused across warm invocations. A failure (a refused
 * configuration, SSM unreachable) fails the invocation with what is wrong, and the next invocation tries again.
 */
export function loadDeps(opts: { env?: NodeJS.ProcessEnv; getParameters?: GetParameters } = {}): Promise<Deps> {
  loading ??= (async () => {
    const env = await resolveSecrets(opts.env ?? process.env, opts.getParameters);
    const config = readConfig(env);
    setRuntimeEnv(env);
    loaded = {
      config,
      db: new Db(dynamoClient(env.DYNAMODB_ENDPOINT, env.AWS_REGION ?? 'cn-north-1'), config.tableName),
      clock: systemClock,
      wechat: wechatClient(config.wechat),
      storage: s3Storage(config.uploads),
      log: createLogger(),
    };
    return loaded;
  })().catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

/** The dependencies loadDeps built; for code that runs inside an entry point that awaited it. */
export function defaultDeps(): Deps {
  if (!loaded) throw new Error('defaultDeps() before loadDeps(): await loadDeps() in the Lambda entry point');
  return loaded;
}

export function makeCtx(deps: Deps, requestId: string, principal?: Principal): Ctx {
  return {
    ...deps,
    requestId,
    principal,
    newId: () => newId(deps.clock.now()),
  };
}

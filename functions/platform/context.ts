import type { Principal } from '../../shared/org/schemas';
import { newId, systemClock, type Clock } from './clock';
import { readConfig, type Config } from './config';
import { Db, dynamoClient } from './db';
import { createLogger, type Logger } from './log';
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

let cached: Deps | undefined;

/** Built once per container from the environment; clients are reused across warm invocations. */
export function defaultDeps(): Deps {
  if (!cached) {
    const config = readConfig();
    cached = {
      config,
      db: new Db(dynamoClient(), config.tableName),
      clock: systemClock,
      wechat: wechatClient(config.wechat),
      storage: s3Storage(config.uploads),
      log: createLogger(),
    };
  }
  return cached;
}

export function makeCtx(deps: Deps, requestId: string, principal?: Principal): Ctx {
  return {
    ...deps,
    requestId,
    principal,
    newId: () => newId(deps.clock.now()),
  };
}

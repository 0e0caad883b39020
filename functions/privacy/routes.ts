import { privacyApi } from '../../shared/privacy/api';
import { route } from '../platform/http';
import { closeAccount } from './commands/close';
import { listConsents, withdrawConsent } from './commands/consents';
import { readExport, startExport } from './commands/export';
import { acceptPolicy, privacyState, retentionTable } from './commands/policy';

const p = privacyApi;
export const routes = [
  route(p.state, (ctx) => privacyState(ctx)),
  route(p.accept, (ctx, { body }) => acceptPolicy(ctx, body)),
  route(p.startExport, (ctx) => startExport(ctx)),
  route(p.export, (ctx) => readExport(ctx)),
  route(p.consents, (ctx) => listConsents(ctx)),
  route(p.withdrawConsent, (ctx, { body }) => withdrawConsent(ctx, body)),
  route(p.close, (ctx) => closeAccount(ctx)),
  route(p.retention, async () => retentionTable()),
];

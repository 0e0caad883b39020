import { reliefApi as r } from '../../shared/relief/api';
import { route } from '../platform/http';
import { createBatch, importDisbursements, importState, listDisbursements, markPaid } from './commands/disbursements';
import { figures, figuresExport } from './commands/figures';
import { addToRegistry, listRegistry, tagRegistry } from './commands/registry';
import { listMustVisits, logVisit, myPairings, overdueByWorker, pair, pairingVisit, pairings, recordEvent, registryHousehold } from './commands/visits';

/** The reliefMoney function: disbursements (batch, CSV/xlsx import, paid), figures and their export, the registry, must-visits, pairing. */
export const moneyRoutes = [
  route(r.batch, (ctx, { params, body }) => createBatch(ctx, params.communityId, body)),
  route(r.importDisbursements, (ctx, { params, body }) => importDisbursements(ctx, params.subdistrictId, body)),
  route(r.importState, (ctx, { params }) => importState(ctx, params.subdistrictId, params.importId)),
  route(r.disbursements, (ctx, { params, query }) => listDisbursements(ctx, params.communityId, query)),
  route(r.markPaid, (ctx, { params, body }) => markPaid(ctx, params.communityId, body)),
  route(r.figures, (ctx, { query }) => figures(ctx, query)),
  route(r.figuresExport, (ctx, { query }) => figuresExport(ctx, query)),
  route(r.registry, (ctx, { params, query }) => listRegistry(ctx, params.communityId, query)),
  route(r.addToRegistry, (ctx, { params, body }) => addToRegistry(ctx, params.communityId, body)),
  route(r.registryHousehold, (ctx, { params }) => registryHousehold(ctx, params.communityId, params.householdId)),
  route(r.tagRegistry, (ctx, { params, body }) => tagRegistry(ctx, params.communityId, params.householdId, body)),
  route(r.recordEvent, (ctx, { params, body }) => recordEvent(ctx, params.communityId, body)),
  route(r.mustVisits, (ctx, { params, query }) => listMustVisits(ctx, params.communityId, query)),
  route(r.overdueVisits, (ctx, { params }) => overdueByWorker(ctx, params.communityId)),
  route(r.logVisit, (ctx, { params, body }) => logVisit(ctx, params.visitId, body)),
  route(r.pair, (ctx, { params, body }) => pair(ctx, params.communityId, body)),
  route(r.pairings, (ctx, { params }) => pairings(ctx, params.communityId, params.householdId)),
  route(r.pairingVisit, (ctx, { params, body }) => pairingVisit(ctx, params.communityId, params.householdId, body)),
  route(r.myPairings, (ctx) => myPairings(ctx)),
];

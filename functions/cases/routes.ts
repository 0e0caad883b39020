import { casesApi } from '../../shared/cases/api';
import { route } from '../platform/http';
import { actOnCase, revealParties } from './commands/act';
import { importTickets, importState } from './commands/import';
import { raiseCase } from './commands/raise';
import { backlog, getCase, listCommunityCases, myCases } from './commands/read';

const a = casesApi;
export const routes = [
  route(a.raise, (ctx, { body }) => raiseCase(ctx, body)),
  route(a.get, (ctx, { params }) => getCase(ctx, params.caseId)),
  route(a.act, (ctx, { params, body }) => actOnCase(ctx, params.caseId, body)),
  route(a.revealParties, (ctx, { params }) => revealParties(ctx, params.caseId)),
  route(a.ofCommunity, (ctx, { params, query }) => listCommunityCases(ctx, params.communityId, query)),
  route(a.mine, (ctx, { query }) => myCases(ctx, query)),
  route(a.backlog, (ctx, { params, query }) => backlog(ctx, params.subdistrictId, query)),
  route(a.importTickets, (ctx, { body }) => importTickets(ctx, body)),
  route(a.importState, (ctx, { params }) => importState(ctx, params.importId)),
];

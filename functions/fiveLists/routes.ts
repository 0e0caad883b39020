// only this capability's contract: shared/api.ts would bundle every other capability's schemas into this function
import { fiveListsApi as f } from '../../shared/fiveLists/api';
import { route } from '../platform/http';
import { claim, decideExtension, requestExtension } from './commands/claim';
import { close } from './commands/close';
import { collect } from './commands/collect';
import { comment, createConsultation, getConsultation, listComments, listConsultations, vote } from './commands/consultations';
import { createCouncil, getCouncil, listCouncils, publishCouncil, recordImplemented } from './commands/councils';
import { dispatch } from './commands/dispatch';
import { rate } from './commands/rate';
import { board, matterDetail, subdistrictMatters, unitMatters } from './commands/read';
import { resolve } from './commands/resolve';
import { review } from './commands/review';
import { ranking, unitScoreOf } from './commands/scores';
import { unwatch, watch } from './commands/watch';

export const routes = [
  route(f.collect, (ctx, { body }) => collect(ctx, body)),
  route(f.subdistrictMatters, (ctx, { params, query }) => subdistrictMatters(ctx, params.subdistrictId, query)),
  route(f.unitMatters, (ctx, { params, query }) => unitMatters(ctx, params.unitId, query)),
  route(f.board, (ctx, { params, query }) => board(ctx, params.communityId, query)),
  route(f.matter, (ctx, { params }) => matterDetail(ctx, params.matterId)),
  route(f.dispatch, (ctx, { params, body }) => dispatch(ctx, params.matterId, body)),
  route(f.review, (ctx, { params, body }) => review(ctx, params.matterId, body)),
  route(f.claim, (ctx, { params, body }) => claim(ctx, params.matterId, body.version)),
  route(f.requestExtension, (ctx, { params, body }) => requestExtension(ctx, params.matterId, body)),
  route(f.decideExtension, (ctx, { params, body }) => decideExtension(ctx, params.matterId, body)),
  route(f.resolve, (ctx, { params, body }) => resolve(ctx, params.matterId, body)),
  route(f.rate, (ctx, { params, body }) => rate(ctx, params.matterId, body)),
  route(f.close, (ctx, { params, body }) => close(ctx, params.matterId, body)),
  route(f.watch, (ctx, { params }) => watch(ctx, params.matterId)),
  route(f.unwatch, (ctx, { params }) => unwatch(ctx, params.matterId)),
  route(f.unitScore, (ctx, { params, query }) => unitScoreOf(ctx, params.unitId, query.year)),
  route(f.ranking, (ctx, { params, query }) => ranking(ctx, params.subdistrictId, query.year)),
  route(f.councils, (ctx, { params, query }) => listCouncils(ctx, params.communityId, query)),
  route(f.createCouncil, (ctx, { params, body }) => createCouncil(ctx, params.communityId, body)),
  route(f.council, (ctx, { params }) => getCouncil(ctx, params.councilId)),
  route(f.publishCouncil, (ctx, { params, body }) => publishCouncil(ctx, params.councilId, body.version)),
  route(f.implemented, (ctx, { params, body }) => recordImplemented(ctx, params.councilId, params.resolutionId, body)),
  route(f.consultations, (ctx, { params, query }) => listConsultations(ctx, params.unitId, query)),
  route(f.createConsultation, (ctx, { body }) => createConsultation(ctx, body)),
  route(f.consultation, (ctx, { params }) => getConsultation(ctx, params.consultationId)),
  route(f.vote, (ctx, { params, body }) => vote(ctx, params.consultationId, body.optionId)),
  route(f.comments, (ctx, { params, query }) => listComments(ctx, params.consultationId, query)),
  route(f.comment, (ctx, { params, body }) => comment(ctx, params.consultationId, body.text)),
];

import { employmentApi } from '../../shared/employment/api';
import { route } from '../platform/http';
import { employmentBoard } from './commands/board';
import { placeSeeker, recordOutcome, refer } from './commands/refer';
import { collectVacancy, recordTraining, registerSeeker } from './commands/register';

const e = employmentApi;
export const routes = [
  route(e.board, (ctx, { params }) => employmentBoard(ctx, params.communityId)),
  route(e.registerSeeker, (ctx, { body }) => registerSeeker(ctx, body)),
  route(e.collectVacancy, (ctx, { body }) => collectVacancy(ctx, body)),
  route(e.refer, (ctx, { body }) => refer(ctx, body)),
  route(e.referralOutcome, (ctx, { params, body }) => recordOutcome(ctx, params.communityId, params.referralId, body)),
  route(e.place, (ctx, { params, body }) => placeSeeker(ctx, params.communityId, params.seekerId, body)),
  route(e.recordTraining, (ctx, { body }) => recordTraining(ctx, body)),
];

import { microProjectsApi } from '../../shared/microProjects/api';
import { route } from '../platform/http';
import { projectsOfSubdistrict, publicAccounts } from './commands/accounts';
import { decideProject, proposeProject, setProjectStatus } from './commands/projects';
import { spend } from './commands/spend';

const m = microProjectsApi;
export const routes = [
  route(m.propose, (ctx, { body }) => proposeProject(ctx, body)),
  route(m.accounts, (ctx, { params }) => publicAccounts(ctx, params.communityId)),
  route(m.ofSubdistrict, (ctx, { params, query }) => projectsOfSubdistrict(ctx, params.subdistrictId, query)),
  route(m.decide, (ctx, { params, body }) => decideProject(ctx, params.communityId, params.projectId, body)),
  route(m.setStatus, (ctx, { params, body }) => setProjectStatus(ctx, params.communityId, params.projectId, body)),
  route(m.spend, (ctx, { params, body }) => spend(ctx, params.communityId, params.projectId, body)),
];

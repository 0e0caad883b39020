import { z } from 'zod';
import { Cursor, endpoint, Id, Page } from '../http';
import { DecideProjectInput, MicroProject, ProjectStatusInput, ProposeProjectInput, PublicAccounts, SpendInput, Spending } from './schemas';

const ProjectParams = z.object({ communityId: Id, projectId: Id });

/** 惠民项目: registered in shared/api.ts as `microProjects`; the microProjects function imports only this. */
export const microProjectsApi = {
  propose: endpoint({ method: 'POST', path: '/micro-projects', summary: 'A community worker proposes a project from a matter or a resolution', body: ProposeProjectInput, response: MicroProject, status: 201, idempotent: true, limit: 'ledgerEntry' }),
  accounts: endpoint({
    method: 'GET',
    path: '/communities/{communityId}/micro-projects',
    summary: "The community's projects with their spending and receipts (residents: the public accounts, approved ones only)",
    params: z.object({ communityId: Id }),
    response: PublicAccounts,
  }),
  ofSubdistrict: endpoint({
    method: 'GET',
    path: '/subdistricts/{subdistrictId}/micro-projects',
    summary: "Officers: every community's projects, newest first",
    params: z.object({ subdistrictId: Id }),
    query: z.object({ cursor: Cursor, limit: z.coerce.number().int().min(1).max(100).optional() }).strict(),
    response: Page(MicroProject),
  }),
  decide: endpoint({ method: 'POST', path: '/communities/{communityId}/micro-projects/{projectId}/decision', summary: 'An officer approves the budget or turns the project down', params: ProjectParams, body: DecideProjectInput, response: MicroProject, limit: 'ledgerEntry' }),
  setStatus: endpoint({ method: 'POST', path: '/communities/{communityId}/micro-projects/{projectId}/status', summary: 'Work started, or the project is done', params: ProjectParams, body: ProjectStatusInput, response: MicroProject, limit: 'ledgerEntry' }),
  spend: endpoint({
    method: 'POST',
    path: '/communities/{communityId}/micro-projects/{projectId}/spending',
    summary: 'Enter a spending with its receipts (never past the budget)',
    params: ProjectParams,
    body: SpendInput,
    response: Spending,
    status: 201,
    idempotent: true,
    limit: 'ledgerEntry',
  }),
};

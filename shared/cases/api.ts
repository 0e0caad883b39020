import { z } from 'zod';
import { endpoint, Id, Page } from '../http';
import { BacklogQuery, Case, CaseActionInput, CaseDetail, CaseImport, CaseImportInput, CaseListQuery, PartiesReveal, RaiseCaseInput } from './schemas';

const CaseParams = z.object({ caseId: Id });

/** 案件 (the case engine): registered in shared/api.ts as `cases`; the cases function imports only this. */
export const casesApi = {
  raise: endpoint({ method: 'POST', path: '/cases', summary: 'Raise a case of a kind (a grid worker on patrol, a community worker, an officer)', body: RaiseCaseInput, response: CaseDetail, status: 201, idempotent: true, limit: 'ledgerEntry' }),
  get: endpoint({ method: 'GET', path: '/cases/{caseId}', summary: 'One case with its history and the actions the caller may take', params: CaseParams, response: CaseDetail }),
  act: endpoint({ method: 'POST', path: '/cases/{caseId}/actions', summary: "Take one of the kind's actions over the version read (a session, an outcome, a reply ...)", params: CaseParams, body: CaseActionInput, response: CaseDetail, limit: 'ledgerEntry' }),
  revealParties: endpoint({ method: 'POST', path: '/cases/{caseId}/parties/reveal', summary: "The parties' full names and phone numbers (audited)", params: CaseParams, response: PartiesReveal, limit: 'sensitiveRead' }),
  ofCommunity: endpoint({
    method: 'GET',
    path: '/communities/{communityId}/cases',
    summary: "A community's cases of a kind, newest first: by period, state, open or overdue (the records behind the figures)",
    params: z.object({ communityId: Id }),
    query: CaseListQuery,
    response: Page(Case),
  }),
  mine: endpoint({ method: 'GET', path: '/me/cases', summary: 'Cases I handle: open ones first, soonest step deadline first', query: z.object({ cursor: z.string().max(512).optional() }).strict(), response: Page(Case) }),
  backlog: endpoint({
    method: 'GET',
    path: '/subdistricts/{subdistrictId}/cases/backlog',
    summary: "Officers: the sub-district's open cases of a kind, oldest first, flagged backlog (积案) past the kind's days",
    params: z.object({ subdistrictId: Id }),
    query: BacklogQuery,
    response: Page(Case),
  }),
  importTickets: endpoint({
    method: 'POST',
    path: '/cases/imports',
    summary: "Import the city system's export (CSV or xlsx): every row checked now (any error: 422 with row-level errors, nothing written); tickets already in are left alone; the rest written in chunks by the work worker",
    body: CaseImportInput,
    response: CaseImport,
    status: 201,
    idempotent: true,
    limit: 'import',
  }),
  importState: endpoint({ method: 'GET', path: '/cases/imports/{importId}', summary: 'An import with its counts', params: z.object({ importId: Id }), response: CaseImport }),
};

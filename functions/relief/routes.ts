import { api } from '../../shared/api';
import { route } from '../platform/http';
import {
  checkEligibility,
  consentText,
  createApplication,
  createUpload,
  editApplication,
  getRules,
  gridApplications,
  listTypes,
  myApplications,
  putRules,
  recordConsent,
  submitApplication,
  withdrawApplication,
} from './commands/apply';
import { createBatch, importDisbursements, listDisbursements, markPaid } from './commands/disbursements';
import { figures, figuresExport } from './commands/figures';
import { addToRegistry, listRegistry, tagRegistry } from './commands/registry';
import { applicationDetail, publicNotice, reviewApplication, reviewQueue } from './commands/review';
import { auditOf, reveal } from './commands/sensitive';
import { listMustVisits, logVisit, overdueByWorker, pair, pairingVisit, pairings, recordEvent } from './commands/visits';

const r = api.relief;
export const routes = [
  route(r.types, async () => listTypes()),
  route(r.consentText, async () => consentText()),
  route(r.rules, (ctx, { params }) => getRules(ctx, params.subdistrictId)),
  route(r.putRules, (ctx, { params, body }) => putRules(ctx, params.subdistrictId, body)),
  route(r.eligibility, (ctx, { body }) => checkEligibility(ctx, body)),
  route(r.upload, (ctx, { body }) => createUpload(ctx, body)),
  route(r.create, (ctx, { body }) => createApplication(ctx, body)),
  route(r.mine, (ctx, { query }) => myApplications(ctx, query)),
  route(r.application, (ctx, { params }) => applicationDetail(ctx, params.applicationId)),
  route(r.edit, (ctx, { params, body }) => editApplication(ctx, params.applicationId, body)),
  route(r.consent, (ctx, { params, body }) => recordConsent(ctx, params.applicationId, body)),
  route(r.submit, (ctx, { params, body }) => submitApplication(ctx, params.applicationId, body.version)),
  route(r.withdraw, (ctx, { params, body }) => withdrawApplication(ctx, params.applicationId, body.version)),
  route(r.review, (ctx, { params, body }) => reviewApplication(ctx, params.applicationId, body)),
  route(r.reveal, (ctx, { params, body }) => reveal(ctx, params.applicationId, body.reason)),
  route(r.audit, (ctx, { params }) => auditOf(ctx, params.applicationId)),
  route(r.queue, (ctx, { params, query }) => reviewQueue(ctx, params.unitId, query)),
  route(r.gridApplications, (ctx, { params, query }) => gridApplications(ctx, params.gridId, query)),
  route(r.notice, (ctx, { params }) => publicNotice(ctx, params.communityId)),
  route(r.batch, (ctx, { params, body }) => createBatch(ctx, params.communityId, body)),
  route(r.importDisbursements, (ctx, { params, body }) => importDisbursements(ctx, params.subdistrictId, body)),
  route(r.disbursements, (ctx, { params, query }) => listDisbursements(ctx, params.communityId, query)),
  route(r.markPaid, (ctx, { params, body }) => markPaid(ctx, params.communityId, body)),
  route(r.figures, (ctx, { query }) => figures(ctx, query)),
  route(r.figuresExport, (ctx, { query }) => figuresExport(ctx, query)),
  route(r.registry, (ctx, { params, query }) => listRegistry(ctx, params.communityId, query)),
  route(r.addToRegistry, (ctx, { params, body }) => addToRegistry(ctx, params.communityId, body)),
  route(r.tagRegistry, (ctx, { params, body }) => tagRegistry(ctx, params.communityId, params.householdId, body)),
  route(r.recordEvent, (ctx, { params, body }) => recordEvent(ctx, params.communityId, body)),
  route(r.mustVisits, (ctx, { params, query }) => listMustVisits(ctx, params.communityId, query.status)),
  route(r.overdueVisits, (ctx, { params }) => overdueByWorker(ctx, params.communityId)),
  route(r.logVisit, (ctx, { params, body }) => logVisit(ctx, params.visitId, body)),
  route(r.pair, (ctx, { params, body }) => pair(ctx, params.communityId, body)),
  route(r.pairings, (ctx, { params }) => pairings(ctx, params.communityId, params.householdId)),
  route(r.pairingVisit, (ctx, { params, body }) => pairingVisit(ctx, params.communityId, params.householdId, body)),
];

import { reliefApi as r } from '../../shared/relief/api';
import { route } from '../platform/http';
import {
  checkEligibility,
  confirmHousehold,
  consentText,
  createApplication,
  createUpload,
  editApplication,
  getRules,
  gridApplications,
  myApplications,
  putRules,
  recordConsent,
  submitApplication,
  withdrawApplication,
} from './commands/apply';
import { applicationDetail, publicNotice, reviewApplication, reviewQueue } from './commands/review';
import { auditOf, reveal, revealRegistry } from './commands/sensitive';
import { addTypeVersion, listTypes, typeVersions } from './commands/rules';
import { viewDocument } from './commands/documents';

/**
 * The reliefCases function: types and rules, applications and proxy filing, review and the queues, the public notice,
 * the audited reveal. reliefApi comes from shared/relief/api directly: shared/api would bundle every capability's schemas.
 */
export const casesRoutes = [
  route(r.types, (ctx) => listTypes(ctx)),
  route(r.typeVersions, (ctx, { params }) => typeVersions(ctx, params.type)),
  route(r.addTypeVersion, (ctx, { params, body }) => addTypeVersion(ctx, params.type, body)),
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
  route(r.confirmHousehold, (ctx, { params, body }) => confirmHousehold(ctx, params.applicationId, body.version)),
  route(r.withdraw, (ctx, { params, body }) => withdrawApplication(ctx, params.applicationId, body.version)),
  route(r.review, (ctx, { params, body }) => reviewApplication(ctx, params.applicationId, body)),
  route(r.reveal, (ctx, { params, body }) => reveal(ctx, params.applicationId, body.reason)),
  route(r.viewDocument, (ctx, { params, body }) => viewDocument(ctx, params.applicationId, params.documentId, body.reason)),
  route(r.audit, (ctx, { params, query }) => auditOf(ctx, params.applicationId, query)),
  route(r.queue, (ctx, { params, query }) => reviewQueue(ctx, params.unitId, query)),
  route(r.gridApplications, (ctx, { params, query }) => gridApplications(ctx, params.gridId, query)),
  route(r.notice, (ctx, { params, query }) => publicNotice(ctx, params.communityId, query)),
  // the registry lives in reliefMoney, but opening a sealed ID number needs kms:Decrypt, which only this function has
  route(r.revealRegistry, (ctx, { params, body }) => revealRegistry(ctx, params.communityId, params.householdId, body.reason)),
];

import { DOCUMENT_URL_SECONDS, documentIdOf, type DocumentKind } from '../../../shared/relief/schemas';
import type { UserCtx } from '../../platform/context';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors';
import { reliefKmsKeyId, type SealedWith } from '../../platform/storage';
import * as store from '../store';
import type { ApplicationRecord } from '../store';
import { documentStanding, isSealedDocument, readable } from './common';
import { writeReliefAudit } from './sensitive';

/**
 * Relief's documents (ID cards, bank cards, household registers, medical records, signed consent forms) are sensitive
 * data: stored under their own prefix with SSE-KMS under the relief key, never answered as a URL with the application,
 * opened one at a time through an audited view that answers a URL valid for 60 s.
 */

/**
 * SSE-KMS under the relief key, with relief's encryption context: S3 passes the context to KMS on every put and get of
 * the object, so the relief roles' KMS statement (its condition on app and purpose, cloud/iam.js) covers S3's calls
 * made for them, and no role without it can have S3 open the object.
 */
export function documentsEncryption(): SealedWith {
  return { kmsKeyId: reliefKmsKeyId(), context: { app: 'linli', purpose: 'relief' } };
}

/** A document of an application by its id: one of its documents, or the signed paper form's photo. */
function documentOf(r: ApplicationRecord, documentId: string): { kind: DocumentKind | 'signedConsent'; key: string } | undefined {
  const doc = r.documents.find((d) => documentIdOf(d.key) === documentId);
  if (doc) return { kind: doc.kind as DocumentKind, key: doc.key };
  if (r.consent?.photoKey && documentIdOf(r.consent.photoKey) === documentId) return { kind: 'signedConsent', key: r.consent.photoKey };
  return undefined;
}

/**
 * One document, for a stated reason: the reviewers (those who may reveal) once the application was submitted with
 * consent; its uploader while the application is a draft. The audit entry is written before the URL is signed: no
 * audit, no URL. Anyone else who reads the application (a grid worker, the household after submitting) gets 403
 * DOCUMENT_NOT_FOR_ROLE; whoever may not read it, or a wrong document id, 404.
 */
export async function viewDocument(ctx: UserCtx, appId: string, documentId: string, reason: string) {
  const r = readable(ctx, await store.getApplication(ctx.db, appId));
  const doc = documentOf(r, documentId);
  if (!doc) throw new NotFoundError('document', 'DOCUMENT_NOT_FOUND');
  const standing = documentStanding(ctx.principal, r, doc.key);
  if (standing === 'reviewerTooEarly') throw new ConflictError('NOT_YET_SUBMITTED');
  if (standing === 'no') throw new ForbiddenError('DOCUMENT_NOT_FOR_ROLE');
  // still under the old prefix (SSE-S3): scripts/migrateReliefDocuments.ts moves it; nothing here reads that prefix
  if (!isSealedDocument(doc.key)) throw new ConflictError('DOCUMENT_UNAVAILABLE');
  const now = ctx.clock.now();
  const id = await writeReliefAudit(ctx, appId, r.communityId, reason, [`document:${doc.kind}`], { documentId });
  const url = await ctx.storage.readUrl(doc.key, DOCUMENT_URL_SECONDS);
  ctx.log.info('relief document opened', { applicationId: appId, documentId, auditId: id });
  return { applicationId: appId, documentId, kind: doc.kind, url, expiresAt: new Date(now.getTime() + DOCUMENT_URL_SECONDS * 1000).toISOString(), auditId: id };
}

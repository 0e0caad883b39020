import { z } from 'zod';
import { endpoint, Page } from '../http';
import { ContentKind, ContentRef, Decision, HideInput, QueueItem, QueueQuery, ReportInput, ReportResult, RestoreInput } from './schemas';

const ItemParams = z.object({ kind: ContentKind, ref: ContentRef });

/** 内容审核: registered in shared/api.ts as `moderation`; the moderation function imports only this. */
export const moderationApi = {
  report: endpoint({ method: 'POST', path: '/moderation/{kind}/{ref}/report', summary: 'Report a matter or comment (once per person and item)', params: ItemParams, body: ReportInput, response: ReportResult, status: 201, limit: 'report' }),
  queue: endpoint({ method: 'GET', path: '/moderation/queue', summary: "Staff: a community's (or, for officers, the sub-district's) reported and review-pending items, newest first", query: QueueQuery, response: Page(QueueItem) }),
  hide: endpoint({ method: 'POST', path: '/moderation/{kind}/{ref}/hide', summary: 'Staff: hide it from neighbours, with a reason its author is told', params: ItemParams, body: HideInput, response: Decision, limit: 'moderationDecision' }),
  restore: endpoint({ method: 'POST', path: '/moderation/{kind}/{ref}/restore', summary: 'Staff: show it again (or pass it out of review)', params: ItemParams, body: RestoreInput, response: Decision, limit: 'moderationDecision' }),
};

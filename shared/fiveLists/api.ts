import { z } from 'zod';
import { Cursor, endpoint, Id, Page } from '../http';
import {
  CloseInput,
  CollectInput,
  CommentInput,
  Consultation,
  ConsultationComment,
  Council,
  CouncilList,
  CreateConsultationInput,
  CreateCouncilInput,
  DispatchInput,
  ExtensionDecisionInput,
  ExtensionInput,
  FiveListDetail,
  FiveListMatter,
  ImplementedInput,
  ListQuery,
  RateInput,
  RateResult,
  ResolveInput,
  ReviewInput,
  UnitScore,
  VersionInput,
  VoteInput,
  WatchState,
  YearQuery,
} from './schemas';

const MatterParams = z.object({ matterId: Id });
const CommunityParams = z.object({ communityId: Id });
const SubdistrictParams = z.object({ subdistrictId: Id });
const UnitParams = z.object({ unitId: Id });
const CouncilParams = z.object({ councilId: Id });
const ConsultationParams = z.object({ consultationId: Id });
const PageQuery = z.object({ cursor: Cursor, limit: z.coerce.number().int().min(1).max(100).optional() }).strict();
const m = '/five-lists/matters/{matterId}';

/** The five lists, councils and consultations: registered in shared/api.ts as `fiveLists`. */
export const fiveListsApi = {
  collect: endpoint({ method: 'POST', path: '/five-lists/matters', summary: 'A grid worker takes in a matter from a walk round or a hotline call', body: CollectInput, response: FiveListMatter, status: 201, idempotent: true, limit: 'fiveListStep' }),
  subdistrictMatters: endpoint({
    method: 'GET',
    path: '/subdistricts/{subdistrictId}/five-lists',
    summary: "The sub-district's lists by state (dispatch board, review queue, overdue), soonest deadline first",
    params: SubdistrictParams,
    query: ListQuery,
    response: Page(FiveListMatter),
  }),
  unitMatters: endpoint({ method: 'GET', path: '/units/{unitId}/five-lists', summary: "What is confirmed to a partner unit, by state, soonest deadline first", params: UnitParams, query: ListQuery, response: Page(FiveListMatter) }),
  board: endpoint({ method: 'GET', path: '/communities/{communityId}/five-lists', summary: "The community's public board of five-list matters, newest first", params: CommunityParams, query: PageQuery, response: Page(FiveListMatter) }),
  matter: endpoint({ method: 'GET', path: m, summary: 'A five-list matter with its timeline, ratings and what I may do', params: MatterParams, response: FiveListDetail }),
  dispatch: endpoint({ method: 'POST', path: `${m}/dispatch`, summary: 'Dispatch to a handling unit with a resolution deadline (sub-district)', params: MatterParams, body: DispatchInput, response: FiveListMatter, limit: 'fiveListStep' }),
  review: endpoint({ method: 'POST', path: `${m}/review`, summary: 'Confirm, merge or return a dispatch (joint committee)', params: MatterParams, body: ReviewInput, response: FiveListMatter, limit: 'fiveListStep' }),
  claim: endpoint({ method: 'POST', path: `${m}/claim`, summary: 'Claim a matter confirmed to my unit', params: MatterParams, body: VersionInput, response: FiveListMatter, limit: 'fiveListStep' }),
  requestExtension: endpoint({ method: 'POST', path: `${m}/extension`, summary: 'Ask once for more time, with a reason', params: MatterParams, body: ExtensionInput, response: FiveListMatter, limit: 'fiveListStep' }),
  decideExtension: endpoint({ method: 'POST', path: `${m}/extension/decision`, summary: 'Grant or refuse the extension (sub-district)', params: MatterParams, body: ExtensionDecisionInput, response: FiveListMatter, limit: 'fiveListStep' }),
  resolve: endpoint({ method: 'POST', path: `${m}/resolve`, summary: 'Report what was done, with photos', params: MatterParams, body: ResolveInput, response: FiveListMatter, limit: 'fiveListStep' }),
  rate: endpoint({ method: 'POST', path: `${m}/ratings`, summary: 'Rate the result (submitter and seconders)', params: MatterParams, body: RateInput, response: RateResult, status: 201, idempotent: true }),
  watch: endpoint({ method: 'PUT', path: `${m}/watch`, summary: 'Watch (关注) a matter: be told of its progress without seconding it', params: MatterParams, response: WatchState }),
  unwatch: endpoint({ method: 'DELETE', path: `${m}/watch`, summary: 'Stop watching a matter', params: MatterParams, response: WatchState }),
  close: endpoint({ method: 'POST', path: `${m}/close`, summary: 'Close a matter (sub-district)', params: MatterParams, body: CloseInput, response: FiveListMatter, limit: 'fiveListStep' }),
  unitScore: endpoint({ method: 'GET', path: '/units/{unitId}/score', summary: "A partner unit's yearly score and star rating", params: UnitParams, query: YearQuery, response: UnitScore }),
  ranking: endpoint({ method: 'GET', path: '/subdistricts/{subdistrictId}/unit-ranking', summary: "The sub-district's partner units ranked by score", params: SubdistrictParams, query: YearQuery, response: z.object({ items: z.array(UnitScore) }) }),
  councils: endpoint({ method: 'GET', path: '/communities/{communityId}/councils', summary: "A community's council meetings, newest first, a page at a time, and the implementation rate over all of them", params: CommunityParams, query: PageQuery, response: CouncilList }),
  createCouncil: endpoint({ method: 'POST', path: '/communities/{communityId}/councils', summary: 'Record a council meeting: topics and resolutions', params: CommunityParams, body: CreateCouncilInput, response: Council, status: 201, idempotent: true, limit: 'fiveListStep' }),
  council: endpoint({ method: 'GET', path: '/councils/{councilId}', summary: 'A council meeting', params: CouncilParams, response: Council }),
  publishCouncil: endpoint({ method: 'POST', path: '/councils/{councilId}/publish', summary: 'Publish a meeting and its resolutions to residents', params: CouncilParams, body: VersionInput, response: Council, limit: 'fiveListStep' }),
  implemented: endpoint({
    method: 'POST',
    path: '/councils/{councilId}/resolutions/{resolutionId}/implemented',
    summary: 'Record whether a resolution was carried out, with evidence',
    params: z.object({ councilId: Id, resolutionId: Id }),
    body: ImplementedInput,
    response: Council,
    limit: 'fiveListStep',
  }),
  consultations: endpoint({ method: 'GET', path: '/units/{unitId}/consultations', summary: "A community's or sub-district's consultations, newest first, a page at a time", params: UnitParams, query: PageQuery, response: Page(Consultation) }),
  createConsultation: endpoint({ method: 'POST', path: '/consultations', summary: 'Publish a major decision for consultation', body: CreateConsultationInput, response: Consultation, status: 201, idempotent: true, limit: 'fiveListStep' }),
  consultation: endpoint({ method: 'GET', path: '/consultations/{consultationId}', summary: 'A consultation, my vote, and the result once closed', params: ConsultationParams, response: Consultation }),
  vote: endpoint({ method: 'PUT', path: '/consultations/{consultationId}/vote', summary: 'Vote, or change my vote, while it is open', params: ConsultationParams, body: VoteInput, response: Consultation }),
  comments: endpoint({ method: 'GET', path: '/consultations/{consultationId}/comments', summary: 'Comments, newest first', params: ConsultationParams, query: PageQuery, response: Page(ConsultationComment) }),
  comment: endpoint({ method: 'POST', path: '/consultations/{consultationId}/comments', summary: 'Comment on a consultation', params: ConsultationParams, body: CommentInput, response: ConsultationComment, status: 201, idempotent: true, limit: 'comment' }),
} as const;

import { z } from 'zod';

/**
 * Every error the API can answer, by stable code, with its message in Chinese and English.
 * The code is what clients branch on; the messages are what people read.
 */
export const errorMessages = {
  VALIDATION: ['请求内容有误，请检查后重试', 'The request is not valid'],
  BAD_JSON: ['请求内容不是有效的 JSON', 'The request body is not valid JSON'],
  UNAUTHENTICATED: ['请先登录', 'Please log in first'],
  TOKEN_EXPIRED: ['登录已过期，请重新登录', 'Your login has expired'],
  FORBIDDEN: ['您没有权限进行此操作', 'You may not do this'],
  NOT_FOUND: ['没有找到该内容', 'Not found'],
  ROUTE_NOT_FOUND: ['没有这个接口', 'No such endpoint'],
  CONFLICT: ['操作冲突，请刷新后重试', 'Conflict: refresh and try again'],
  STALE_VERSION: ['内容已被他人修改，请刷新后重试', 'Someone else changed this: refresh and try again'],
  IDEMPOTENCY_KEY_REUSED: ['同一个请求标识被用于不同的内容', 'This Idempotency-Key was used for a different request'],
  WECHAT_LOGIN_FAILED: ['微信登录失败，请重试', 'WeChat login failed'],
  INVALID_REFRESH_TOKEN: ['登录凭证无效，请重新登录', 'The refresh token is not valid'],
  INVALID_INVITE_CODE: ['邀请码无效', 'The invite code is not valid'],
  ALREADY_BOUND: ['您已绑定社区', 'You are already bound to a community'],
  NOT_BOUND: ['请先绑定所在社区', 'Bind to your community first'],
  BINDING_PENDING: ['绑定申请已提交，等待社区确认', 'Your binding request awaits confirmation'],
  NO_OPEN_SESSION: ['暂无可提交的说事会', 'No session is open for matters'],
  SESSION_CLOSED: ['本次说事会已截止提交', 'This session no longer takes matters'],
  SESSION_NOT_IN_PROGRESS: ['说事会尚未开始或已结束', 'The session is not in progress'],
  SESSION_ALREADY_STARTED: ['说事会已开始', 'The session has already started'],
  MATTERS_WITHOUT_OUTCOME: ['还有事项未记录结果', 'Some matters have no outcome yet'],
  MATTER_NOT_EDITABLE: ['该事项已不能修改', 'This matter can no longer be changed'],
  OWN_MATTER: ['不能附议自己提出的事项', 'You cannot second your own matter'],
  ALREADY_SECONDED: ['您已附议过该事项', 'You have already seconded this matter'],
  MATTER_WITHDRAWN: ['该事项已撤回', 'This matter has been withdrawn'],
  OUTCOME_REASON_REQUIRED: ['不予受理须说明理由', 'A matter not accepted needs a reason'],
  UNIT_HAS_WRONG_PARENT: ['上级单位类型不对', 'The parent unit is of the wrong kind'],
  GRANT_UNIT_MISMATCH: ['该角色不能授予此类单位', 'This role cannot be granted on that kind of unit'],
  UPLOAD_NOT_YOURS: ['图片不属于您', 'That upload is not yours'],
  RATE_LIMITED: ['操作太频繁，请稍后再试', 'Too many requests: try again later'],
  INTERNAL: ['服务器开小差了，请稍后再试', 'Something went wrong on our side'],
} as const satisfies Record<string, readonly [string, string]>;

export type ErrorCode = keyof typeof errorMessages;

export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  requestId: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

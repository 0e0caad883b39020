import { z } from 'zod';
import { Id } from '../http';
import { Grant } from '../org/schemas';

export const WechatLoginInput = z.object({ code: z.string().trim().min(1).max(128) }).strict();
export const RefreshInput = z.object({ refreshToken: z.string().min(20).max(200) }).strict();
/** Sign out this sign-in (the refresh token's) or every one (`everywhere`); the caller's access tokens stop either way. */
/** This sign-in (its refresh token) or every sign-in of the caller: a logout that names neither would end nothing. */
export const LogoutInput = z
  .object({ refreshToken: z.string().min(20).max(200).optional(), everywhere: z.boolean().optional() })
  .strict()
  .refine((v) => v.refreshToken !== undefined || v.everywhere === true, { message: 'refreshToken or everywhere: true', path: ['refreshToken'] });

export const Me = z.object({
  id: Id,
  displayName: z.string(),
  grants: z.array(Grant.extend({ unitName: z.string() })),
  /** the community a resident is bound to */
  communityId: Id.optional(),
  communityName: z.string().optional(),
  /** a binding request waiting for a community worker */
  pendingCommunityId: Id.optional(),
});
export type Me = z.infer<typeof Me>;

export const Tokens = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** seconds the access token lives */
  expiresIn: z.number().int(),
  me: Me,
});
export type Tokens = z.infer<typeof Tokens>;

export const ProfileInput = z.object({ displayName: z.string().trim().min(1).max(20) }).strict();

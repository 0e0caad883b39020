import { z } from 'zod';
import { Id, IsoDateTime } from '../http';
import { Photo, PhotoKey } from '../sayItDay/schemas';
import { PhotoCheck } from '../moderation/schemas';

/**
 * 社区公告 (announcements): a community worker or a sub-district officer tells the residents of a unit something.
 * The audience (受众) is a unit (the sub-district, a community, a grid) or a building (楼栋) of a community, named by a
 * free-text label ("3号楼"); residents say which building they live in (their announcement settings).
 */
export const AudienceKind = z.enum(['subdistrict', 'community', 'grid', 'building']);
export type AudienceKind = z.infer<typeof AudienceKind>;

/** A building's label as people type it: trimmed, no inner spaces, Latin letters upper-case ("3 号楼 " → "3号楼", "b2" → "B2"). */
export function normalizeBuilding(label: string): string {
  return label.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export const BuildingLabel = z
  .string()
  .transform(normalizeBuilding)
  .pipe(z.string().min(1, 'building').max(20).regex(/^[^#|]+$/, 'building'));

/** Whom an announcement is for, as the poster picks it: a unit, and within a community optionally one building. */
export const AudienceInput = z.object({ unitId: Id, building: BuildingLabel.optional() }).strict();
export type AudienceInput = z.infer<typeof AudienceInput>;

export const Audience = z.object({
  kind: AudienceKind,
  unitId: Id,
  unitName: z.string(),
  building: z.string().optional(),
});
export type Audience = z.infer<typeof Audience>;

/** scheduled: waits for publishAt (residents do not see it); published: residents it reaches see it; withdrawn: gone from their lists. */
export const AnnouncementState = z.enum(['scheduled', 'published', 'withdrawn']);
export type AnnouncementState = z.infer<typeof AnnouncementState>;

export const AnnouncementTitle = z.string().trim().min(2, 'too short').max(60);
export const AnnouncementBody = z.string().trim().min(2, 'too short').max(2000);

export const Announcement = z.object({
  id: Id,
  title: z.string(),
  body: z.string(),
  audience: Audience,
  subdistrictId: Id,
  communityId: Id.optional(),
  gridId: Id.optional(),
  photos: z.array(Photo),
  pinned: z.boolean(),
  publishAt: IsoDateTime,
  state: AnnouncementState,
  authorName: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().min(0),
  /** the reader's own: whether they have opened it (residents it reaches) */
  read: z.boolean().optional(),
  /** staff over its audience and the author: residents who opened it (人次, each counted once) */
  readCount: z.number().int().min(0).optional(),
  /** staff: residents told by inbox (and subscribe message where they hold a grant) when it was published */
  notifiedCount: z.number().int().min(0).optional(),
  /** staff: what they may do with it now */
  canEdit: z.boolean().optional(),
  canWithdraw: z.boolean().optional(),
  /** staff over it and its author: WeChat's verdict on each attachment (pending: held from residents; risky: never shown) */
  photoChecks: z.array(z.object({ key: PhotoKey, check: PhotoCheck })).optional(),
});
export type Announcement = z.infer<typeof Announcement>;

export const PostAnnouncementInput = z
  .object({
    title: AnnouncementTitle,
    body: AnnouncementBody,
    audience: AudienceInput,
    photos: z.array(PhotoKey).max(9).default([]),
    pinned: z.boolean().default(false),
    /** absent: now. Later: residents see it (and are told) only from then. */
    publishAt: IsoDateTime.optional(),
  })
  .strict();
export type PostAnnouncementInput = z.infer<typeof PostAnnouncementInput>;

/** Before it is published anything may change; once published, only `pinned`. */
export const EditAnnouncementInput = z
  .object({
    title: AnnouncementTitle.optional(),
    body: AnnouncementBody.optional(),
    audience: AudienceInput.optional(),
    photos: z.array(PhotoKey).max(9).optional(),
    pinned: z.boolean().optional(),
    publishAt: IsoDateTime.optional(),
    version: z.number().int().min(0),
  })
  .strict();
export type EditAnnouncementInput = z.infer<typeof EditAnnouncementInput>;

/** A resident's page of the announcements that reach them: unread first, then pinned, then newest. */
export const MyAnnouncements = z.object({
  items: z.array(Announcement),
  /** how many of this page's items are unread (the first page holds the newest 20 by default) */
  unread: z.number().int().min(0),
  cursor: z.string().optional(),
});
export type MyAnnouncements = z.infer<typeof MyAnnouncements>;

export const ReadResult = z.object({
  id: Id,
  /** true for the open that counted; a retry or a second open counts nothing */
  firstRead: z.boolean(),
});

/** A resident's announcement settings: the building they live in (for building announcements), and whether to be told. */
export const AnnouncementSettings = z.object({
  communityId: Id,
  building: z.string().optional(),
  notify: z.boolean(),
});
export type AnnouncementSettings = z.infer<typeof AnnouncementSettings>;

export const AnnouncementSettingsInput = z
  .object({
    building: BuildingLabel.nullable().optional(),
    notify: z.boolean(),
  })
  .strict();
export type AnnouncementSettingsInput = z.infer<typeof AnnouncementSettingsInput>;

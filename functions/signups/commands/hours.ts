import { randomBytes } from 'node:crypto';
import { hoursOf } from '../../../shared/signups/hours';
import { maskName } from '../../../shared/platform/masking';
import { isStaffOver } from '../../../shared/signups/permissions';
import type { Certificate } from '../../../shared/signups/schemas';
import type { Ctx, UserCtx } from '../../platform/context';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { transactCreate } from '../../platform/idempotency';
import { getUnit } from '../../platform/units';
import { certificatePdf } from '../certificatePdf';
import * as store from '../store';

async function ledger(ctx: UserCtx, userId: string) {
  const [entries, totalMinutes] = await Promise.all([store.getLedger(ctx, userId), store.getHoursTotal(ctx, userId)]);
  return { userId, totalMinutes, entries: entries.reverse() };
}

export const myHours = (ctx: UserCtx) => ledger(ctx, ctx.principal.userId);

/** A volunteer's ledger: theirs, or the staff's over their community. Anyone else finds nothing there. */
export async function volunteerHours(ctx: UserCtx, userId: string) {
  if (userId !== ctx.principal.userId) {
    const v = await store.getVolunteer(ctx, userId);
    if (!v || !isStaffOver(ctx.principal, v.communityPath)) throw new NotFoundError('volunteer');
  }
  return ledger(ctx, userId);
}

const SERIAL_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A certificate of service hours for a period, as data (民政部令第67号 asks for name, ID, organisation, the service,
 * hours and period, and a number to check it by). It is kept under its serial, so anyone can verify it.
 * The PDF is drawn from the stored record on request (`certificateFile`).
 */
export async function issueCertificate(ctx: UserCtx, period: { from: string; to: string }): Promise<Certificate> {
  const v = await store.getVolunteer(ctx, ctx.principal.userId);
  if (!v) throw new ForbiddenError('NOT_A_VOLUNTEER');
  const entries = await store.getLedger(ctx, v.userId, period.from, period.to);
  if (!entries.length) throw new UnprocessableError('CERTIFICATE_EMPTY');
  const organisation = (await getUnit(ctx.db, v.communityPath[0]!))?.name ?? '';
  const now = ctx.clock.now();
  let random = '';
  for (const b of randomBytes(10)) random += SERIAL_ALPHABET[b % SERIAL_ALPHABET.length];
  const totalMinutes = entries.reduce((n, e) => n + e.minutes, 0);
  const cert: Certificate = {
    serial: `LL${now.toISOString().slice(0, 10).replace(/-/g, '')}${random}`,
    name: v.realName,
    // the masked form kept in the clear on the volunteer's record: the certificate never needs the full number
    maskedId: v.maskedIdNumber,
    organisation,
    activities: entries.map((e) => ({ title: e.activityTitle, servedOn: e.servedOn, minutes: e.minutes })),
    totalMinutes,
    hours: hoursOf(totalMinutes),
    from: period.from,
    to: period.to,
    issuedAt: now.toISOString(),
  };
  // with an Idempotency-Key, a retried request answers the certificate first issued instead of issuing another
  return transactCreate(ctx, [store.certificateWrite({ ...cert, userId: v.userId })], cert);
}

/**
 * The certificate as a PDF, for its holder only (anyone else: 404, as if there were none). Answered in the JSON body,
 * base64, as the API answers other files (`GET /relief/figures/export`): a certificate is a few kilobytes, so it needs
 * no bucket, no object to expire and no second request; it is drawn again from the stored record each time.
 */
export async function certificateFile(ctx: UserCtx, serial: string) {
  const c = await store.getCertificate(ctx, serial);
  if (!c || c.userId !== ctx.principal.userId) throw new NotFoundError('certificate');
  const { userId, ...cert } = c;
  void userId;
  return { filename: `volunteer-certificate-${c.serial}.pdf`, contentType: 'application/pdf' as const, encoding: 'base64' as const, content: certificatePdf(cert).toString('base64') };
}

/**
 * Public: what a certificate with this serial says, with the name masked and the ID number as masked as the paper prints
 * it (to compare the two); `valid: false` for any other serial.
 */
export async function verifyCertificate(ctx: Ctx, serial: string) {
  const c = await store.getCertificate(ctx, serial);
  if (!c) return { serial, valid: false };
  return { serial, valid: true, name: maskName(c.name), maskedId: c.maskedId, organisation: c.organisation, totalMinutes: c.totalMinutes, from: c.from, to: c.to, issuedAt: c.issuedAt };
}

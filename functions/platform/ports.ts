import type { FiveListSource } from '../../shared/fiveLists/schemas';
import type { Matter, MatterCategory } from '../../shared/sayItDay/schemas';
import type { Ctx } from './context';
import type { TxWrite } from './db';

/**
 * Ports: what one capability offers another, named here so that neither imports the other's internals (DESIGN: a
 * capability never imports another's). The capability that provides a port implements its interface; functions/ports.ts,
 * where the capabilities are composed, binds each port to its implementation.
 */

/** A matter entering the five lists: a say-it day's outcome, a grid worker's walk round, a hotline call. */
export interface CollectedMatter {
  id: string;
  communityId: string;
  subdistrictId: string;
  gridId?: string;
  authorId: string;
  authorName: string;
  anonymous: boolean;
  category: MatterCategory;
  text: string;
  photoKeys: string[];
  location?: Matter['location'];
  secondCount?: number;
}

/** 网格收单: how a matter enters the five lists, provided by fiveLists (functions/fiveLists/intake.ts) to say-it days. */
export interface FiveListsIntake {
  /**
   * The writes that put a matter into `collected`, with its first history entry, for the transaction of the change that
   * causes them. The matter is written only where absent: a matter enters the five lists once.
   */
  collectWrites(ctx: Ctx, m: CollectedMatter, by: { userId: string; name: string }, opts?: { source?: FiveListSource; note?: string; reporterName?: string }): TxWrite[];
  /** The write that takes a matter back out of the five lists, only while nobody has acted on it (still `collected`). */
  uncollectWrites(matterId: string): TxWrite[];
}

/** A place on the reservation engine as another capability sees it (sign-ups' PlaceRecord, narrowed). */
export interface EnginePlace {
  id: string;
  kind: 'shift' | 'event' | 'elderCare';
  ownerId: string;
  title: string;
  state: 'draft' | 'open' | 'cancelled';
  capacity: number;
  maxSeats: number;
  maxCompanions: number;
  startsAt: string;
  endsAt: string;
  cancelCutoffAt: string;
  place: string;
  unitPath: string[];
  organizerId: string;
  free: number;
  taken: number;
  waiting: number;
  waitSeq: number;
  head: number;
}
export type NewEnginePlace = Omit<EnginePlace, 'free' | 'taken' | 'waiting' | 'waitSeq' | 'head'>;

export interface EngineReservation {
  placeId: string;
  userId: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  position?: number;
}

/**
 * 预约引擎: sign-ups' reservation engine (functions/signups/reservations.ts) offered to elder care, so that a slot is a
 * place like a shift's: capacity never exceeded, the waitlist promoted in order, the cut-off kept. Its writes run as the
 * calling function, which declares the engine's prefixes (PLACE#, and the promotion's notifications).
 */
export interface ReservationEngine {
  /** the put that creates an open place, for the caller's transaction */
  newPlaceWrite(p: NewEnginePlace): TxWrite;
  getPlace(ctx: Ctx, placeId: string): Promise<EnginePlace | undefined>;
  getPlaces(ctx: Ctx, placeIds: string[]): Promise<EnginePlace[]>;
  getReservation(ctx: Ctx, placeId: string, userId: string): Promise<EngineReservation | undefined>;
  /** a seat, or a waitlist position; idempotent per person and place */
  reserve(ctx: Ctx, place: EnginePlace, holder: { userId: string; displayName: string }): Promise<EngineReservation>;
  /** gives the seat back before the cut-off (the waitlist moves up) or leaves the waitlist */
  cancel(ctx: Ctx, placeId: string, userId: string): Promise<EngineReservation>;
  /** what a list shows: never below zero, never above what the queue can hold */
  availabilityOf(p: EnginePlace): { capacity: number; taken: number; free: number; waiting: number };
}

/** What the relief registry says of a resident, for elder care's subsidies (no ID number, no income leaves relief). */
export interface ReliefEligibility {
  /** 低保 (an approved, current dibao case or the registry's tag) and disability (an approved disability type or the tag) */
  of(ctx: Ctx, userId: string, communityId: string): Promise<{ dibao: boolean; disability: boolean }>;
}

export interface Ports {
  fiveListsIntake: FiveListsIntake;
  reservations: ReservationEngine;
  reliefEligibility: ReliefEligibility;
}

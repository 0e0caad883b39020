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

export interface Ports {
  fiveListsIntake: FiveListsIntake;
}

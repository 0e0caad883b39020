import type { UserCtx } from '../../platform/context';
import { ForbiddenError } from '../../platform/errors';

/** A matter may carry only photos its author uploaded: upload keys are `uploads/<userId>/<id>.<ext>`. */
export function checkPhotoKeys(ctx: UserCtx, photoKeys: readonly string[]): void {
  const own = `uploads/${ctx.principal.userId}/`;
  if (photoKeys.some((k) => !k.startsWith(own))) throw new ForbiddenError('UPLOAD_NOT_YOURS');
  if (new Set(photoKeys).size !== photoKeys.length) throw new ForbiddenError('UPLOAD_NOT_YOURS');
}

import { requireCapability } from '../../domain/access/capabilities.js';
import { DomainError } from '../../domain/domain-error.js';
import { recordAdminAction } from '../../store/admin-audit.js';
import { deleteLetterheadLogo, readLetterheadLogo, writeLetterheadLogo, type LetterheadLogo } from '../../store/letterhead-logos.js';
import { auditActorId, type AdminActor } from '../admin/admin-actor.js';
import type { AppDeps } from '../deps.js';

/** A logo is printed about 2 cm wide; half a megabyte is plenty for that at print resolution. */
export const maxLogoBytes = 512 * 1024;

/** The type the bytes say they are (their magic number), not what the upload claimed. */
function sniffImageType(content: Buffer): 'image/png' | 'image/jpeg' | undefined {
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  return undefined;
}

/** Replaces the letterhead logo; only PNG and JPEG, which the PDF renderer can embed. */
export async function setLetterheadLogo(deps: AppDeps, actor: AdminActor, content: Buffer): Promise<{ mediaType: string; sizeBytes: number }> {
  requireCapability(actor, 'configure');
  if (content.length > maxLogoBytes) throw new DomainError('request.invalid', {}, [{ pointer: '/logo', code: 'file_too_large', params: { max: '512 KB' } }]);
  const mediaType = sniffImageType(content);
  if (mediaType === undefined) throw new DomainError('request.invalid', {}, [{ pointer: '/logo', code: 'image_type' }]);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await writeLetterheadLogo(trx, { mediaType, content }, now);
    await recordAdminAction(trx, { actorId: auditActorId(actor), action: 'letterhead_logo.set', target: { type: 'setting', id: 'letterhead_logo' }, summary: { mediaType, sizeBytes: content.length }, occurredAt: now });
  });
  return { mediaType, sizeBytes: content.length };
}

export async function getLetterheadLogo(deps: AppDeps): Promise<LetterheadLogo | undefined> {
  return readLetterheadLogo(deps.db);
}

export async function removeLetterheadLogo(deps: AppDeps, actor: AdminActor): Promise<void> {
  requireCapability(actor, 'configure');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteLetterheadLogo(trx))) throw new DomainError('admin.not_found');
    await recordAdminAction(trx, { actorId: auditActorId(actor), action: 'letterhead_logo.removed', target: { type: 'setting', id: 'letterhead_logo' }, summary: {}, occurredAt: now });
  });
}

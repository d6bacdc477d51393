/**
 * A member's time off with times (SPEC §8.2): blocks [from, to) of local date-time in the member's
 * zone, any length, with a note; they count like bookings (buffers and gap included). A member (or
 * an admin) manages their own; another member's, or a block addressed under the wrong member,
 * answers NOT_FOUND.
 */
import type { Store } from '../../ports.ts';
import { invalid, ok, type Result, refuse } from '../../result.ts';
import { blockProblem } from '../../setup-schema.ts';
import type { Actor } from '../actor.ts';
import { ownedMember } from './staff-reads.ts';
import type { BlockFields, StoredBlock } from './staff-store.ts';

export interface BlockInput {
  readonly from: string;
  readonly to: string;
  readonly note?: string | null;
}

/** A block whose end is after its start, or the refusal naming `to` (bounds are checked for shape at the edge). */
export function checkBlock(b: BlockFields): Result<BlockFields> {
  const problem = blockProblem(b);
  return problem === null ? ok(b) : invalid('A block must end after it starts.', { to: problem });
}

export async function listBlocks(
  deps: { store: Pick<Store, 'listBlocks' | 'listStaff'> },
  actor: Actor,
  staffId: string,
): Promise<Result<StoredBlock[]>> {
  const member = await ownedMember(deps.store, actor, staffId);
  return member.ok ? ok(await deps.store.listBlocks(staffId)) : member;
}

export async function getBlock(
  deps: { store: Pick<Store, 'getBlock' | 'listStaff'> },
  actor: Actor,
  staffId: string,
  blockId: string,
): Promise<Result<StoredBlock>> {
  const member = await ownedMember(deps.store, actor, staffId);
  if (!member.ok) return member;
  const block = await deps.store.getBlock(blockId);
  return block && block.staffId === staffId ? ok(block) : refuse('NOT_FOUND', `No block ${blockId}.`);
}

export async function addBlock(
  deps: { store: Pick<Store, 'addBlock' | 'listStaff'> },
  actor: Actor,
  staffId: string,
  input: BlockInput,
): Promise<Result<StoredBlock>> {
  const member = await ownedMember(deps.store, actor, staffId);
  if (!member.ok) return member;
  const checked = checkBlock({ from: input.from, to: input.to, note: input.note ?? null });
  if (!checked.ok) return checked;
  const added = await deps.store.addBlock(staffId, checked.value);
  return added ? ok(added) : refuse('NOT_FOUND', `No staff member ${staffId}.`);
}

/** Changes the fields given, judged with the stored ones. */
export async function updateBlock(
  deps: { store: Pick<Store, 'getBlock' | 'listStaff' | 'updateBlock'> },
  actor: Actor,
  staffId: string,
  blockId: string,
  input: Partial<BlockInput>,
): Promise<Result<StoredBlock>> {
  const found = await getBlock(deps, actor, staffId, blockId);
  if (!found.ok) return found;
  const b = found.value;
  const checked = checkBlock({
    from: input.from ?? b.from,
    to: input.to ?? b.to,
    note: input.note === undefined ? b.note : input.note,
  });
  if (!checked.ok) return checked;
  const updated = await deps.store.updateBlock(blockId, checked.value);
  return updated ? ok(updated) : refuse('NOT_FOUND', `No block ${blockId}.`);
}

export async function removeBlock(
  deps: { store: Pick<Store, 'getBlock' | 'listStaff' | 'removeBlock'> },
  actor: Actor,
  staffId: string,
  blockId: string,
): Promise<Result<StoredBlock>> {
  const found = await getBlock(deps, actor, staffId, blockId);
  if (!found.ok) return found;
  const removed = await deps.store.removeBlock(blockId);
  return removed ? ok(removed) : refuse('NOT_FOUND', `No block ${blockId}.`);
}

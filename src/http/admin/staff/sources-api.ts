/**
 * Dashboard API: a member's date-specific hours and blocks (SPEC §8.1–8.2), under /staff/{id}. A
 * staff member reaches only their own; another member's answers 404, as does a block addressed
 * under the wrong member.
 */
import { Hono } from 'hono';
import { addBlock, getBlock, listBlocks, removeBlock, updateBlock } from '../../../app/dashboard/staff/blocks.ts';
import { getDateHours, replaceDateHours, setDateHours } from '../../../app/dashboard/staff/date-hours.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import { readBody } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';
import { presentBlock, presentDateHours, presentRanges } from './present-sources.ts';
import { blockBody, dateHoursBody, oneDateBody, updateBlockBody } from './source-bodies.ts';

export function sourcesApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.get('/:id/date-hours', async (c) => {
    const r = await getDateHours(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json({ dateHours: presentDateHours(r.value) }) : sendRefusal(c, r);
  });
  api.put('/:id/date-hours', async (c) => {
    const input = await readBody(c, dateHoursBody);
    if (!input.ok) return input.response;
    const r = await replaceDateHours(deps, c.get('actor'), c.req.param('id'), input.value.dateHours);
    return r.ok ? c.json({ dateHours: presentDateHours(r.value) }) : sendRefusal(c, r);
  });
  api.put('/:id/date-hours/:date', async (c) => {
    const input = await readBody(c, oneDateBody);
    if (!input.ok) return input.response;
    const { id, date } = c.req.param();
    const r = await setDateHours(deps, c.get('actor'), id, date, input.value.hours);
    return r.ok ? c.json({ date: r.value.date, hours: presentRanges(r.value.hours ?? []) }) : sendRefusal(c, r);
  });
  api.delete('/:id/date-hours/:date', async (c) => {
    const { id, date } = c.req.param();
    const r = await setDateHours(deps, c.get('actor'), id, date, null);
    return r.ok ? c.json({ date: r.value.date, hours: null }) : sendRefusal(c, r);
  });

  api.get('/:id/blocks', async (c) => {
    const r = await listBlocks(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json({ blocks: r.value.map(presentBlock) }) : sendRefusal(c, r);
  });
  api.post('/:id/blocks', async (c) => {
    const input = await readBody(c, blockBody);
    if (!input.ok) return input.response;
    const r = await addBlock(deps, c.get('actor'), c.req.param('id'), input.value);
    return r.ok ? c.json(presentBlock(r.value), 201) : sendRefusal(c, r);
  });
  api.get('/:id/blocks/:blockId', async (c) => {
    const r = await getBlock(deps, c.get('actor'), c.req.param('id'), c.req.param('blockId'));
    return r.ok ? c.json(presentBlock(r.value)) : sendRefusal(c, r);
  });
  api.patch('/:id/blocks/:blockId', async (c) => {
    const input = await readBody(c, updateBlockBody);
    if (!input.ok) return input.response;
    const r = await updateBlock(deps, c.get('actor'), c.req.param('id'), c.req.param('blockId'), input.value);
    return r.ok ? c.json(presentBlock(r.value)) : sendRefusal(c, r);
  });
  api.delete('/:id/blocks/:blockId', async (c) => {
    const r = await removeBlock(deps, c.get('actor'), c.req.param('id'), c.req.param('blockId'));
    return r.ok ? c.json(presentBlock(r.value)) : sendRefusal(c, r);
  });
  return api;
}

/**
 * A member's date-specific hours and blocks, posted from their schedule page (SPEC §8.1–8.2):
 * checked with the admin API's schemas, saved by the same use cases (a staff member reaches only
 * their own; another's answers the 404 page), then back to the page's section with a notice.
 */
import { type Context, Hono } from 'hono';
import { addBlock, removeBlock } from '../../../app/dashboard/staff/blocks.ts';
import { setDateHours } from '../../../app/dashboard/staff/date-hours.ts';
import type { AppDeps } from '../../deps.ts';
import type { AdminEnv } from '../auth.ts';
import { checkForm, type Problems, refusalProblems } from '../form-kit/form-body.ts';
import { readPosted } from '../form-kit/posted-form.ts';
import { wordsOf } from '../language.ts';
import { catalogRefusalPage } from '../refusal-page.tsx';
import { blockBody, oneDateBody } from './source-bodies.ts';
import { blockFieldOf } from './staff-blocks.tsx';
import { dateHoursFieldOf, readDateHoursForm } from './staff-date-hours.tsx';
import { renderMember } from './staff-member-page.tsx';

type Ctx = Context<AdminEnv>;

const back = (staffId: string, done: string, section: string) => `/admin/staff/${staffId}?done=${done}#${section}`;

async function saveDateHours(c: Ctx, deps: AppDeps, id: string) {
  const { values, date, body } = readDateHoursForm(await readPosted(c));
  const problems: Problems = new Map();
  if (date === '') problems.set('date', 'required');
  const checked = checkForm(oneDateBody, body, problems, dateHoursFieldOf);
  const r = checked ? await setDateHours(deps, c.get('actor'), id, date, checked.hours) : null;
  if (r?.ok) return c.redirect(back(id, 'date-hours', 'date-hours'), 303);
  if (r && r.code !== 'VALIDATION_FAILED') return catalogRefusalPage(c, deps, r, 'staff');
  const errors = Object.fromEntries(r ? refusalProblems(r, await wordsOf(c, deps), dateHoursFieldOf) : problems);
  return renderMember(c, deps, id, { dateHours: { values, errors } }, 400);
}

async function addTimeOff(c: Ctx, deps: AppDeps, id: string) {
  const form = await readPosted(c);
  const values = {
    blockFrom: form.text('blockFrom'),
    blockTo: form.text('blockTo'),
    blockNote: form.text('blockNote'),
  };
  const problems: Problems = new Map();
  const body = { from: values.blockFrom, to: values.blockTo, note: values.blockNote || null };
  const checked = checkForm(blockBody, body, problems, blockFieldOf);
  const r = checked ? await addBlock(deps, c.get('actor'), id, checked) : null;
  if (r?.ok) return c.redirect(back(id, 'block-added', 'blocks'), 303);
  if (r && r.code !== 'VALIDATION_FAILED') return catalogRefusalPage(c, deps, r, 'staff');
  return renderMember(
    c,
    deps,
    id,
    {
      block: {
        values,
        errors: Object.fromEntries(r ? refusalProblems(r, await wordsOf(c, deps), blockFieldOf) : problems),
      },
    },
    400,
  );
}

export function staffSourcesPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.post('/staff/:id/date-hours', (c) => saveDateHours(c, deps, c.req.param('id')));
  app.post('/staff/:id/date-hours/:date/delete', async (c) => {
    const { id, date } = c.req.param();
    const r = await setDateHours(deps, c.get('actor'), id, date, null);
    return r.ok
      ? c.redirect(back(id, 'date-hours-removed', 'date-hours'), 303)
      : catalogRefusalPage(c, deps, r, 'staff');
  });
  app.post('/staff/:id/blocks', (c) => addTimeOff(c, deps, c.req.param('id')));
  app.post('/staff/:id/blocks/:blockId/delete', async (c) => {
    const { id, blockId } = c.req.param();
    const r = await removeBlock(deps, c.get('actor'), id, blockId);
    return r.ok ? c.redirect(back(id, 'block-removed', 'blocks'), 303) : catalogRefusalPage(c, deps, r, 'staff');
  });
  return app;
}

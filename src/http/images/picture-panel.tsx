/**
 * The dashboard's picture panel on a service's edit page and a staff member's page (decision 032):
 * the current picture, a multipart form to upload another (CSRF field first, so the guard finds
 * it), and a form to remove it. What happened comes back as `?picture=` from a fixed list.
 */
import type { ImageRef } from '../../app/model.ts';
import type { DashboardMessages } from '../../i18n/dashboard/index.ts';
import { Notice } from '../admin/form-kit/fields.tsx';
import { useDashboardWords } from '../admin/form-kit/words.ts';
import { Csrf } from '../admin/layout.tsx';
import { imagePath } from './image-urls.ts';

/** The outcomes an upload or removal redirects with, and what each says (in the page's language). */
export const PICTURE_OUTCOMES: Readonly<Record<string, (t: DashboardMessages) => string>> = {
  saved: (t) => t.common.words.picture.saved,
  removed: (t) => t.common.words.picture.removed,
  'not-image': (t) => t.common.words.picture.notImage,
  'too-large': (t) => t.common.words.picture.tooLarge,
  missing: (t) => t.common.words.picture.missing,
};

export interface PicturePanelProps {
  readonly csrf: string;
  /** `/admin/services/{id}/image` or `/admin/staff/{id}/photo`. */
  readonly action: string;
  /** `image` or `photo`: the form field, and how the panel names it. */
  readonly field: 'image' | 'photo';
  readonly current: ImageRef | null | undefined;
  /** Whose picture, for the preview's alt text. */
  readonly owner: string;
  /** The `?picture=` of the redirect. */
  readonly outcome: string | undefined;
}

export function PicturePanel(p: PicturePanelProps) {
  // The layout's catalogue (form-kit/words.ts): the services and staff pages need not pass it.
  const t = useDashboardWords();
  const k = p.field === 'image' ? t.common.words.picture.image : t.common.words.picture.photo;
  const outcome = p.outcome && Object.hasOwn(PICTURE_OUTCOMES, p.outcome) ? p.outcome : undefined;
  const said = outcome ? PICTURE_OUTCOMES[outcome]?.(t) : undefined;
  const failed = outcome === 'not-image' || outcome === 'too-large' || outcome === 'missing';
  return (
    <section class="panel" aria-labelledby="picture">
      <h2 id="picture">{k.title}</h2>
      {outcome && !failed ? <Notice text={said} /> : null}
      {outcome && failed ? (
        <p class="alert" role="alert">
          {said}
        </p>
      ) : null}
      {p.current ? (
        <img
          class="picture-preview"
          src={imagePath(p.current)}
          alt={k.alt(p.owner)}
          width={p.current.width}
          height={p.current.height}
          loading="lazy"
        />
      ) : (
        <p class="muted">{k.none}</p>
      )}
      <form method="post" action={p.action} enctype="multipart/form-data">
        <Csrf token={p.csrf} />
        <p class="field">
          <label for={`f-${p.field}`}>{k.file}</label>
          <input
            type="file"
            id={`f-${p.field}`}
            name={p.field}
            accept="image/jpeg,image/png,image/webp"
            required
            aria-describedby={`h-${p.field}`}
          />
          <span class="hint" id={`h-${p.field}`}>
            {t.common.words.picture.hint}
          </span>
        </p>
        <p class="actions">
          <button type="submit" class="primary">
            {k.upload}
          </button>
        </p>
      </form>
      {p.current ? (
        <form method="post" action={`${p.action}/delete`}>
          <Csrf token={p.csrf} />
          <button type="submit" class="secondary">
            {k.remove}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/**
 * The dashboard's picture panel on a service's edit page and a staff member's page (decision 032):
 * the current picture, a multipart form to upload another (CSRF field first, so the guard finds
 * it), and a form to remove it. What happened comes back as `?picture=` from a fixed list.
 */
import type { ImageRef } from '../../app/model.ts';
import { Notice } from '../admin/form-kit/fields.tsx';
import { Csrf } from '../admin/layout.tsx';
import { imagePath } from './image-urls.ts';

/** The outcomes an upload or removal redirects with, and what each says. */
export const PICTURE_OUTCOMES: Readonly<Record<string, string>> = {
  saved: 'The picture is saved: the booking pages show it at once.',
  removed: 'The picture is removed.',
  'not-image': 'That file is not a JPEG, PNG or WebP image (or it is damaged): nothing was saved.',
  'too-large': 'That file is larger than 5 MB: nothing was saved.',
  missing: 'Choose a file first.',
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
  const title = p.field === 'image' ? 'Image' : 'Photo';
  const outcome = p.outcome && Object.hasOwn(PICTURE_OUTCOMES, p.outcome) ? p.outcome : undefined;
  const failed = outcome === 'not-image' || outcome === 'too-large' || outcome === 'missing';
  return (
    <section class="panel" aria-labelledby="picture">
      <h2 id="picture">{title}</h2>
      {outcome && !failed ? <Notice text={PICTURE_OUTCOMES[outcome]} /> : null}
      {outcome && failed ? (
        <p class="alert" role="alert">
          {PICTURE_OUTCOMES[outcome]}
        </p>
      ) : null}
      {p.current ? (
        <img
          class="picture-preview"
          src={imagePath(p.current)}
          alt={`${title} of ${p.owner}`}
          width={p.current.width}
          height={p.current.height}
          loading="lazy"
        />
      ) : (
        <p class="muted">No {title.toLowerCase()} yet.</p>
      )}
      <form method="post" action={p.action} enctype="multipart/form-data">
        <Csrf token={p.csrf} />
        <p class="field">
          <label for={`f-${p.field}`}>{title} file</label>
          <input
            type="file"
            id={`f-${p.field}`}
            name={p.field}
            accept="image/jpeg,image/png,image/webp"
            required
            aria-describedby={`h-${p.field}`}
          />
          <span class="hint" id={`h-${p.field}`}>
            JPEG, PNG or WebP, at most 5 MB. It is resized to 1600 pixels at most, and its metadata (such as the place a
            photo was taken) is removed.
          </span>
        </p>
        <p class="actions">
          <button type="submit" class="primary">
            Upload {title.toLowerCase()}
          </button>
        </p>
      </form>
      {p.current ? (
        <form method="post" action={`${p.action}/delete`}>
          <Csrf token={p.csrf} />
          <button type="submit" class="secondary">
            Remove {title.toLowerCase()}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/**
 * English wording of the dashboard's frame (layout, navigation, language choice) and of words
 * every screen shares: the reference shape for the other locales.
 */
export const en = {
  /** The Intl locale the dashboard writes dates, times and money in. */
  intlLocale: 'en-GB',
  lang: 'en',
  skipToContent: 'Skip to content',
  /** <title>: "{page} — {business} dashboard". */
  pageTitle: (page: string, business: string) => `${page} — ${business} dashboard`,
  navLabel: 'Dashboard',
  nav: {
    calendar: 'Calendar',
    bookings: 'Bookings',
    reports: 'Reports',
    waitlist: 'Waitlist',
    services: 'Services',
    resources: 'Resources',
    staff: 'Staff',
    mySchedule: 'My schedule',
    settings: 'Settings',
    webhooks: 'Webhooks',
    account: 'Account',
  },
  apiKey: 'API key',
  signOut: 'Sign out',
  /** The account page's language form. */
  language: {
    title: 'Dashboard language',
    label: 'Language',
    browser: 'As my browser asks',
    hint: 'The dashboard speaks this language to you; clients get the pages and emails in theirs.',
    save: 'Save language',
    saved: 'Your dashboard language is saved.',
  },
  /** Helper B's shared words: the refusal page, the guard's plain-text answers. */
  words: {
    notFound: 'Not found',
    notAllowed: 'Not allowed',
    notPossible: 'Not possible',
    noSuchPage: 'There is no such page, or it is not one you can see.',
    askAnAdmin: (reason: string) => `${reason} Ask an admin if you need a change here.`,
    backToCalendar: 'Back to the calendar',
    pagesNeedSession: 'The dashboard pages take a signed-in session, not an API key.',
    formExpired: 'This form has expired or did not come from this site. Go back, reload and try again.',
    /** The picture panel of a service's and a staff member's page (http/images/picture-panel.tsx). */
    picture: {
      image: {
        title: 'Image',
        none: 'No image yet.',
        file: 'Image file',
        upload: 'Upload image',
        remove: 'Remove image',
        alt: (owner: string) => `Image of ${owner}`,
      },
      photo: {
        title: 'Photo',
        none: 'No photo yet.',
        file: 'Photo file',
        upload: 'Upload photo',
        remove: 'Remove photo',
        alt: (owner: string) => `Photo of ${owner}`,
      },
      hint: 'JPEG, PNG or WebP, at most 5 MB. It is resized to 1600 pixels at most, and its metadata (such as the place a photo was taken) is removed.',
      saved: 'The picture is saved: the booking pages show it at once.',
      removed: 'The picture is removed.',
      notImage: 'That file is not a JPEG, PNG or WebP image (or it is damaged): nothing was saved.',
      tooLarge: 'That file is larger than 5 MB: nothing was saved.',
      missing: 'Choose a file first.',
    },
  },
  /**
   * A use case's refusal in words, by its machine code and details (http/admin/refusal-words.ts):
   * the use cases write English for the API, the dashboard says it in its own language.
   */
  refusals: {
    VALIDATION_FAILED: 'Some of what was sent is not valid: check it and send it again.',
    UNAUTHORIZED: 'Your session has ended: sign in again.',
    FORBIDDEN: 'Only an admin can do this.',
    NOT_FOUND: 'There is no such item, or it is not one you can see.',
    SLOT_UNAVAILABLE: 'That time is not available.',
    RESCHEDULE_NOT_ALLOWED: 'This booking cannot be moved.',
    CANCEL_NOT_ALLOWED: 'This booking cannot be cancelled.',
    PAYMENT_OPTION_NOT_ALLOWED: 'That way of paying is not offered for this booking.',
    IDEMPOTENCY_KEY_REUSED: 'This request was already sent with other details: reload the page.',
    RATE_LIMITED: (wait: string) => `Too many attempts; please try again in ${wait}.`,
    PAYLOAD_TOO_LARGE: 'What was sent is too large.',
    UNSUPPORTED_MEDIA_TYPE: 'What was sent is not in a form the dashboard reads.',
    BACKUP_NOT_AVAILABLE: 'This server does not copy its PostgreSQL database: back it up with pg_dump.',
    URL_NOT_ALLOWED: 'The address must point at a public internet address.',
    SEATS_UNAVAILABLE: (left: number) =>
      left === 1 ? 'Only 1 seat is left in that session.' : `Only ${left} seats are left in that session.`,
    SERIES_CONFLICT: (n: number) =>
      n === 1 ? '1 date of the series cannot be booked.' : `${n} dates of the series cannot be booked.`,
    OUTCOME_NOT_ALLOWED: 'This booking cannot be marked.',
    INTERNAL: 'The server could not do this.',
    /** Why, from the refusal's `details.reason`, said after the code's words. */
    changed: 'It changed meanwhile: reload the page.',
    started: 'It has already started.',
    notStarted: 'It has not started yet.',
    notConfirmed: 'Only a confirmed booking can be.',
    /** `status`: the booking status's label ("Cancelled"). */
    already: (status: string) => `Its status is already “${status}”.`,
    /** RATE_LIMITED's wait: under 90 seconds in seconds, under 90 minutes in minutes, else in hours (rounded up). */
    seconds: (n: number) => (n === 1 ? '1 second' : `${n} seconds`),
    minutes: (n: number) => (n === 1 ? '1 minute' : `${n} minutes`),
    hours: (n: number) => (n === 1 ? '1 hour' : `${n} hours`),
  },
};

/** The shape every locale's common catalogue has: the English one's. */
export type CommonMessages = typeof en;

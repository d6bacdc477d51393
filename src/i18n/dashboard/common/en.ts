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
};

/** The shape every locale's common catalogue has: the English one's. */
export type CommonMessages = typeof en;

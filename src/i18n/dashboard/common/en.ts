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
  /** Words several areas share (helper A's additions). */
  shared: {
    notFound: 'Not found',
    notAllowed: 'Not allowed',
    notPossible: 'Not possible',
    noSuchPage: 'There is no such page, or it is not one you can see.',
    askAdmin: (message: string) => `${message} Ask an admin if you need a change here.`,
    backToCalendar: 'Back to the calendar',
  },
};

/** The shape every locale's common catalogue has: the English one's. */
export type CommonMessages = typeof en;

/** English wording of the dashboard's external calendars (src/http/admin/calendars): the reference shape. */
export const en = {
  title: 'Busy times from other calendars',
  labels: { label: 'Name', url: 'Calendar address (iCalendar URL)' },
  intro:
    'Subscribe to the calendars this person already keeps (the secret address of a Google calendar, a published Outlook calendar, any iCalendar link): their events are not bookable.',
  onRefresh: 'Each is fetched when added and when you press “Refresh now”.',
  polled: (minutes: number) => `Each is fetched when added, then every ${minutes} minutes.`,
  empty: 'No calendars subscribed.',
  caption: 'Subscribed calendars',
  address: 'Address',
  state: 'State',
  lastFetched: (when: string) => `Last fetched: ${when}`,
  never: 'never',
  busyTimes: (n: number) => `, ${n} busy ${n === 1 ? 'time' : 'times'}`,
  lastTryFailed: (error: string) => `Last try failed: ${error}`,
  goodCopyKept: ' (the last good copy is kept)',
  refresh: 'Refresh now',
  refreshOne: (label: string) => `Refresh ${label} now`,
  removeOne: (label: string) => `Remove ${label}`,
  addTitle: 'Subscribe to a calendar',
  labelHint: 'Optional, e.g. “Personal”.',
  urlHint:
    'https://…; in Google Calendar: Settings, the calendar, “Secret address in iCal format”. Kept secret: it is not shown again.',
  subscribe: 'Subscribe',
  refused: 'The calendar was not added',
  done: {
    added: 'The calendar is subscribed and fetched: its busy times are no longer bookable.',
    refreshed: 'The calendar is fetched again.',
    failed: 'The calendar could not be fetched: see its state below.',
    removed: 'The calendar is removed: its busy times are bookable again.',
  },
};

/** The shape every locale's calendars catalogue has: the English one's. */
export type CalendarsMessages = typeof en;

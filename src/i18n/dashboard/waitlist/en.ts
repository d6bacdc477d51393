/** English wording of the dashboard's waitlist screen (src/http/admin/waitlist): the reference shape. */
export const en = {
  title: 'Waitlist',
  dayForm: 'Day of the waitlist',
  date: 'Date',
  show: 'Show',
  nobody: 'Nobody is waiting on this day.',
  columns: { client: 'Client', times: 'Times', seats: 'Seats', status: 'Status', offered: 'Offered' },
  anyTime: 'any time',
  /** An entry's status, by its value. */
  statuses: { waiting: 'waiting', booked: 'booked', left: 'left' },
};

/** The shape every locale's waitlist catalogue has: the English one's. */
export type WaitlistMessages = typeof en;

/** English wording of the dashboard's reports screens (src/http/admin/reports): the reference shape. */
export const en = {
  title: 'Reports',
  fields: { from: 'From', to: 'To (included)', staff: 'Staff member' },
  checkRange: 'Please check the range',
  rangeLabel: 'Range of the report',
  everyone: 'Everyone',
  show: 'Show',
  download: 'Download CSV',
  /** The heading of the totals: "{from} to {to}", both dates written out. */
  range: (from: string, to: string) => `${from} to ${to}`,
  totals: {
    bookings: 'Bookings',
    noShows: 'No-shows',
    cancellations: 'Cancellations',
    paid: 'Revenue (paid)',
    due: 'Still due',
    utilisation: 'Utilisation',
  },
  explain: (zone: string) =>
    `Dates and weeks in ${zone}; a week starts on Monday. A booking counts in the week it starts; no-shows are bookings too. Revenue is what was paid, and what cancellations kept. Utilisation is booked time over working time (weekly hours, date hours, days off and blocks).`,
  otherCurrencies: (list: string) => ` Services priced in other currencies: ${list}.`,
  otherPaid: (amount: string) => `${amount} paid`,
  charts: {
    bookings: 'Bookings per week',
    revenue: (currency: string) => `Revenue per week (${currency})`,
    utilisation: 'Utilisation per week (%)',
    staff: 'Per staff member',
  },
  columns: {
    weekOf: 'Week of',
    bookings: 'Bookings',
    noShows: 'No-shows',
    cancellations: 'Cancellations',
    paid: 'Paid',
    due: 'Due',
    utilisation: 'Utilisation (%)',
    bookedHours: 'Booked hours',
    workingHours: 'Working hours',
    staff: 'Staff member',
    paidIn: (currency: string) => `Paid (${currency})`,
  },
  /** The CSV download's header and row kinds (`?columns=api` keeps the API's machine names). */
  csv: {
    columns: {
      row: 'Row',
      week: 'Week of',
      staffId: 'Staff id',
      staff: 'Staff member',
      bookings: 'Bookings',
      noShows: 'No-shows',
      cancellations: 'Cancellations',
      revenue: 'Paid',
      due: 'Due',
      bookedMinutes: 'Booked minutes',
      workingMinutes: 'Working minutes',
      utilisation: 'Utilisation (0–1)',
    },
    rows: { total: 'Total', week: 'Week', staff: 'Staff member' },
  },
  apiColumns: 'CSV with the API’s column names',
  chartLabel: (title: string) => `${title}: chart; the table beside it gives the numbers`,
};

/** The shape every locale's reports catalogue has: the English one's. */
export type ReportsMessages = typeof en;

/** English wording of the dashboard's calendars screens (src/http/admin/calendars): the reference shape. */
export const en = {};

/** The shape every locale's calendars catalogue has: the English one's. */
export type CalendarsMessages = typeof en;

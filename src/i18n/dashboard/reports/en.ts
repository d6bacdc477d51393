/** English wording of the dashboard's reports screens (src/http/admin/reports): the reference shape. */
export const en = {};

/** The shape every locale's reports catalogue has: the English one's. */
export type ReportsMessages = typeof en;

/** English wording of the dashboard's staff screens (src/http/admin/staff): the reference shape. */
export const en = {};

/** The shape every locale's staff catalogue has: the English one's. */
export type StaffMessages = typeof en;

/** English wording of the dashboard's accounts screens (src/http/admin/accounts): the reference shape. */
export const en = {};

/** The shape every locale's accounts catalogue has: the English one's. */
export type AccountsMessages = typeof en;

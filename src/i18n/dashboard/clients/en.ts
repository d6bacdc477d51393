/** English wording of the dashboard's clients screens (src/http/admin/clients): the reference shape. */
export const en = {};

/** The shape every locale's clients catalogue has: the English one's. */
export type ClientsMessages = typeof en;

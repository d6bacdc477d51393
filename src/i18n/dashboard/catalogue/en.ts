/** English wording of the dashboard's catalogue screens (src/http/admin/catalogue): the reference shape. */
export const en = {};

/** The shape every locale's catalogue catalogue has: the English one's. */
export type CatalogueMessages = typeof en;

/** English wording of the dashboard's feeds screens (src/http/admin/feeds): the reference shape. */
export const en = {};

/** The shape every locale's feeds catalogue has: the English one's. */
export type FeedsMessages = typeof en;

/** English wording of the dashboard's resources screens (src/http/admin/resources): the reference shape. */
export const en = {};

/** The shape every locale's resources catalogue has: the English one's. */
export type ResourcesMessages = typeof en;

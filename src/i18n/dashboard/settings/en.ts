/** English wording of the dashboard's settings screens (src/http/admin/settings): the reference shape. */
export const en = {};

/** The shape every locale's settings catalogue has: the English one's. */
export type SettingsMessages = typeof en;

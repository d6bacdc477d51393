/** English wording of the dashboard's form-kit screens (src/http/admin/form-kit): the reference shape. */
export const en = {};

/** The shape every locale's form-kit catalogue has: the English one's. */
export type FormKitMessages = typeof en;
